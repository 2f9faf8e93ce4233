using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Eligibility;

public sealed class FindingOverrideTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 4, 9, 0);

    private static FindingOverride Override(string ruleId, string reason = "Cellulitis is on the left forearm, injection at the right knee") =>
        new(ruleId, reason, "dr.jansen", At);

    [Fact]
    public void Override_AbsoluteWithReason_NextVerdictApplies()
    {
        var result = PatientBuilder.KneeOa().Condition("L03.113").Medication("B01AA03").Screen(TherapyId.Prolotherapy).Is(Verdict.Contraindicated);
        Assert.Equal(Verdict.EligibleWithPrecautions, ScreeningOverrides.EffectiveVerdict(result, [Override("PROLO-ABS-CELLULITIS")]));
        Assert.Contains(result.Findings, f => f.RuleId == "PROLO-ABS-CELLULITIS"); // the finding stays on record
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok")]
    public void Override_WithoutReason_Refused(string reason) =>
        Assert.Equal("screening.override-reason-required", Assert.Throws<DomainException>(() => Override("PROLO-ABS-CELLULITIS", reason)).Code);

    [Fact]
    public void Override_FindingNotInResult_Refused()
    {
        var result = PatientBuilder.KneeOa().Screen(TherapyId.Prolotherapy);
        Assert.Equal("screening.override-unknown-finding",
            Assert.Throws<DomainException>(() => ScreeningOverrides.EffectiveVerdict(result, [Override("PROLO-ABS-CELLULITIS")])).Code);
    }

    [Fact]
    public void Override_NoIndication_Refused()
    {
        var result = new PatientBuilder().Screen(TherapyId.Hbot);
        Assert.Equal("screening.override-not-allowed",
            Assert.Throws<DomainException>(() => ScreeningOverrides.EffectiveVerdict(result, [Override("HBOT-IND-NONE")])).Code);
    }

    [Fact]
    public void Override_UnmetPrerequisite_IndicationCountsAgain()
    {
        var result = new PatientBuilder().Condition("M17.11").Screen(TherapyId.Prolotherapy).Is(Verdict.NotIndicated);
        Assert.Equal(Verdict.Eligible, ScreeningOverrides.EffectiveVerdict(result, [Override("PROLO-PRQ-CONSERVATIVE", "Physiotherapy abroad for 4 months, letter on file")]));
    }
}
