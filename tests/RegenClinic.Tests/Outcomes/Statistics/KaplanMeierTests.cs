using RegenClinic.Domain.Outcomes.Statistics;

namespace RegenClinic.Tests.Outcomes.Statistics;

public sealed class KaplanMeierTests
{
    // Freireich et al. (1963) 6-MP arm, the textbook example (Kleinbaum & Klein, Survival Analysis, ch. 2):
    // weeks of remission, + = censored: 6,6,6,6+,7,9+,10,10+,11+,13,16,17+,19+,20+,22,23,25+,32+,32+,34+,35+.
    private static SurvivalObservation[] SixMp() =>
    [
        new(6, true), new(6, true), new(6, true), new(6, false), new(7, true), new(9, false), new(10, true), new(10, false),
        new(11, false), new(13, true), new(16, true), new(17, false), new(19, false), new(20, false), new(22, true),
        new(23, true), new(25, false), new(32, false), new(32, false), new(34, false), new(35, false),
    ];

    [Fact]
    public void Estimate_SixMp_MatchesTextbookTable()
    {
        var curve = KaplanMeier.Estimate(SixMp());
        Assert.Equal(21, curve.N);
        Assert.Equal(9, curve.Events);
        Assert.Equal([6.0, 7, 10, 13, 16, 22, 23], curve.Steps.Select(s => s.Time));
        Assert.Equal([21, 17, 15, 12, 11, 7, 6], curve.Steps.Select(s => s.AtRisk));
        double[] expected = [0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], curve.Steps[i].Survival, 4);
        }
    }

    // Greenwood SE at week 6: S √(3 / (21·18)) = 0.8571 · 0.0891 = 0.0764.
    [Fact]
    public void Estimate_SixMp_GreenwoodStandardError() =>
        Assert.Equal(0.0764, KaplanMeier.Estimate(SixMp()).Steps[0].StandardError, 4);

    [Fact]
    public void Estimate_CensoredAtEventTime_StillAtRiskThen()
    {
        var curve = KaplanMeier.Estimate([new(5, true), new(5, false), new(8, true)]);
        Assert.Equal(3, curve.Steps[0].AtRisk);
        Assert.Equal(2.0 / 3, curve.Steps[0].Survival, 10);
        Assert.Equal(1, curve.Steps[1].AtRisk);
        Assert.Equal(0.0, curve.Steps[1].Survival, 10);
    }

    [Fact]
    public void Estimate_AllCensored_SurvivalStaysOne()
    {
        var curve = KaplanMeier.Estimate([new(3, false), new(9, false)]);
        Assert.Empty(curve.Steps);
        Assert.Equal(1.0, curve.SurvivalAt(100));
    }

    [Theory]
    [InlineData(0, 21, 1.0)]
    [InlineData(6, 21, 0.8571)]
    [InlineData(12, 12, 0.7529)]
    [InlineData(24, 5, 0.4482)]
    public void SurvivalAtAndAtRisk_BetweenSteps(double time, int atRisk, double survival)
    {
        var curve = KaplanMeier.Estimate(SixMp());
        Assert.Equal(atRisk, curve.AtRisk(time));
        Assert.Equal(survival, curve.SurvivalAt(time), 4);
    }
}
