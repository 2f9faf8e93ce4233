using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Clinic;
using RegenClinic.Data;

namespace RegenClinic.Scheduling;

/// <summary>
/// Runs the oldest queued schedule run: claims it with a conditional update (only one app instance's update changes
/// Queued to Running), builds the instance from the database, solves (or repairs) with progress written back every
/// second, has the independent checker validate the answer and stores it as a proposal, or fails the run with the reason.
/// </summary>
public sealed class ScheduleRunner(ClinicDb db, ClinicTime time)
{
    public async Task<bool> RunNextAsync(string worker, CancellationToken ct = default)
    {
        // A run whose instance stopped mid-solve (crash, deploy) would block its site: fail it after the longest limit plus a margin.
        var stale = time.Now - NodaTime.Duration.FromMinutes(15);
        await db.ScheduleRuns.Where(r => r.Status == ScheduleRunStatus.Running && r.StartedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleRunStatus.Failed).SetProperty(r => r.Message, "The solving instance stopped; propose again."), ct);
        var next = await db.ScheduleRuns.AsNoTracking().Where(r => r.Status == ScheduleRunStatus.Queued)
            .OrderBy(r => r.RequestedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (next is not { } id) return false;
        var now = time.Now;
        var claimed = await db.ScheduleRuns.Where(r => r.Id == id && r.Status == ScheduleRunStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ScheduleRunStatus.Running).SetProperty(r => r.Worker, worker).SetProperty(r => r.StartedAt, now), ct);
        if (claimed == 0) return true; // another instance took it
        await RunAsync(id, ct);
        return true;
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        var run = await db.ScheduleRuns.FirstAsync(r => r.Id == id, ct);
        string? instanceJson = null;
        try
        {
            var change = ScheduleChange.Decode(run.Change);
            var built = await ClinicInstance.BuildAsync(db, time, run.SiteId, run.HorizonStart, run.HorizonDays, change, ct: ct);
            instanceJson = InstanceJson.Write(built.Instance);
            var problem = SchedulingProblem.Compile(built.Instance);
            SolveProgress? latest = null;
            var options = new SolveOptions(TimeSpan.FromSeconds(run.TimeLimitSeconds), Workers: 2, Seed: 0, Progress: p => latest = p);
            string? tell = null;
            Guid? cancelled = change is ScheduleChange.CancelSession cs
                ? await db.Appointments.Where(a => a.Id == cs.AppointmentId).Select(a => (Guid?)a.PatientId).FirstOrDefaultAsync(ct) : null;
            var courseIds = problem.Instance.Courses.ToDictionary(c => c.Id, StringComparer.Ordinal);
            var solve = Task.Run(() =>
            {
                if (run.Kind == ScheduleRunKind.Propose) return Solver.Solve(problem, options, ct);
                var previous = ScheduleResult.Create(problem, ScheduleStatus.Feasible, built.BookedSessions.Where(s => courseIds.ContainsKey(s.Course)), [], 0, default);
                var local = time.Local(time.Now);
                var repair = Solver.Repair(problem, previous, local.Date.ToDateOnly(), local.Hour * 60 + local.Minute, options, ct);
                var lost = previous.Sessions.Select(s => s.Course).Except(repair.Schedule.Sessions.Select(s => s.Course))
                    .Select(c => courseIds[c].Patient);
                tell = string.Join(",", repair.ChangedPatients.Concat(lost).Concat(cancelled is { } c ? [c.ToString()] : []).Distinct());
                return repair.Schedule;
            }, ct);
            while (!solve.IsCompleted)
            {
                await Task.WhenAny(solve, Task.Delay(1000, ct));
                if (latest is { } p)
                {
                    // The first progress comes before the bound is known (NaN), which the databases do not store.
                    double? objective = double.IsFinite(p.Objective) ? p.Objective : null, bound = double.IsFinite(p.Bound) ? p.Bound : null;
                    await db.ScheduleRuns.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Objective, objective)
                        .SetProperty(r => r.Bound, bound).SetProperty(r => r.Seconds, p.Seconds), ct);
                }
            }
            var result = await solve;
            // The independent checker validates every result before it is stored, shown or confirmed.
            var violations = Checker.Validate(problem, result);
            if (violations.Count > 0)
            {
                run.Fail("The checker refused the solver's answer: " + string.Join("; ", violations.Take(5)), instanceJson, time.Now);
            }
            else
            {
                run.Finish(instanceJson, ScheduleJson.Write(result), tell, Fingerprint(built.BookedSessions), result.Metrics.WeightedSessions,
                    result.Metrics.CapacityBoundWeightedSessions, result.Metrics.SolveSeconds, time.Now);
            }
        }
        catch (Exception ex) when (ex is SchedulingFormatException or InvalidOperationException)
        {
            run.Fail(ex.Message, instanceJson, time.Now);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What was booked when the run was built; confirming refuses a proposal whose bookings have changed since.</summary>
    public static string Fingerprint(IEnumerable<ScheduledSession> booked) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
            booked.Select(s => $"{s.Course}|{s.Date:yyyy-MM-dd}|{s.Start}|{s.Resource}").Order(StringComparer.Ordinal)))));
}
