using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

public enum ScheduleRunStatus { Queued, Running, Ready, Failed, Confirmed, Discarded }

public enum ScheduleRunKind { Propose, Repair }

/// <summary>
/// One background solve for a site: queued by a coordinator, claimed by exactly one app instance with a conditional
/// update (Queued → Running), then a checked proposal that a person confirms into appointments or discards. A filtered
/// unique index allows one queued or running run per site.
/// </summary>
public sealed class ScheduleRun
{
    private ScheduleRun() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public ScheduleRunKind Kind { get; private set; }
    public ScheduleRunStatus Status { get; private set; }
    /// <summary>What changed, for a repair ("cancel:&lt;appointment&gt;", "miss:&lt;patient&gt;:&lt;date&gt;", "chamber:&lt;id&gt;").</summary>
    public string? Change { get; private set; }
    public LocalDate HorizonStart { get; private set; }
    public int HorizonDays { get; private set; }
    public int TimeLimitSeconds { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public Instant RequestedAt { get; private set; }
    public string? Worker { get; private set; }
    public Instant? StartedAt { get; private set; }
    public Instant? FinishedAt { get; private set; }
    public double? Objective { get; private set; }
    public double? Bound { get; private set; }
    public double? Seconds { get; private set; }
    public string? InstanceJson { get; private set; }
    public string? ResultJson { get; private set; }
    /// <summary>Patients whose booked sessions a confirmed repair moves (ids, comma-separated).</summary>
    public string? PatientsToTell { get; private set; }
    public string? Message { get; private set; }
    /// <summary>SHA-256 of the bookings the run started from (see <see cref="ScheduleRunner.Fingerprint"/>).</summary>
    public string? BookedFingerprint { get; private set; }
    public string? DecidedBy { get; private set; }
    public Instant? DecidedAt { get; private set; }

    public bool IsActive => Status is ScheduleRunStatus.Queued or ScheduleRunStatus.Running;

    public static ScheduleRun Queue(Guid siteId, ScheduleRunKind kind, string? change, LocalDate start, int days, int timeLimitSeconds, string by, Instant at)
    {
        if (days is < 1 or > 182) throw new DomainException("schedule.horizon", "The horizon is 1 to 182 days.", "days");
        if (timeLimitSeconds is < 1 or > 600) throw new DomainException("schedule.time-limit", "The time limit is 1 to 600 seconds.", "timeLimit");
        return new ScheduleRun
        {
            SiteId = siteId, Kind = kind, Change = change, Status = ScheduleRunStatus.Queued, HorizonStart = start, HorizonDays = days,
            TimeLimitSeconds = timeLimitSeconds, RequestedBy = by, RequestedAt = at,
        };
    }

    public void Finish(string instanceJson, string resultJson, string? patientsToTell, string bookedFingerprint, double objective, double bound, double seconds, Instant at)
    {
        (InstanceJson, ResultJson, PatientsToTell, BookedFingerprint, FinishedAt, Status) = (instanceJson, resultJson, patientsToTell, bookedFingerprint, at, ScheduleRunStatus.Ready);
        (Objective, Bound, Seconds) = (objective, bound, seconds);
    }

    public void Fail(string message, string? instanceJson, Instant at) =>
        (Message, InstanceJson, FinishedAt, Status) = (message.Length > 4000 ? message[..4000] : message, instanceJson, at, ScheduleRunStatus.Failed);

    public void Confirm(string by, Instant at)
    {
        if (Status != ScheduleRunStatus.Ready) throw new DomainException("schedule.not-ready", $"A {Status} proposal cannot be confirmed.");
        (Status, DecidedBy, DecidedAt) = (ScheduleRunStatus.Confirmed, by, at);
    }

    public void Discard(string by, Instant at)
    {
        if (Status is ScheduleRunStatus.Confirmed or ScheduleRunStatus.Running)
            throw new DomainException("schedule.not-discardable", $"A {Status} run cannot be discarded.");
        (Status, DecidedBy, DecidedAt) = (ScheduleRunStatus.Discarded, by, at);
    }
}
