using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes.Statistics;

namespace RegenClinic.Tests.Outcomes.Statistics;

public sealed class DistributionsTests
{
    // Two-sided 95 % critical values from standard t tables.
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(2, 4.303)]
    [InlineData(5, 2.571)]
    [InlineData(10, 2.228)]
    [InlineData(30, 2.042)]
    [InlineData(120, 1.980)]
    public void StudentT_Quantile975_MatchesTable(double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, df), 3);

    [Theory]
    [InlineData(0.95, 10, 1.812)]
    [InlineData(0.995, 5, 4.032)]
    [InlineData(0.025, 5, -2.571)]
    public void StudentT_OtherQuantiles_MatchTable(double p, double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(p, df), 3);

    [Fact]
    public void StudentT_Cdf_OneDegreeIsCauchy() =>
        Assert.Equal(0.75, StudentT.Cdf(1, 1), 10); // Cauchy: ½ + atan(1)/π

    [Fact]
    public void StudentT_LargeDf_ApproachesNormal() =>
        Assert.Equal(1.95996, StudentT.Quantile(0.975, 1e6), 4);

    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.025, -1.959964)]
    public void StandardNormal_Quantile_MatchesTable(double p, double expected) =>
        Assert.Equal(expected, StandardNormal.Quantile(p), 5);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Quantile_ProbabilityAtBounds_Refused(double p) =>
        Assert.Throws<DomainException>(() => StudentT.Quantile(p, 5));
}
