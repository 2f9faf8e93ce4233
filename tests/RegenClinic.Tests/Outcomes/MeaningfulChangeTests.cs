using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Tests.Outcomes;

public sealed class MeaningfulChangeTests
{
    private static bool Nrs(double baseline, double followUp) =>
        Instruments.PainNrs.MeaningfulChange!.IsMeaningfulImprovement(baseline, followUp, higherIsBetter: false);

    private static bool Odi(double baseline, double followUp) =>
        Instruments.Oswestry.MeaningfulChange!.IsMeaningfulImprovement(baseline, followUp, higherIsBetter: false);

    // Farrar 2001: ≥ 2 points or ≥ 30 %.
    [Theory]
    [InlineData(8, 6, true)]    // 2 points (25 %)
    [InlineData(8, 7, false)]   // 1 point, 12.5 %
    [InlineData(3, 2, true)]    // 1 point but 33 %
    [InlineData(10, 9, false)]  // 1 point, 10 %
    [InlineData(5, 7, false)]   // worse
    [InlineData(0, 0, false)]
    public void PainNrs_FarrarThreshold_BothSides(double baseline, double followUp, bool expected) =>
        Assert.Equal(expected, Nrs(baseline, followUp));

    [Theory]
    [InlineData(46, 36, true)]
    [InlineData(46, 36.2, false)]
    [InlineData(30, 45, false)]
    public void Oswestry_TenPoints_BothSides(double baseline, double followUp, bool expected) =>
        Assert.Equal(expected, Odi(baseline, followUp));

    [Fact]
    public void HigherIsBetter_RiseCountsFallDoesNot()
    {
        var rule = new MeaningfulChange(10, null, "test");
        Assert.True(rule.IsMeaningfulImprovement(50, 60, higherIsBetter: true));
        Assert.False(rule.IsMeaningfulImprovement(60, 50, higherIsBetter: true));
    }

    [Fact]
    public void Thresholds_CarryTheirSource()
    {
        Assert.Contains("Farrar", Instruments.PainNrs.MeaningfulChange!.Source, StringComparison.Ordinal);
        Assert.Contains("10 points", Instruments.Oswestry.MeaningfulChange!.Source, StringComparison.Ordinal);
        Assert.Null(Instruments.KoosJr.MeaningfulChange);
    }
}

public sealed class MeaningfulChangeThresholdTests
{
    [Theory]
    [InlineData(8, 2.0)]   // 30 % of 8 = 2.4 > 2
    [InlineData(5, 1.5)]   // 30 % of 5 = 1.5 < 2
    [InlineData(0, 2.0)]
    public void PainNrs_ThresholdAt_SmallerOfPointsAndPercent(double baseline, double expected) =>
        Assert.Equal(expected, Instruments.PainNrs.MeaningfulChange!.ThresholdAt(baseline), 10);

    [Fact]
    public void Oswestry_ThresholdAt_AlwaysTenPoints() =>
        Assert.Equal(10.0, Instruments.Oswestry.MeaningfulChange!.ThresholdAt(60));
}
