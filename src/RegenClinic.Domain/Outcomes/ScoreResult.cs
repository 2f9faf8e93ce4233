namespace RegenClinic.Domain.Outcomes;

/// <summary>The outcome of scoring one completed form. A form that cannot be scored under the instrument's own
/// missing-item rule is an expected result, not an error: <see cref="Score"/> is null and
/// <see cref="ReasonNotComputable"/> says why.</summary>
/// <param name="Score">Unrounded score on the instrument's scale; round only for display.</param>
/// <param name="Answered">Items answered.</param>
/// <param name="Interpretation">A published band where the instrument has one (Harris Hip: excellent/good/fair/poor).</param>
public sealed record ScoreResult(string InstrumentId, double? Score, int Answered, string? ReasonNotComputable, string? Interpretation = null)
{
    public bool IsComputed => Score is not null;

    internal static ScoreResult Computed(string instrumentId, double score, int answered, string? interpretation = null) =>
        new(instrumentId, score, answered, null, interpretation);

    internal static ScoreResult NotComputable(string instrumentId, int answered, string reason) =>
        new(instrumentId, null, answered, reason);
}
