using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

public sealed record ScheduleRequest(Guid SiteId, LocalDate Start, int Days, int TimeLimitSeconds, ScheduleChange? Change = null);

/// <summary>Queues a proposal (or, with a change, a repair) for the background solver. The database refuses a second
/// queued or running run for the same site (filtered unique index), so two coordinators or two app instances cannot start two.</summary>
public sealed class RequestSchedule(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(ScheduleRequest request, CancellationToken ct = default)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == request.SiteId, ct)) throw new DomainException("schedule.site-not-found", "No such site.", "siteId");
        if (request.Start < time.Today) throw new DomainException("schedule.past", "A schedule starts today or later.", "start");
        var run = ScheduleRun.Queue(request.SiteId, request.Change is null ? ScheduleRunKind.Propose : ScheduleRunKind.Repair, request.Change?.Encode(),
            request.Start, request.Days, request.TimeLimitSeconds, actor.Name, time.Now);
        db.ScheduleRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("schedule.run-active", "A schedule is already being computed for this site; wait for it to finish.");
        }
        return run.Id;
    }

    /// <summary>Queues a repair from today. A cancelled session's replacement goes after its course's last booking, so the
    /// repair reaches two weeks past the site's last booking (at least four weeks, at most the longest horizon a run takes).</summary>
    public async Task<Guid> RepairAsync(Guid siteId, ScheduleChange change, CancellationToken ct = default)
    {
        var last = await db.Appointments.Where(a => a.SiteId == siteId && a.Status == AppointmentStatus.Booked).MaxAsync(a => (Instant?)a.Start, ct);
        var through = last is { } l ? Period.Between(time.Today, time.Local(l).Date, PeriodUnits.Days).Days + 14 : 0;
        return await HandleAsync(new ScheduleRequest(siteId, time.Today, Math.Clamp(through, 28, 182), 3, change), ct);
    }
}
