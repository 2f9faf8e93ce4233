using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

/// <summary>Sets a proposal (or a failed run) aside; nothing is booked.</summary>
public sealed class DiscardSchedule(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid runId, CancellationToken ct = default)
    {
        var run = await db.ScheduleRuns.FirstOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new DomainException("schedule.run-not-found", "No such schedule run.", "id");
        run.Discard(actor.Name, time.Now);
        await db.SaveChangesAsync(ct);
    }
}
