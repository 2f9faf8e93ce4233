using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Plans;
using RegenClinic.Eligibility;

namespace RegenClinic.Plans;

/// <summary>Activates a course only on (1) the latest screening for its therapy, decided, recent and allowing a course after
/// overrides, (2) the physician's acknowledgement where the evidence is negative or absent, and (3) a signed, not withdrawn
/// consent of the current text version. Each refusal is a DomainException with its own code, shown to the user.</summary>
public sealed class StartCourse(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <summary>A screening is for its date; a course starts on one at most this old (the pre-session checklist re-screens daily).</summary>
    public const int ScreeningMaxAgeDays = 7;

    public async Task HandleAsync(Guid courseId, CancellationToken ct = default)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == courseId, ct)
            ?? throw new DomainException("course.not-found", "No such course.", "courseId");
        var screening = await db.Screenings.Where(s => s.PatientId == course.PatientId && s.Therapy == course.Therapy)
            .OrderByDescending(s => s.ScreenedAt).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("course.no-screening", "Screen the patient for this therapy before starting the course.");
        if (screening.Decision == ScreeningDecision.Pending)
            throw new DomainException("course.screening-undecided", "The latest screening has no physician decision yet.");
        if (!screening.AllowsCourse)
            throw new DomainException("course.screening-not-eligible", $"The latest screening's verdict after overrides is {screening.EffectiveVerdict}: this therapy may not start.");
        if (screening.Date < time.Today.PlusDays(-ScreeningMaxAgeDays))
            throw new DomainException("course.screening-stale", $"The latest screening is from {screening.Date:uuuu-MM-dd}; screen again (at most {ScreeningMaxAgeDays} days old).");
        if (ScreeningRules.NeedsAcknowledgement(ScreeningJson.ReadResult(screening.ResultJson)) && !screening.EvidenceAcknowledged)
            throw new DomainException("course.evidence-not-acknowledged", "The evidence for this indication is negative or absent and the physician has not acknowledged it.");
        var textVersion = ConsentTemplate.TextVersion(KnowledgeBase.Default.RuleSetVersion);
        var consents = await db.Consents.Where(c => c.PatientId == course.PatientId && c.Therapy == course.Therapy && c.Status == ConsentStatus.Signed)
            .ToListAsync(ct);
        if (consents.Count == 0)
            throw new DomainException("course.no-consent", "No signed consent for this therapy.");
        var consent = consents.Where(c => c.IsCurrentFor(textVersion)).OrderByDescending(c => c.RecordedAt).FirstOrDefault()
            ?? throw new DomainException("course.consent-outdated", $"The signed consent is of an older text version; the patient must sign the current version ({textVersion}).");
        course.LinkScreening(screening.Id);
        course.LinkConsent(consent.Id);
        course.Activate();
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, "course-start", nameof(TreatmentCourse), course.Id.ToString(), course.PatientId,
            $"screening {screening.Id} ({screening.EffectiveVerdict}), consent {consent.Id} ({consent.TextVersion})"));
        await db.SaveChangesAsync(ct);
    }
}
