namespace RegenClinic.Domain.Injections;

/// <summary>What a finding on a procedure record means for saving it.</summary>
public enum FindingKind
{
    /// <summary>The entry itself is wrong (missing, negative, impossible date): correct it; cannot be overridden.</summary>
    InvalidEntry,

    /// <summary>A configured clinical limit is exceeded (either side of a range): blocks the record unless a physician
    /// overrides this finding with a reason.</summary>
    LimitBreach,

    /// <summary>A regulatory block (e.g. a US §351 product without an IND): cannot be overridden by a physician.</summary>
    RegulatoryBlock,

    /// <summary>Shown to the clinician; does not block.</summary>
    Caution,
}

/// <summary>One finding on a procedure record. <paramref name="Code"/> is stable and dotted
/// (<c>ozone.concentration.above-max</c>); <paramref name="Field"/> names the input; <paramref name="Limit"/> is the
/// limit as text with its unit (<c>≤ 40 µg/mL</c>); <paramref name="Source"/> the citation behind the limit.</summary>
public sealed record ProcedureFinding(
    string Code,
    FindingKind Kind,
    string Field,
    string Message,
    string? Limit = null,
    string? Source = null)
{
    public bool Overridable => Kind == FindingKind.LimitBreach;

    public bool Blocks => Kind is FindingKind.InvalidEntry or FindingKind.LimitBreach or FindingKind.RegulatoryBlock;
}

/// <summary>A physician's decision to proceed despite a <see cref="FindingKind.LimitBreach"/> finding.</summary>
public sealed record PhysicianOverride(string FindingCode, string PhysicianId, string Reason);

/// <summary>Whether a record with these findings may be saved, given the physician overrides entered.</summary>
public sealed record FindingReview(bool CanSave, IReadOnlyList<ProcedureFinding> Unresolved, IReadOnlyList<string> RejectedOverrides)
{
    /// <summary>Every blocking finding needs a matching override; overrides without a physician or a reason, or aimed at a
    /// finding that cannot be overridden, are rejected (listed by finding code) and resolve nothing.</summary>
    public static FindingReview Evaluate(IReadOnlyList<ProcedureFinding> findings, IReadOnlyList<PhysicianOverride> overrides)
    {
        var rejected = new List<string>();
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in overrides)
        {
            var target = findings.FirstOrDefault(f => f.Code == o.FindingCode);
            if (target is null || !target.Overridable || string.IsNullOrWhiteSpace(o.Reason) || string.IsNullOrWhiteSpace(o.PhysicianId))
            {
                rejected.Add(o.FindingCode);
            }
            else
            {
                accepted.Add(o.FindingCode);
            }
        }

        var unresolved = findings.Where(f => f.Blocks && !accepted.Contains(f.Code)).ToList();
        return new FindingReview(unresolved.Count == 0, unresolved, rejected);
    }
}
