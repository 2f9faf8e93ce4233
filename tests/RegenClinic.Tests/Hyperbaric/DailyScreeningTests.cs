using NodaTime;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class DailyScreeningTests
{
    private static readonly LocalDate Day = new(2027, 3, 1);

    private static Finding F(string rule, FindingKind kind, params string[] facts) => new(rule, kind, new LocalizedText("r", "r"), facts, "clinical-reference §3");

    private static ScreeningResult Result(params Finding[] findings) =>
        new(TherapyId.Hbot, Screening.VerdictOf(findings, [new IndicationMatch("L97.419", "chronic-wound", new Evidence(default, "c", "n"), "Condition/1 L97.419 active", null, true)]),
            [], findings, "test-1");

    [Fact]
    public void Compare_NoContraindicationToday_Clean() =>
        Assert.True(DailyScreening.Compare(Result(), Result(), Day).Clean);

    [Fact]
    public void Compare_NewFeverSinceTheDecidedScreening_NotCleanAndNamesTheRule()
    {
        var rerun = DailyScreening.Compare(Result(F("HBOT-REL-FEVER", FindingKind.RelativeContraindication, "Observation/9 8310-5 38.4 Cel on 2027-03-01")), Result(), Day);

        Assert.False(rerun.Clean);
        Assert.Equal(Day, rerun.RunOn);
        Assert.Contains("HBOT-REL-FEVER", rerun.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ContraindicationThePhysicianAlreadyWeighed_Clean()
    {
        var copd = F("HBOT-REL-COPD", FindingKind.RelativeContraindication, "Condition/4 J44.9 active");
        Assert.True(DailyScreening.Compare(Result(copd), Result(copd), Day).Clean);
    }

    [Fact]
    public void Compare_SameRuleWithANewFact_NotClean()
    {
        var before = F("HBOT-REL-CISP", FindingKind.RelativeContraindication, "MedicationStatement/1 L01XA01 active");
        var now = F("HBOT-REL-CISP", FindingKind.RelativeContraindication, "MedicationStatement/1 L01XA01 active", "MedicationStatement/2 L01XA01 active");
        var rerun = DailyScreening.Compare(Result(now), Result(before), Day);
        Assert.False(rerun.Clean);
        Assert.Contains("MedicationStatement/2", rerun.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("MedicationStatement/1", rerun.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NewPrecautionOnly_StaysClean() =>
        Assert.True(DailyScreening.Compare(Result(F("HBOT-PRE-GLUCOSE", FindingKind.Precaution, "MedicationStatement/3 A10AB01 active")), Result(), Day).Clean);

    [Fact]
    public void Compare_NoDecidedScreening_EveryContraindicationCountsAsNew() =>
        Assert.False(DailyScreening.Compare(Result(F("HBOT-REL-COPD", FindingKind.RelativeContraindication, "Condition/4 J44.9 active")), null, Day).Clean);

    [Fact]
    public void Compare_AbsoluteContraindicationEvenIfKnown_NotClean()
    {
        var ptx = F("HBOT-ABS-001", FindingKind.AbsoluteContraindication, "Condition/5 J93.9 active");
        Assert.False(DailyScreening.Compare(Result(ptx), Result(ptx), Day).Clean);
    }
}
