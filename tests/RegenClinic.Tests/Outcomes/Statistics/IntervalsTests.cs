using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes.Statistics;

namespace RegenClinic.Tests.Outcomes.Statistics;

public sealed class IntervalsTests
{
    // Hand-computed: changes −3, −1, −2, −4, 0 → mean −2, s = √(10/4) = 1.5811, se = 0.7071,
    // t(0.975, 4) = 2.7764 → half-width 1.9633 → [−3.963, −0.037].
    [Fact]
    public void MeanChange_FivePatients_TInterval()
    {
        var result = Intervals.MeanChange([-3, -1, -2, -4, 0]);
        Assert.Equal(5, result.N);
        Assert.Equal(-2.0, result.Mean, 10);
        Assert.Equal(1.5811, result.StandardDeviation, 4);
        Assert.Equal(-3.963, result.Lower, 3);
        Assert.Equal(-0.037, result.Upper, 3);
    }

    // Two values 1 and 3: mean 2, s = √2, se = 1, t(0.975, 1) = 12.706 → [−10.706, 14.706].
    [Fact]
    public void MeanChange_TwoValues_UsesOneDegreeOfFreedom()
    {
        var result = Intervals.MeanChange([1, 3]);
        Assert.Equal(-10.706, result.Lower, 3);
        Assert.Equal(14.706, result.Upper, 3);
    }

    [Fact]
    public void MeanChange_OneValue_Refused() =>
        Assert.Equal("statistics.too-few-values", Assert.Throws<DomainException>(() => Intervals.MeanChange([1])).Code);

    [Theory]
    [InlineData(8, 10, 0.490, 0.943, 3)]
    [InlineData(0, 10, 0.000, 0.278, 3)]
    [InlineData(10, 10, 0.722, 1.000, 3)]
    [InlineData(5, 10, 0.237, 0.763, 3)]
    [InlineData(81, 263, 0.2553, 0.3662, 4)] // Newcombe, Stat Med 1998;17:857-872, example 81/263
    public void Wilson_KnownIntervals(int successes, int n, double lower, double upper, int digits)
    {
        var result = Intervals.Wilson(successes, n);
        Assert.Equal(lower, result.Lower, digits);
        Assert.Equal(upper, result.Upper, digits);
    }

    [Theory]
    [InlineData(11, 10)]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    public void Wilson_ImpossibleCounts_Refused(int successes, int n) =>
        Assert.Throws<DomainException>(() => Intervals.Wilson(successes, n));
}
