using RegenClinic.Domain.Injections;

namespace RegenClinic.Domain.CellTherapy;

/// <summary>US regulatory pathway of a cell product (clinical-reference §7).</summary>
public enum RegulatoryPathway
{
    /// <summary>The clinic is not in a US jurisdiction: nothing is recorded.</summary>
    NotApplicable,

    /// <summary>PHS Act §361 HCT/P meeting 21 CFR 1271.10(a): minimally manipulated, homologous use, not combined with
    /// another article, and autologous or from a first- or second-degree blood relative.</summary>
    Section361HctP,

    /// <summary>21 CFR 1271.15(b): removed from and implanted into the same patient during the same surgical procedure.</summary>
    SameSurgicalProcedureException,

    /// <summary>Needs a PHS Act §351 biologics licence; not approved for these uses (§7). Only under an IND.</summary>
    Section351Biologic,

    /// <summary>The manipulation class of this processing is not settled in our sources: regulatory review needed.</summary>
    ReviewRequired,
}

public enum ManipulationClass
{
    Minimal,
    MoreThanMinimal,
    Unconfirmed,
}

/// <summary>The facts the classification reads. <paramref name="HomologousUse"/> is the clinic's recorded determination
/// (the app cannot judge it). <paramref name="IndNumber"/>: an FDA investigational new drug number, if the product is
/// given in a trial.</summary>
public sealed record RegulatoryFacts(
    CellProductKind Kind,
    ProcessingMethod Processing,
    bool HomologousUse,
    bool SameSurgicalProcedure,
    bool CombinedWithOtherArticle,
    bool AllogeneicDonorIsFirstOrSecondDegreeRelative = false,
    string? IndNumber = null)
{
    /// <summary>The facts for a recorded product: kind, processing and donor relation come from the product, so the
    /// classification cannot disagree with the chart; the determinations are the clinic's.</summary>
    public static RegulatoryFacts For(CellProduct product, bool homologousUse, bool sameSurgicalProcedure, bool combinedWithOtherArticle, string? indNumber = null) =>
        new(product.Kind, product.Processing, homologousUse, sameSurgicalProcedure, combinedWithOtherArticle,
            product.Allogeneic?.DonorIsFirstOrSecondDegreeRelative ?? false, indNumber);
}

/// <summary>How each processing method is classed (*configurable*). Culture expansion is more than minimal per
/// clinical-reference §7. The others are assumptions NOT in clinical-reference, taken from FDA guidance "Regulatory
/// Considerations for HCT/Ps: Minimal Manipulation and Homologous Use" (Nov 2017, corrected Jul 2020): adipose is a
/// structural tissue and enzymatic digestion to stromal vascular fraction is more than minimal manipulation;
/// centrifugal concentration of bone marrow (non-structural) is treated as minimal; mechanical micro-fragmentation of
/// fat is left <see cref="ManipulationClass.Unconfirmed"/>. For 1271.15(b), the FDA's same-surgical-procedure guidance
/// (Nov 2017) limits "such HCT/P" to rinsing, cleansing, sizing and shaping, so by default only
/// <see cref="ProcessingMethod.None"/> qualifies (<see cref="SameSurgicalProcedureAllowsCentrifugation"/> to relax).</summary>
public sealed record ManipulationAssumptions(
    ManipulationClass BoneMarrowCentrifugation,
    ManipulationClass AdiposeMechanicalMicrofragmentation,
    ManipulationClass AdiposeEnzymaticDigestion,
    bool SameSurgicalProcedureAllowsCentrifugation,
    string Source)
{
    public static ManipulationAssumptions Default { get; } = new(
        ManipulationClass.Minimal,
        ManipulationClass.Unconfirmed,
        ManipulationClass.MoreThanMinimal,
        false,
        "Assumption (configurable, unconfirmed against clinical-reference): FDA guidance on minimal manipulation and homologous use (2017, rev. 2020) and on the same surgical procedure exception (2017)");

    public ManipulationClass Classify(CellProductKind kind, ProcessingMethod processing) => processing switch
    {
        ProcessingMethod.None => ManipulationClass.Minimal,
        ProcessingMethod.CultureExpansion => ManipulationClass.MoreThanMinimal,
        ProcessingMethod.CentrifugalConcentration when kind == CellProductKind.Bmac => BoneMarrowCentrifugation,
        ProcessingMethod.MechanicalMicrofragmentation when kind == CellProductKind.Adipose => AdiposeMechanicalMicrofragmentation,
        ProcessingMethod.EnzymaticDigestion when kind == CellProductKind.Adipose => AdiposeEnzymaticDigestion,
        ProcessingMethod.EnzymaticDigestion => ManipulationClass.MoreThanMinimal,
        _ => ManipulationClass.Unconfirmed,
    };
}

