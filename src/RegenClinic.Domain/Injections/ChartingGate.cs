using NodaTime;

namespace RegenClinic.Domain.Injections;

/// <summary>What the gate needs to know, as plain values. Verdicts use the stable strings of clinical-reference §3
/// (<c>contraindicated</c>, <c>not-indicated</c>, <c>eligible-with-precautions</c>, <c>eligible</c>); therapy ids those of §1.
/// <paramref name="EvidenceAcknowledgementRequired"/> is true when the indication's grade is <c>negative-rct</c> or
/// <c>no-evidence-found</c> (§1 "Indications per therapy").</summary>
public sealed record ChartingGateInput(
    string TherapyId,
    LocalDate ProcedureDate,
    string? ScreeningResultId,
    string? ScreeningTherapyId,
    string? ScreeningVerdict,
    LocalDate? ScreeningDate,
    bool ScreeningOverriddenByPhysician,
    string? ScreeningOverrideReason,
    string? ConsentId,
    string? ConsentTherapyId,
    bool ConsentSigned,
    LocalDate? ConsentSignedDate,
    bool ConsentWithdrawn,
    bool EvidenceAcknowledgementRequired = false,
    bool EvidenceAcknowledged = false);

public sealed record ChartingRefusal(string Code, string Message);

public sealed record ChartingGateResult(bool Allowed, IReadOnlyList<ChartingRefusal> Reasons);

/// <summary>Refuses charting a procedure unless a linked screening for the same therapy is eligible (or overridden by a
/// physician with a reason) and a signed, unwithdrawn consent for that therapy exists on or before the procedure date.
/// Every reason is returned, not only the first.</summary>
public static class ChartingGate
{
    public static ChartingGateResult Evaluate(ChartingGateInput input)
    {
        var reasons = new List<ChartingRefusal>();
        CheckScreening(input, reasons);
        CheckConsent(input, reasons);
        if (input.EvidenceAcknowledgementRequired && !input.EvidenceAcknowledged)
        {
            reasons.Add(new("charting.evidence.not-acknowledged",
                "The indication's evidence grade is negative-rct or no-evidence-found: the physician must acknowledge the evidence first (clinical-reference §1)."));
        }

        return new ChartingGateResult(reasons.Count == 0, reasons);
    }

    private static void CheckScreening(ChartingGateInput input, List<ChartingRefusal> reasons)
    {
        if (string.IsNullOrWhiteSpace(input.ScreeningResultId))
        {
            reasons.Add(new("charting.screening.missing", "No screening result is linked to this procedure."));
            return;
        }

        if (!string.Equals(input.ScreeningTherapyId, input.TherapyId, StringComparison.Ordinal))
        {
            reasons.Add(new("charting.screening.other-therapy", $"The linked screening is for '{input.ScreeningTherapyId}', not '{input.TherapyId}'."));
        }

        if (input.ScreeningDate is { } screened && screened > input.ProcedureDate)
        {
            reasons.Add(new("charting.screening.after-procedure", "The linked screening is dated after the procedure."));
        }

        switch (input.ScreeningVerdict)
        {
            case "eligible" or "eligible-with-precautions":
                break;
            case "contraindicated" or "not-indicated":
                if (!input.ScreeningOverriddenByPhysician)
                {
                    reasons.Add(new("charting.screening.not-eligible", $"Screening verdict is '{input.ScreeningVerdict}' and no physician has overridden it."));
                }
                else if (string.IsNullOrWhiteSpace(input.ScreeningOverrideReason))
                {
                    reasons.Add(new("charting.screening.override-reason-missing", "A physician override of the screening needs a reason."));
                }

                break;
            default:
                reasons.Add(new("charting.screening.verdict-unknown", $"Unknown screening verdict '{input.ScreeningVerdict}'."));
                break;
        }
    }

    private static void CheckConsent(ChartingGateInput input, List<ChartingRefusal> reasons)
    {
        if (string.IsNullOrWhiteSpace(input.ConsentId))
        {
            reasons.Add(new("charting.consent.missing", "No consent is linked to this procedure."));
            return;
        }

        if (!input.ConsentSigned)
        {
            reasons.Add(new("charting.consent.unsigned", "The consent is not signed."));
        }
        else if (input.ConsentSignedDate is { } signed && signed > input.ProcedureDate)
        {
            reasons.Add(new("charting.consent.signed-after-procedure", "The consent was signed after the procedure date."));
        }

        if (input.ConsentWithdrawn)
        {
            reasons.Add(new("charting.consent.withdrawn", "The patient has withdrawn this consent."));
        }

        if (!string.Equals(input.ConsentTherapyId, input.TherapyId, StringComparison.Ordinal))
        {
            reasons.Add(new("charting.consent.other-therapy", $"The consent is for '{input.ConsentTherapyId}', not '{input.TherapyId}'."));
        }
    }
}
