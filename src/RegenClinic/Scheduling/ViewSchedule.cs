using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

public sealed record RunSummary(Guid Id, ScheduleRunKind Kind, ScheduleRunStatus Status, string? Change, LocalDate Start, int Days, string RequestedBy,
    Instant RequestedAt, double? Objective, double? Bound, double? Seconds, string? Message);

public sealed record RunView(RunSummary Run, ScheduleBoard? Board, IReadOnlyList<string> Violations, IReadOnlyList<string> PatientsToTell,
    ScheduleMetrics? Metrics, ScheduleStatus? Status);

/// <summary>The board of what is booked, the runs of a site, and one run's proposal. Every proposal shown is validated by
/// the independent checker first; a run whose answer the checker refuses shows the violations and cannot be confirmed.</summary>
public sealed class ViewSchedule(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> DefaultSiteAsync(CancellationToken ct = default) =>
        await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Id).FirstOrDefaultAsync(ct) is var id && id != Guid.Empty
            ? id : throw new DomainException("schedule.no-site", "The clinic has no site yet.");

    public async Task<ScheduleBoard> BookedAsync(Guid siteId, LocalDate from, int days, CancellationToken ct = default)
    {
        var built = await ClinicInstance.BuildAsync(db, time, siteId, from, days, null, ct: ct);
        var problem = SchedulingProblem.Compile(built.Instance with { Courses = [.. built.Instance.Courses.Where(c => ClinicInstance.AppointmentOf(c.Id) is not null)] });
        var schedule = ScheduleResult.Create(problem, ScheduleStatus.Feasible, built.BookedSessions, [], 0, default);
        await AuditAsync("ScheduleBoard", siteId.ToString(), ct);
        return ScheduleBoard.Of(built, schedule, from, days);
    }

    public async Task<IReadOnlyList<RunSummary>> RunsAsync(Guid siteId, CancellationToken ct = default) =>
        (await db.ScheduleRuns.AsNoTracking().Where(r => r.SiteId == siteId).OrderByDescending(r => r.RequestedAt).Take(10).ToListAsync(ct)).Select(Summary).ToList();

    public async Task<RunView> RunAsync(Guid runId, LocalDate? from, int days, CancellationToken ct = default)
    {
        var run = await db.ScheduleRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new DomainException("schedule.run-not-found", "No such schedule run.", "id");
        if (run.Status is not (ScheduleRunStatus.Ready or ScheduleRunStatus.Confirmed) || run.InstanceJson is null || run.ResultJson is null)
            return new RunView(Summary(run), null, [], [], null, null);
        var (built, result, violations) = await LoadAsync(run, ct);
        await AuditAsync("ScheduleProposal", run.Id.ToString(), ct);
        var start = from ?? FirstChange(result, built) ?? run.HorizonStart;
        var tell = (run.PatientsToTell ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => built.Names.GetValueOrDefault(p, p)).ToList();
        return new RunView(Summary(run), violations.Count == 0 ? ScheduleBoard.Of(built, result, start, days) : null,
            [.. violations.Select(v => v.ToString())], tell, result.Metrics, result.Status);
    }

    /// <summary>The stored instance and result, with the booked sessions rebuilt from the database, and the checker's verdict.</summary>
    internal async Task<(ClinicInstance Built, ScheduleResult Result, IReadOnlyList<Violation> Violations)> LoadAsync(ScheduleRun run, CancellationToken ct)
    {
        var instance = InstanceJson.Read(run.InstanceJson!);
        var result = ScheduleJson.Read(run.ResultJson!);
        var problem = SchedulingProblem.Compile(instance);
        var violations = Checker.Validate(problem, result);
        var now = await ClinicInstance.BuildAsync(db, time, run.SiteId, run.HorizonStart, run.HorizonDays, ScheduleChange.Decode(run.Change), ct: ct);
        return (now with { Instance = instance }, result, violations);
    }

    private static LocalDate? FirstChange(ScheduleResult result, ClinicInstance built)
    {
        var booked = built.BookedSessions.ToDictionary(s => s.Course, StringComparer.Ordinal);
        var first = result.Sessions.Where(s => !booked.TryGetValue(s.Course, out var b) || b.Date != s.Date || b.Start != s.Start || b.Resource != s.Resource)
            .Select(s => (DateOnly?)s.Date).Min();
        return first is { } d ? LocalDate.FromDateOnly(d) : null;
    }

    private async Task AuditAsync(string what, string id, CancellationToken ct)
    {
        // The board names patients: reading it is a read of patient data.
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, what, id, null, null));
        await db.SaveChangesAsync(ct);
    }

    private static RunSummary Summary(ScheduleRun r) => new(r.Id, r.Kind, r.Status, r.Change, r.HorizonStart, r.HorizonDays, r.RequestedBy, r.RequestedAt,
        r.Objective, r.Bound, r.Seconds, r.Message);
}