/// <summary>The outcome: pathway, the reasons in order, and findings (a §351 product without an IND is a
/// <see cref="FindingKind.RegulatoryBlock"/>; an unconfirmed manipulation is a <see cref="FindingKind.LimitBreach"/>
/// that a physician may override with a reason, e.g. the counsel's opinion on file).</summary>
public sealed record RegulatoryClassification(
    RegulatoryPathway Pathway,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ProcedureFinding> Findings);

public static class RegulatoryClassifier
{
    public const string Source = "clinical-reference §7; 21 CFR 1271.10(a), 1271.15(b); PHS Act §351 and §361";

    public static RegulatoryClassification Classify(string jurisdictionCountry, RegulatoryFacts facts, ManipulationAssumptions assumptions)
    {
        if (!string.Equals(jurisdictionCountry?.Trim(), "US", StringComparison.OrdinalIgnoreCase))
        {
            return new(RegulatoryPathway.NotApplicable, ["The clinic is not in a US jurisdiction."], []);
        }

        var autologous = facts.Kind.IsAutologous();
        var manipulation = assumptions.Classify(facts.Kind, facts.Processing);

        var sameProcedureProcessingOk = facts.Processing == ProcessingMethod.None
            || (assumptions.SameSurgicalProcedureAllowsCentrifugation && facts.Processing == ProcessingMethod.CentrifugalConcentration);
        if (autologous && facts.SameSurgicalProcedure && sameProcedureProcessingOk && !facts.CombinedWithOtherArticle)
        {
            return new(RegulatoryPathway.SameSurgicalProcedureException,
                ["Autologous, removed and implanted in the same surgical procedure, not processed beyond rinsing, cleansing, sizing or shaping (21 CFR 1271.15(b))."], []);
        }

        if (facts.Processing == ProcessingMethod.CultureExpansion)
        {
            return Section351("Culture-expanded cells are more than minimally manipulated and need a §351 licence (clinical-reference §7).", facts);
        }

        if (!autologous && !facts.AllogeneicDonorIsFirstOrSecondDegreeRelative)
        {
            return Section351("Allogeneic cells from an unrelated donor depend on the metabolic activity of living cells: a §351 licence is needed (21 CFR 1271.10(a)(4); clinical-reference §7).", facts);
        }

        switch (manipulation)
        {
            case ManipulationClass.MoreThanMinimal:
                return Section351($"{facts.Processing} of {facts.Kind} tissue is more than minimal manipulation (21 CFR 1271.10(a)(1); {assumptions.Source}).", facts);
            case ManipulationClass.Unconfirmed:
                return new(RegulatoryPathway.ReviewRequired,
                    [$"Whether {facts.Processing} of {facts.Kind} tissue is minimal manipulation is not settled in our sources ({assumptions.Source})."],
                    [new("cell.regulatory.review-required", FindingKind.LimitBreach, "processing",
                        "US regulatory status unconfirmed for this processing: record the regulatory review (physician override with reason) before use.", null, Source)]);
            case ManipulationClass.Minimal:
            default:
                break;
        }

        if (!facts.HomologousUse)
        {
            return Section351("Not a homologous use (21 CFR 1271.10(a)(2)).", facts);
        }

        if (facts.CombinedWithOtherArticle)
        {
            return Section351("Combined with another article (21 CFR 1271.10(a)(3)).", facts);
        }

        return new(RegulatoryPathway.Section361HctP,
            ["Minimally manipulated, homologous use, not combined with another article, " + (autologous ? "autologous" : "from a first- or second-degree blood relative") + " (21 CFR 1271.10(a))."],
            []);
    }

    private static RegulatoryClassification Section351(string reason, RegulatoryFacts facts)
    {
        var underInd = !string.IsNullOrWhiteSpace(facts.IndNumber);
        ProcedureFinding finding = underInd
            ? new("cell.regulatory.section-351-under-ind", FindingKind.Caution, "regulatoryPathway",
                $"§351 biological product given under IND {facts.IndNumber}: follow the trial protocol.", null, Source)
            : new("cell.regulatory.section-351", FindingKind.RegulatoryBlock, "regulatoryPathway",
                "This product needs a §351 biologics licence and is not approved for this use in the US: it may only be given under an IND.", null, Source);
        return new(RegulatoryPathway.Section351Biologic, [reason], [finding]);
    }
}
