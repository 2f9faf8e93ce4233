using NodaTime;

namespace RegenClinic.Travel;

/// <summary>One run of a daily travel job. The unique (job, day) index is the lock: of several app instances, the one whose
/// insert succeeds runs the job that day; the others find the row and skip.</summary>
public sealed class TravelJobRun
{
    private TravelJobRun() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Job { get; private set; } = "";
    public LocalDate Day { get; private set; }
    public string Instance { get; private set; } = "";
    public Instant StartedAt { get; private set; }
    public Instant? FinishedAt { get; private set; }
    public string? Outcome { get; private set; }

    public static TravelJobRun Start(string job, LocalDate day, string instance, Instant at) =>
        new() { Job = job, Day = day, Instance = instance.Length > 200 ? instance[..200] : instance, StartedAt = at };

    public void Finish(string outcome, Instant at) => (Outcome, FinishedAt) = (outcome.Length > 2000 ? outcome[..2000] : outcome, at);
}
