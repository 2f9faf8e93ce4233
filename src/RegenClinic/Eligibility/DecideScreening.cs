using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Eligibility;

/// <summary>An override the physician asks for: the finding's rule id and why it does not apply to this patient.</summary>
public sealed record OverrideRequest(string RuleId, string Reason);

/// <summary>No overrides = accept the verdict as screened.</summary>
public sealed record DecisionRequest(IReadOnlyList<OverrideRequest>? Overrides, bool EvidenceAcknowledged);

/// <summary>The physician's decision on one stored screening: accept, or override findings with reasons (≥ 10 characters).
/// The effective verdict is recomputed by the engine from the stored result; the findings stay as screened.</summary>
public sealed class DecideScreening(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<ScreeningView> HandleAsync(Guid patientId, Guid screeningId, DecisionRequest request, CancellationToken ct = default)
    {
        var record = await db.Screenings.FirstOrDefaultAsync(s => s.Id == screeningId && s.PatientId == patientId, ct)
            ?? throw new DomainException("screening.not-found", "No such screening for this patient.", "screeningId");
        var newer = await db.Screenings.AnyAsync(s => s.PatientId == patientId && s.Therapy == record.Therapy && s.ScreenedAt > record.ScreenedAt, ct);
        if (newer) throw new DomainException("screening.superseded", "A newer screening exists for this therapy; decide on that one.", "screeningId");
        var now = time.Now;
        var result = ScreeningJson.ReadResult(record.ResultJson);
        var overrides = (request.Overrides ?? [])
            .Select(o => new FindingOverride(o.RuleId ?? "", o.Reason ?? "", actor.Name, now))
            .ToList();
        if (overrides.GroupBy(o => o.RuleId).Any(g => g.Count() > 1))
            throw new DomainException("screening.override-duplicate", "Each finding can be overridden once.", "ruleId");
        var effective = ScreeningOverrides.EffectiveVerdict(result, overrides);
        // §1: a course cannot start on a negative-rct or no-evidence-found indication until the physician acknowledges the evidence.
        if (effective is Verdict.Eligible or Verdict.EligibleWithPrecautions && ScreeningRules.NeedsAcknowledgement(result) && !request.EvidenceAcknowledged)
        {
            throw new DomainException("screening.evidence-acknowledgement-required",
                "The evidence for this indication is negative or absent: acknowledge it to proceed.", "evidenceAcknowledged");
        }
        record.Decide(result, overrides, request.EvidenceAcknowledged, actor.Name, now);
        await db.SaveChangesAsync(ct);
        return ScreeningView.From(record);
    }
}
