using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Eligibility;

/// <summary>A physician's decision to proceed despite a finding (DESIGN: "a physician's override records the finding id and
/// a reason"). The web app stores it beside the screening result; this type only enforces what an override must hold.</summary>
public sealed record FindingOverride
{
    public FindingOverride(string ruleId, string reason, string physician, Instant at)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
        {
            throw new DomainException("screening.override-reason-required", "An override needs a reason of at least 10 characters.", "reason");
        }
        if (string.IsNullOrWhiteSpace(physician))
        {
            throw new DomainException("screening.override-physician-required", "An override must name the physician.", "physician");
        }
        (RuleId, Reason, Physician, At) = (ruleId, reason.Trim(), physician, at);
    }

    public string RuleId { get; }
    public string Reason { get; }
    public string Physician { get; }
    public Instant At { get; }
}

public static class ScreeningOverrides
{
    /// <summary>The verdict after the physician's overrides. Each override must name a finding of this result; an
    /// <c>indication</c> finding ("no indicating condition") cannot be overridden, because then there is nothing to treat.
    /// An overridden prerequisite makes the indications it blocked count again. The findings themselves stay in the
    /// result: overrides are shown beside them, never instead of them.</summary>
    public static Verdict EffectiveVerdict(ScreeningResult result, IReadOnlyList<FindingOverride> overrides)
    {
        foreach (var o in overrides)
        {
            var finding = result.Findings.FirstOrDefault(f => f.RuleId == o.RuleId)
                ?? throw new DomainException("screening.override-unknown-finding", $"{o.RuleId} is not a finding of this screening.", "ruleId");
            if (finding.Kind == FindingKind.Indication)
            {
                throw new DomainException("screening.override-not-allowed", $"{o.RuleId} (no indicating condition) cannot be overridden.", "ruleId");
            }
        }
        var overridden = overrides.Select(o => o.RuleId).ToHashSet();
        var remaining = result.Findings.Where(f => !overridden.Contains(f.RuleId)).ToList();
        var prerequisiteOverridden = result.Findings.Any(f => f.Kind == FindingKind.PrerequisiteUnmet && overridden.Contains(f.RuleId));
        var indications = prerequisiteOverridden
            ? result.Indications.Select(i => i with { PrerequisitesMet = i.PrerequisitesMet || BlockedOnlyBy(i, result, overridden) }).ToList()
            : result.Indications;
        return Screening.VerdictOf(remaining, indications);
    }

    /// <summary>True when every unmet-prerequisite finding naming this indication's fact was overridden.</summary>
    private static bool BlockedOnlyBy(IndicationMatch indication, ScreeningResult result, HashSet<string> overridden) =>
        result.Findings
            .Where(f => f.Kind == FindingKind.PrerequisiteUnmet && f.Facts.Any(fact => fact.StartsWith(indication.Fact, StringComparison.Ordinal)))
            .All(f => overridden.Contains(f.RuleId));
}
