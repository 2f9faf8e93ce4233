using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Travel;

/// <summary>An adverse event as the letter names it: <paramref name="What"/> in the letter's language for injection events
/// (the catalogue's names); for HBOT events <paramref name="HbotType"/>, which the page names in the letter's language.</summary>
public sealed record LetterEvent(LocalDate Date, string What, HyperbaricAdverseEventType? HbotType, ONeillGrade? ONeill, string Severity);

public sealed record LetterScore(LocalDate Date, string InstrumentId, string? Point, double? Score, string? Interpretation);

/// <summary>What a discharge letter to the home physician says about one course: sessions given of those prescribed, the
/// first and last session day, the adverse events and the outcome scores, in the patient's language (Dutch or English).</summary>
public sealed record DischargeLetter(
    string Language, string PatientName, LocalDate BirthDate, string RecordNumber, HomePhysician? HomePhysician, string SiteName, string SiteCity,
    string Therapy, string Protocol, int SessionsPrescribed, int SessionsGiven, LocalDate? FirstSession, LocalDate? LastSession, CourseStatus Status,
    string Goals, IReadOnlyList<LetterEvent> AdverseEvents, IReadOnlyList<LetterScore> Scores, LocalDate Today);

/// <summary>
/// Gathers a course's summary for the discharge letter to the home physician kept from the enquiry (or entered on the
/// patient). Sessions given: surfaced dives of the course (HBOT) or current, not voided procedure records (injections and cell
/// therapy). The read is audited before anything is returned.
/// </summary>
public sealed class ViewDischargeLetter(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<DischargeLetter> HandleAsync(Guid courseId, CancellationToken ct = default)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct) ?? throw new DomainException("course.not-found", "No such course.", "id");
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == course.PatientId, ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "DischargeLetter", courseId.ToString(), patient.Id, course.Therapy));
        await db.SaveChangesAsync(ct);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == course.SiteId, ct);
        var language = patient.PreferredLanguage.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? "nl" : "en";

        List<LocalDate> sessionDays;
        var events = new List<LetterEvent>();
        if (course.Therapy == "hbot")
        {
            sessionDays = await (from c in db.PreDiveChecklists
                                 where c.CourseId == courseId && c.DiveId != null
                                 join d in db.HbotDives on c.DiveId equals d.Id
                                 where d.Status == DiveStatus.Surfaced
                                 select d.Date).ToListAsync(ct);
            var hbotEvents = await db.HbotAdverseEvents.AsNoTracking().Where(e => e.CourseId == courseId).OrderBy(e => e.OccurredAt).ToListAsync(ct);
            events.AddRange(hbotEvents.Select(e => new LetterEvent(time.Local(e.OccurredAt).Date, e.Type.ToString(), e.Type, e.ONeillGrade, e.Severity.ToString())));
        }
        else
        {
            var procedures = await db.ProcedureRecords.AsNoTracking().Where(p => p.CourseId == courseId && p.VoidedAt == null && p.SupersededAt == null)
                .Select(p => new { p.Id, p.ProcedureDate }).ToListAsync(ct);
            sessionDays = [.. procedures.Select(p => p.ProcedureDate)];
            var ids = procedures.Select(p => p.Id).ToList();
            var injectionEvents = await db.AdverseEvents.AsNoTracking().Where(e => ids.Contains(e.ProcedureId)).OrderBy(e => e.OnsetAt).ToListAsync(ct);
            events.AddRange(injectionEvents.Select(e => new LetterEvent(time.Local(e.OnsetAt).Date,
                AdverseEventCatalog.Find(e.EventCode) is { } t ? (language == "nl" ? t.DisplayNl : t.DisplayEn) : e.EventCode, null, null, e.Severity.ToString())));
        }
        var scores = (await db.OutcomeScores.AsNoTracking().Where(s => s.CourseId == courseId).ToListAsync(ct))
            .OrderBy(s => s.EffectiveAt)
            .Select(s => new LetterScore(time.Local(s.EffectiveAt).Date, s.InstrumentId, s.MeasurementPoint, s.Score, s.Interpretation)).ToList();
        var therapy = KnowledgeBase.Default.Therapy(new TherapyId(course.Therapy)).Name.In(language);
        return new DischargeLetter(language, $"{patient.GivenName} {patient.FamilyName}", patient.BirthDate, patient.RecordNumber, patient.HomePhysician,
            site.Name, site.City, therapy, course.Protocol, course.Sessions, sessionDays.Count,
            sessionDays.Count == 0 ? null : sessionDays.Min(), sessionDays.Count == 0 ? null : sessionDays.Max(), course.Status, course.Goals,
            events, scores, time.Today);
    }
}
