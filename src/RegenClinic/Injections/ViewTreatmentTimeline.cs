using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Injections;

public sealed record TimelineCourse(Guid Id, string Therapy, string Protocol, int Sessions, CourseStatus Status, int Charted);

public sealed record TimelineProcedure(Guid Id, Guid CourseId, LocalDate Date, int SessionIndex, string Therapy, ProcedureFamily Family, string Summary,
    decimal? TotalOzoneMicrograms, decimal TotalVolumeMl, bool Current, bool Voided, int Overrides, int AdverseEvents, ProcedureDose Dose);

public sealed record TreatmentTimeline(IReadOnlyList<TimelineCourse> Courses, IReadOnlyList<TimelineProcedure> Procedures);

/// <summary>The patient's injection and cell-therapy courses and every charted procedure with its dose, newest first,
/// across therapies (issue 5). Audited as a read of the chart.</summary>
public sealed class ViewTreatmentTimeline(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<TreatmentTimeline> HandleAsync(Guid patientId, CancellationToken ct = default)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.PatientId == patientId && c.Therapy != "hbot").ToListAsync(ct);
        var procedures = await db.ProcedureRecords.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(ct);
        var events = await db.AdverseEvents.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => e.ProcedureId).ToListAsync(ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "TreatmentTimeline", patientId.ToString(), patientId, null));
        await db.SaveChangesAsync(ct);
        var current = procedures.Where(p => p.IsCurrent).ToList();
        return new TreatmentTimeline(
            [.. courses.OrderByDescending(c => c.PrescribedAt).Select(c => new TimelineCourse(c.Id, c.Therapy, c.Protocol, c.Sessions, c.Status,
                current.Count(p => p.CourseId == c.Id)))],
            [.. procedures.OrderByDescending(p => p.ProcedureDate).ThenByDescending(p => p.RecordedAt).Select(p => new TimelineProcedure(p.Id, p.CourseId,
                p.ProcedureDate, p.SessionIndex, p.Therapy, p.Family, p.Summary, p.TotalOzoneMicrograms, p.TotalVolumeMl, p.IsCurrent, p.VoidedAt is not null,
                p.Overrides.Count, events.Count(e => e == p.Id), ProcedureDose.From(p)))]);
    }
}
