using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Eligibility;

public enum ScreeningDecision { Pending, Accepted, Overridden }

/// <summary>One override of one finding, as stored with the screening it belongs to.</summary>
public sealed record OverrideEntry(string RuleId, string Reason, string Physician, Instant At);

/// <summary>
/// A stored screening: the verdict for one therapy on one date, the rule-set version that produced it, the findings and the
/// facts it read (as JSON, so the record shows later exactly what was decided on), and the physician's decision.
/// </summary>
public sealed class ScreeningRecord
{
    private ScreeningRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public string Therapy { get; private set; } = "";
    public LocalDate Date { get; private set; }
    public string RuleSetVersion { get; private set; } = "";
    public string Verdict { get; private set; } = "";
    public string ResultJson { get; private set; } = "";
    public string FactsJson { get; private set; } = "";
    public Instant ScreenedAt { get; private set; }
    public string ScreenedBy { get; private set; } = "";
    public ScreeningDecision Decision { get; private set; }
    public string? EffectiveVerdict { get; private set; }
    public List<OverrideEntry> Overrides { get; private set; } = [];
    /// <summary>For negative-rct or no-evidence-found indications a course may start only after the physician acknowledges it (§1).</summary>
    public bool EvidenceAcknowledged { get; private set; }
    public string? DecidedBy { get; private set; }
    public Instant? DecidedAt { get; private set; }

    public static ScreeningRecord Store(Guid patientId, ScreeningResult result, LocalDate date, string resultJson, string factsJson, string by, Instant at) => new()
    {
        PatientId = patientId, Therapy = result.Therapy.Value, Date = date, RuleSetVersion = result.RuleSetVersion,
        Verdict = result.Verdict.ToWire(), ResultJson = resultJson, FactsJson = factsJson, ScreenedAt = at, ScreenedBy = by,
        Decision = ScreeningDecision.Pending,
    };

    /// <summary>The physician accepts the verdict, or overrides findings with reasons; the effective verdict is recomputed by the engine.</summary>
    public void Decide(ScreeningResult result, IReadOnlyList<FindingOverride> overrides, bool evidenceAcknowledged, string physician, Instant at)
    {
        if (Decision != ScreeningDecision.Pending) throw new DomainException("screening.already-decided", "This screening already has a decision; screen again for a new one.");
        var effective = ScreeningOverrides.EffectiveVerdict(result, overrides);
        Overrides = [.. overrides.Select(o => new OverrideEntry(o.RuleId, o.Reason, o.Physician, o.At))];
        Decision = overrides.Count == 0 ? ScreeningDecision.Accepted : ScreeningDecision.Overridden;
        EffectiveVerdict = effective.ToWire();
        EvidenceAcknowledged = evidenceAcknowledged;
        DecidedBy = Require.Text(physician, "physician", 200);
        DecidedAt = at;
    }

    /// <summary>Whether a course may start on this screening: decided, and eligible (with or without precautions) after overrides.</summary>
    public bool AllowsCourse => Decision != ScreeningDecision.Pending && EffectiveVerdict is "eligible" or "eligible-with-precautions";
}
