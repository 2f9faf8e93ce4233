using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

/// <summary>When a patient can come, as the scheduler uses it: windows per weekday (none = any open time), dates they
/// cannot come, and the stay of a travelling patient. <see cref="DailyFrom"/>–<see cref="DailyUntil"/> is the older
/// every-day window, shown until weekly windows replace it.</summary>
public sealed record AvailabilityView(Guid PatientId, string PatientName, IReadOnlyList<ShiftView> Windows, LocalTime? DailyFrom, LocalTime? DailyUntil,
    IReadOnlyList<LocalDate> Unavailable, LocalDate? StayFrom, LocalDate? StayTo);

public sealed class ViewPatientAvailability(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<AvailabilityView> HandleAsync(Guid patientId, CancellationToken ct = default)
    {
        var name = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.FamilyName + ", " + p.GivenName).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("patient.not-found", "No such patient.", "id");
        var a = await db.PatientAvailabilities.AsNoTracking().FirstOrDefaultAsync(x => x.PatientId == patientId, ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "PatientAvailability", patientId.ToString(), patientId, null));
        await db.SaveChangesAsync(ct);
        static LocalTime? T(int? m) => m is { } x ? LocalTime.FromMinutesSinceMidnight(Math.Min(x, 1439)) : null;
        return a is null
            ? new AvailabilityView(patientId, name, [], null, null, [], null, null)
            : new AvailabilityView(patientId, name, [.. a.Weekly.Select(w => new ShiftView(w.Day, LocalTime.FromMinutesSinceMidnight(w.From), LocalTime.FromMinutesSinceMidnight(w.Until)))],
                T(a.FromMinute), T(a.UntilMinute), [.. a.UnavailableDates.Select(LocalDate.FromDateOnly)], a.StayFrom, a.StayTo);
    }
}

public sealed record AvailabilityChange(Guid PatientId, IReadOnlyList<ShiftView> Windows, IReadOnlyList<LocalDate> Unavailable, LocalDate? StayFrom, LocalDate? StayTo);

/// <summary>Records when a patient can come; the next proposal or repair uses it (<see cref="ClinicInstance"/>). Audited by the interceptor.</summary>
public sealed class SetPatientAvailability(ClinicDb db)
{
    public async Task HandleAsync(AvailabilityChange change, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == change.PatientId, ct)) throw new DomainException("patient.not-found", "No such patient.", "id");
        var a = await db.PatientAvailabilities.FirstOrDefaultAsync(x => x.PatientId == change.PatientId, ct);
        if (a is null) db.PatientAvailabilities.Add(a = PatientAvailability.For(change.PatientId));
        a.SetWeekly(change.Windows.Select(w => (w.Day, w.Start, w.End)), change.Unavailable, change.StayFrom, change.StayTo);
        await db.SaveChangesAsync(ct);
    }
}
