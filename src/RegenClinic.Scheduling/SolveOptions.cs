namespace RegenClinic.Scheduling;

/// <summary>Progress of a running solve: best objective found, proven bound, seconds since start.</summary>
public readonly record struct SolveProgress(double Objective, double Bound, double Seconds);

/// <summary>How long and how widely to search. <see cref="Workers"/> and <see cref="Seed"/> map to CP-SAT's
/// <c>num_workers</c> and <c>random_seed</c>; with one worker and a fixed seed a solve is repeatable.</summary>
public sealed record SolveOptions(TimeSpan TimeLimit, int Workers = 2, int Seed = 0, Action<SolveProgress>? Progress = null)
{
    public static SolveOptions Default { get; } = new(TimeSpan.FromSeconds(30));
}
