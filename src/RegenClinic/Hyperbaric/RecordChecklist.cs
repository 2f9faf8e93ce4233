using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Eligibility;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Hyperbaric;

/// <summary>What the chamber nurse enters at the chamber side. Null means "not checked" (the item fails). The screening item is
/// not entered: the screening engine re-runs on today's chart when the checklist is signed.</summary>
/// <param name="ProhibitedFound">Items found on the patient; null when the search was not done.</param>
/// <param name="ConsentSeen">Signed HBOT consent seen in the paper record (a linked consent on the course also counts).</param>
public sealed record ChecklistEntry(
    Guid CourseId, int? Systolic, int? Diastolic, int? HeartRate, int? SpO2, bool VitalsAcceptable, decimal? TemperatureCelsius,
    bool? EarsAndSinusesClear, bool Diabetic, int? GlucoseMgPerDl, IReadOnlyCollection<ProhibitedItem>? ProhibitedFound, bool? CottonGarments,
    bool ConsentSeen);

/// <summary>Records the signed pre-dive checklist of today's next session of a course, judged by <see cref="PreDiveChecklist"/>.</summary>
public sealed class RecordChecklist(ClinicDb db, ClinicActor actor, ClinicTime time, HyperbaricSettings settings, ScreeningSettings screening)
{
    public async Task<Guid> HandleAsync(ChecklistEntry entry, CancellationToken ct = default)
    {
        var course = await HbotCourses.FindAsync(db, entry.CourseId, ct);
        HbotCourses.EnsureOpen(course);
        var today = time.Today;
        var done = await HbotCourses.SessionsDoneAsync(db, course.Id, ct);
        var orderSigned = await db.HbotDailyOrders.AnyAsync(o => o.CourseId == course.Id && o.Date == today, ct);
        var diabetic = entry.Diabetic || await IsDiabeticAsync(course.PatientId, ct);
        Vitals? vitals = entry is { Systolic: { } sys, Diastolic: { } dia, HeartRate: { } hr, SpO2: { } spo2 }
            ? new Vitals(sys, dia, hr, spo2, entry.VitalsAcceptable)
            : null;
        var consent = course.ConsentId is not null || entry.ConsentSeen
            || await db.Consents.AnyAsync(c => c.PatientId == course.PatientId && c.Therapy == HbotCourses.Therapy && c.Status == ConsentStatus.Signed, ct);
        var input = new PreDiveChecklistInput(today, vitals, entry.TemperatureCelsius, entry.EarsAndSinusesClear, diabetic, entry.GlucoseMgPerDl,
            entry.ProhibitedFound, entry.CottonGarments, consent, orderSigned, done, course.Sessions,
            await RerunScreeningAsync(course, today, ct));
        var record = PreDiveChecklistRecord.Record(course.Id, course.PatientId, input, settings.Checklist, actor.Name, time.Now);
        db.PreDiveChecklists.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    /// <summary>Re-runs the hbot screening on today's chart (the same engine and chart reader as <see cref="Eligibility.ScreenPatient"/>)
    /// and compares it with the last screening a physician decided on (the course's when none is newer).</summary>
    private async Task<ScreeningRerun> RerunScreeningAsync(Domain.Plans.TreatmentCourse course, LocalDate today, CancellationToken ct)
    {
        var facts = await PatientFactsFromChart.LoadAsync(db, course.PatientId, time.Zone, ct);
        var result = Screening.Screen(facts, TherapyId.Hbot, today, screening);
        var decided = await db.Screenings.AsNoTracking()
            .Where(s => s.PatientId == course.PatientId && s.Therapy == HbotCourses.Therapy && s.Decision != ScreeningDecision.Pending && s.Date <= today)
            .OrderByDescending(s => s.ScreenedAt).FirstOrDefaultAsync(ct);
        decided ??= course.ScreeningId is { } id ? await db.Screenings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        var baseline = decided is null ? null : ScreeningJson.ReadResult(decided.ResultJson);
        return DailyScreening.Compare(result, baseline, today);
    }

    /// <summary>ICD-10-CM E08–E13: the diabetes mellitus categories; a current, active entry makes the glucose item apply.</summary>
    public static bool IsDiabetesCode(string code) =>
        code.Length >= 3 && code[0] == 'E' && int.TryParse(code.AsSpan(1, 2), out var n) && n is >= 8 and <= 13;

    private async Task<bool> IsDiabeticAsync(Guid patientId, CancellationToken ct)
    {
        var conditions = await db.Conditions.AsNoTracking().Where(c => c.PatientId == patientId && EF.Functions.Like(c.Code, "E%")).ToListAsync(ct);
        return conditions.Any(c => c.IsCurrent && c.ClinicalStatus is ClinicalStatus.Active or ClinicalStatus.Recurrence or ClinicalStatus.Relapse && IsDiabetesCode(c.Code));
    }
}

/// <summary>A physician overrides a failed checklist item, with a reason; the item then no longer blocks the dive.</summary>
public sealed class OverrideChecklistItem(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid checklistId, ChecklistItem item, string reason, CancellationToken ct = default)
    {
        var record = await db.PreDiveChecklists.FirstOrDefaultAsync(c => c.Id == checklistId, ct)
            ?? throw new DomainException("checklist.not-found", "No checklist with this id.", "checklistId");
        record.Override(Require.Defined(item, "item"), actor.Name, reason, time.Now);
        await db.SaveChangesAsync(ct);
    }
}
