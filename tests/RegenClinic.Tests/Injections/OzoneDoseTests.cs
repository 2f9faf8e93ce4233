using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class OzoneDoseTests
{
    [Theory]
    [InlineData("20", "20", "400")]       // knee intra-articular at its limits: 20 µg/mL × 20 mL
    [InlineData("30", "30", "900")]       // paravertebral upper bounds
    [InlineData("40", "300", "12000")]    // rectal upper bounds
    [InlineData("27.5", "12.5", "343.75")] // decimals stay exact
    public void TotalMicrograms_IsConcentrationTimesVolume(string concentration, string volume, string expected)
    {
        var dose = new OzoneDose(decimal.Parse(concentration, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(volume, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), dose.TotalMicrograms);
    }

    [Theory]
    [InlineData(0, 10, "ozone.concentration.not-positive")]
    [InlineData(-1, 10, "ozone.concentration.not-positive")]
    [InlineData(20, 0, "ozone.gas-volume.not-positive")]
    public void OzoneDose_NonPositiveEntry_Throws(int concentration, int volume, string code)
    {
        var ex = Assert.Throws<DomainException>(() => new OzoneDose(concentration, volume));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Total_Overflow_ThrowsDomainException()
    {
        var ex = Assert.Throws<DomainException>(() => OzoneDose.Total(decimal.MaxValue, 2m));
        Assert.Equal("ozone.dose.overflow", ex.Code);
    }
}
