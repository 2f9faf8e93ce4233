namespace RegenClinic.Scheduling;

/// <summary>Upper bounds on the sessions and priority-weighted sessions any schedule could place (see README).</summary>
public readonly record struct CapacityBound(int Sessions, int WeightedSessions);
