using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Eligibility;

/// <summary>What a finding is. Wire names (<c>FindingKinds.ToWire</c>) are those of the screening format.</summary>
public enum FindingKind { AbsoluteContraindication, PrerequisiteUnmet, Indication, RelativeContraindication, Precaution }

/// <summary>Verdicts strongest first: the enum order is the order of precedence.</summary>
public enum Verdict { Contraindicated, NotIndicated, EligibleWithPrecautions, Eligible }

public static class FindingKinds
{
    public static string ToWire(this FindingKind kind) => kind switch
    {
        FindingKind.AbsoluteContraindication => "absolute-contraindication",
        FindingKind.PrerequisiteUnmet => "prerequisite-unmet",
        FindingKind.Indication => "indication",
        FindingKind.RelativeContraindication => "relative-contraindication",
        _ => "precaution",
    };

    public static FindingKind Parse(string wire) => wire switch
    {
        "absolute-contraindication" => FindingKind.AbsoluteContraindication,
        "prerequisite-unmet" => FindingKind.PrerequisiteUnmet,
        "indication" => FindingKind.Indication,
        "relative-contraindication" => FindingKind.RelativeContraindication,
        "precaution" => FindingKind.Precaution,
        _ => throw new DomainException("eligibility.unknown-finding-kind", $"Unknown finding kind '{wire}'.", "kind"),
    };

    public static string ToWire(this Verdict verdict) => verdict switch
    {
        Verdict.Contraindicated => "contraindicated",
        Verdict.NotIndicated => "not-indicated",
        Verdict.EligibleWithPrecautions => "eligible-with-precautions",
        _ => "eligible",
    };
}

/// <summary>An active condition that indicates the therapy, with the evidence for that pair (§2).</summary>
/// <param name="ConditionCode">The ICD-10-CM code as recorded, e.g. "M87.180".</param>
/// <param name="PrerequisitesMet">False when a prerequisite of this indication is unmet (then it does not make the therapy indicated).</param>
/// <param name="Stage">The condition's recorded stage (ARCO 2019 or AAOMS 2022), if any.</param>
public sealed record IndicationMatch(string ConditionCode, string Group, Evidence Evidence, string Fact, Coding? Stage, bool PrerequisitesMet);

/// <summary>One rule that fired, with the facts that made it fire.</summary>
public sealed record Finding(string RuleId, FindingKind Kind, LocalizedText Reason, IReadOnlyList<string> Facts, string Source);

/// <summary>The screening of one patient for one therapy on one date. Every finding is reported, not only the strongest.</summary>
public sealed record ScreeningResult(
    TherapyId Therapy,
    Verdict Verdict,
    IReadOnlyList<IndicationMatch> Indications,
    IReadOnlyList<Finding> Findings,
    string RuleSetVersion);
