using NodaTime;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Eligibility;

/// <summary>One therapy's latest screening as the chart shows it: the stored result (never recomputed), its decision and
/// overrides, and whether a course may start on it.</summary>
public sealed record ScreeningView(
    Guid Id,
    Guid PatientId,
    TherapyId Therapy,
    LocalDate Date,
    string RuleSetVersion,
    ScreeningResult Result,
    ScreeningDecision Decision,
    string? EffectiveVerdict,
    IReadOnlyList<OverrideEntry> Overrides,
    bool EvidenceAcknowledged,
    string ScreenedBy,
    Instant ScreenedAt,
    string? DecidedBy,
    Instant? DecidedAt,
    bool AllowsCourse)
{
    /// <summary>True when a course on this screening needs the physician's acknowledgement of weak or negative evidence (§1).</summary>
    public bool NeedsEvidenceAcknowledgement => ScreeningRules.NeedsAcknowledgement(Result);

    public static ScreeningView From(ScreeningRecord r) => new(r.Id, r.PatientId, new TherapyId(r.Therapy), r.Date, r.RuleSetVersion,
        ScreeningJson.ReadResult(r.ResultJson), r.Decision, r.EffectiveVerdict, r.Overrides, r.EvidenceAcknowledged, r.ScreenedBy, r.ScreenedAt,
        r.DecidedBy, r.DecidedAt, r.AllowsCourse);
}

public static class ScreeningRules
{
    /// <summary>Findings that say a fact is missing rather than present: the chart needs completing (stage, LVEF, MI date, a code).</summary>
    public static readonly IReadOnlySet<string> MissingData = new HashSet<string>(StringComparer.Ordinal)
    {
        "CELL-PRE-ARCO-MISSING", "HBOT-PRE-HF-LVEF", "OZONE-PRE-MI-DATE", "ALL-PRE-UNCODED",
    };

    /// <summary>Any indication graded negative-rct or no-evidence-found needs the physician's acknowledgement before a course
    /// (§1). Counted even when its prerequisite is unmet, because an override can make it count again.</summary>
    public static bool NeedsAcknowledgement(ScreeningResult result) =>
        result.Indications.Any(i => i.Evidence.Grade.RequiresAcknowledgement);
}
