using NodaTime;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class ProlotherapyChecksTests
{
    private static ProlotherapyInjection Row(decimal volume, decimal dextrose, InjectionPlacement placement = InjectionPlacement.IntraArticular, decimal lidocaine = 0.5m, BodySide side = BodySide.Left) =>
        new(InjectionRegion.Knee, side, placement, volume, InjectionGuidance.Ultrasound, new ProlotherapySolution(dextrose, lidocaine));

    private static List<string> Codes(params ProlotherapyInjection[] rows) =>
        ProlotherapyChecks.CheckSession(new ProlotherapySessionRecord(new LocalDate(2026, 11, 20), rows), ProlotherapyLimits.Default).Select(f => f.Code).ToList();

    [Theory]
    [InlineData(0.5, new string[0])]
    [InlineData(6, new string[0])]
    [InlineData(0.4, new[] { "prolo.injection[0].volume.below-min" })]
    [InlineData(6.1, new[] { "prolo.injection[0].volume.above-max" })]
    [InlineData(0, new[] { "prolo.injection[0].volume.not-positive" })]
    public void VolumePerSite_0_5To6Ml_BothSides(double volume, string[] expected) =>
        Assert.Equal(expected, Codes(Row((decimal)volume, 20)));

    [Theory]
    [InlineData(10, new string[0])]
    [InlineData(25, new string[0])]
    [InlineData(9.9, new[] { "prolo.injection[0].dextrose.below-min" })]
    [InlineData(25.1, new[] { "prolo.injection[0].dextrose.above-max" })]
    [InlineData(0, new[] { "prolo.injection[0].dextrose.not-positive" })]
    public void Dextrose_10To25Percent_BothSides(double dextrose, string[] expected) =>
        Assert.Equal(expected, Codes(Row(2, (decimal)dextrose)));

    [Theory]
    [InlineData(15, false)]
    [InlineData(20, true)]
    public void ExtraArticularAbove15Percent_IsCautionOnly(double dextrose, bool caution)
    {
        var findings = ProlotherapyChecks.CheckSession(new ProlotherapySessionRecord(new LocalDate(2026, 11, 20), [Row(0.5m, (decimal)dextrose, InjectionPlacement.ExtraArticular)]), ProlotherapyLimits.Default);
        Assert.Equal(caution, findings.Any(f => f.Kind == FindingKind.Caution));
        Assert.True(FindingReview.Evaluate(findings, []).CanSave);
    }

    [Fact]
    public void EmptySession_AndMissingSide_AreInvalid()
    {
        Assert.Equal(["prolo.injections.empty"], Codes());
        Assert.Equal(["prolo.injection[0].side.missing"], Codes(Row(1, 15, side: BodySide.NotApplicable)));
    }

    [Fact]
    public void Totals_RabagoSession_VolumeAndLidocaine()
    {
        // 10 extra-articular insertions of 0.5 mL (15%, 0.5% lidocaine) + 6 mL intra-articular (25%, 0.5% lidocaine) = 11 mL
        var rows = Enumerable.Range(0, 10).Select(_ => Row(0.5m, 15, InjectionPlacement.ExtraArticular)).Append(Row(6m, 25)).ToList();
        var session = new ProlotherapySessionRecord(new LocalDate(2026, 11, 20), rows);
        Assert.Equal(11m, session.TotalVolumeMl);
        Assert.Equal(55m, session.TotalLidocaineMg); // 0.5% = 5 mg/mL × 11 mL
    }
}
