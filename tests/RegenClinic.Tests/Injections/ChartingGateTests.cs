using NodaTime;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class ChartingGateTests
{
    private static readonly LocalDate Day = new(2026, 11, 20);

    private static ChartingGateInput Ready() => new(
        "prolotherapy", Day,
        "scr-1", "prolotherapy", "eligible", Day.PlusDays(-7), false, null,
        "con-1", "prolotherapy", true, Day.PlusDays(-1), false);

    private static List<string> Codes(ChartingGateInput input) => ChartingGate.Evaluate(input).Reasons.Select(r => r.Code).ToList();

    [Fact]
    public void EligibleScreening_SignedConsent_Allowed()
    {
        Assert.True(ChartingGate.Evaluate(Ready()).Allowed);
        Assert.True(ChartingGate.Evaluate(Ready() with { ScreeningVerdict = "eligible-with-precautions" }).Allowed);
    }

    [Fact]
    public void MissingScreeningAndConsent_BothReasonsReturned()
    {
        var result = ChartingGate.Evaluate(Ready() with { ScreeningResultId = null, ConsentId = " " });
        Assert.False(result.Allowed);
        Assert.Equal(["charting.screening.missing", "charting.consent.missing"], result.Reasons.Select(r => r.Code));
    }

    [Theory]
    [InlineData("contraindicated")]
    [InlineData("not-indicated")]
    public void IneligibleScreening_RefusedUnlessOverriddenWithReason(string verdict)
    {
        Assert.Equal(["charting.screening.not-eligible"], Codes(Ready() with { ScreeningVerdict = verdict }));
        Assert.Equal(["charting.screening.override-reason-missing"], Codes(Ready() with { ScreeningVerdict = verdict, ScreeningOverriddenByPhysician = true }));
        Assert.Empty(Codes(Ready() with { ScreeningVerdict = verdict, ScreeningOverriddenByPhysician = true, ScreeningOverrideReason = "Cellulitis is on the other leg" }));
    }

    [Fact]
    public void ScreeningForAnotherTherapy_Refused() =>
        Assert.Equal(["charting.screening.other-therapy"], Codes(Ready() with { ScreeningTherapyId = "hbot" }));

    [Fact]
    public void UnknownVerdict_Refused() =>
        Assert.Equal(["charting.screening.verdict-unknown"], Codes(Ready() with { ScreeningVerdict = "maybe" }));

    [Fact]
    public void Consent_UnsignedWithdrawnOrLate_Refused()
    {
        Assert.Equal(["charting.consent.unsigned"], Codes(Ready() with { ConsentSigned = false }));
        Assert.Equal(["charting.consent.withdrawn"], Codes(Ready() with { ConsentWithdrawn = true }));
        Assert.Equal(["charting.consent.signed-after-procedure"], Codes(Ready() with { ConsentSignedDate = Day.PlusDays(1) }));
        Assert.Empty(Codes(Ready() with { ConsentSignedDate = Day }));
        Assert.Equal(["charting.consent.other-therapy"], Codes(Ready() with { ConsentTherapyId = "ozone-injection" }));
    }

    [Fact]
    public void Screening_DatedAfterProcedure_Refused() =>
        Assert.Equal(["charting.screening.after-procedure"], Codes(Ready() with { ScreeningDate = Day.PlusDays(1) }));

    [Fact]
    public void EvidenceAcknowledgement_RequiredAndMissing_Refused()
    {
        Assert.Equal(["charting.evidence.not-acknowledged"], Codes(Ready() with { EvidenceAcknowledgementRequired = true }));
        Assert.Empty(Codes(Ready() with { EvidenceAcknowledgementRequired = true, EvidenceAcknowledged = true }));
    }
}
