using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class CnsRiskTests
{
    [Theory]
    [InlineData(1.4, CnsRiskBand.AtOrBelowTwoAta)]
    [InlineData(2.0, CnsRiskBand.AtOrBelowTwoAta)]
    [InlineData(2.01, CnsRiskBand.BetweenTwoAndTwoPointFourAta)]
    [InlineData(2.39, CnsRiskBand.BetweenTwoAndTwoPointFourAta)]
    [InlineData(2.4, CnsRiskBand.TwoPointFourToTwoPointFiveAta)]
    [InlineData(2.5, CnsRiskBand.TwoPointFourToTwoPointFiveAta)]
    [InlineData(2.51, CnsRiskBand.UpToTwoPointEightAta)]
    [InlineData(2.8, CnsRiskBand.UpToTwoPointEightAta)]
    [InlineData(2.81, CnsRiskBand.AboveTwoPointEightAta)]
    public void For_Pressure_PicksTheHeyboerBand(double po2, CnsRiskBand band) => Assert.Equal(band, CnsRisk.For(po2).Band);

    [Fact]
    public void For_2Ata_QuotesZeroIn16430()
    {
        var note = CnsRisk.For(2.0);
        Assert.Contains("0 seizures in 16,430 sessions", note.Text, StringComparison.Ordinal);
        Assert.Contains("Heyboer 2014", note.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void For_2Point4Ata_Quotes15Per10000AndTheAirBreakFinding()
    {
        var note = CnsRisk.For(new Ata(2.4));
        Assert.Contains("15 seizures per 10,000", note.Text, StringComparison.Ordinal);
        Assert.Contains("3.9 to 1.2 per 10,000", note.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_2Point8Ata_Quotes51Per10000_NeverACnsPercentClock()
    {
        var note = CnsRisk.For(2.8);
        Assert.Contains("51 seizures per 10,000", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CNS%", note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("%", note.Text, StringComparison.Ordinal);
    }
}
