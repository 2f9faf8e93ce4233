using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Clinic;

public sealed record SessionToday(Guid AppointmentId, Guid PatientId, string PatientName, string RecordNumber, string Therapy, string Resource, LocalTime Start, LocalTime End, AppointmentStatus Status);

public sealed record PatientAlert(Guid PatientId, string PatientName, RiskFlag Flag);

/// <summary>The day shown: today, or when nothing is booked today (a weekend), the next day that has sessions.</summary>
public sealed record DayView(LocalDate Date, bool IsToday, IReadOnlyList<SessionToday> Sessions, IReadOnlyList<PatientAlert> Alerts);

/// <summary>The dashboard: today's booked sessions and, for clinical roles, the risk flags of the patients coming in.</summary>
public sealed class TodayAtClinic(ClinicDb db, ClinicTime time)
{
    public async Task<DayView> HandleAsync(bool includeAlerts, CancellationToken ct = default)
    {
        var today = time.Today;
        var day = today;
        var horizon = time.ToInstant(today.PlusDays(15).AtMidnight());
        var todayStart = time.ToInstant(today.AtMidnight());
        var todayEnd = time.ToInstant(today.PlusDays(1).AtMidnight());
        if (!await db.Appointments.AnyAsync(a => a.Start >= todayStart && a.Start < todayEnd && a.Status != AppointmentStatus.Cancelled, ct))
        {
            var next = await db.Appointments.Where(a => a.Start >= todayEnd && a.Start < horizon && a.Status != AppointmentStatus.Cancelled)
                .OrderBy(a => a.Start).Select(a => (Instant?)a.Start).FirstOrDefaultAsync(ct);
            if (next is { } n) day = time.Local(n).Date;
        }
        var dayStart = time.ToInstant(day.AtMidnight());
        var dayEnd = time.ToInstant(day.PlusDays(1).AtMidnight());
        var rows = await (
            from a in db.Appointments.AsNoTracking()
            where a.Start >= dayStart && a.Start < dayEnd && a.Status != AppointmentStatus.Cancelled
            join p in db.Patients on a.PatientId equals p.Id
            join c in db.Chambers on a.ChamberId equals c.Id into chambers
            from c in chambers.DefaultIfEmpty()
            join r in db.Rooms on a.RoomId equals r.Id into rooms
            from r in rooms.DefaultIfEmpty()
            orderby a.Start
            select new { a.Id, a.PatientId, p.FamilyName, p.GivenName, p.RecordNumber, a.Therapy, Chamber = c == null ? null : c.Name, Room = r == null ? null : r.Name, a.Start, a.End, a.Status })
            .ToListAsync(ct);
        var sessions = rows.Select(x => new SessionToday(x.Id, x.PatientId, $"{x.FamilyName}, {x.GivenName}", x.RecordNumber, x.Therapy,
            x.Chamber ?? x.Room ?? "", time.Local(x.Start).TimeOfDay, time.Local(x.End).TimeOfDay, x.Status)).ToList();

        var alerts = new List<PatientAlert>();
        if (includeAlerts && sessions.Count > 0)
        {
            var ids = sessions.Select(s => s.PatientId).Distinct().ToList();
            var conditions = await db.Conditions.AsNoTracking().Where(c => ids.Contains(c.PatientId)).ToListAsync(ct);
            var medications = await db.Medications.AsNoTracking().Where(m => ids.Contains(m.PatientId)).ToListAsync(ct);
            var allergies = await db.Allergies.AsNoTracking().Where(a => ids.Contains(a.PatientId)).ToListAsync(ct);
            foreach (var s in sessions.DistinctBy(s => s.PatientId))
            {
                var flags = RiskFlags.For(conditions.Where(c => c.PatientId == s.PatientId), medications.Where(m => m.PatientId == s.PatientId),
                    allergies.Where(a => a.PatientId == s.PatientId));
                alerts.AddRange(flags.Select(f => new PatientAlert(s.PatientId, s.PatientName, f)));
            }
        }
        return new DayView(day, day == today, sessions, alerts);
    }
}
