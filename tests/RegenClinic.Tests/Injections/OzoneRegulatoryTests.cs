using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class OzoneRegulatoryTests
{
    [Theory]
    [InlineData("US", true)]
    [InlineData("us", true)]
    [InlineData("NL", false)]
    [InlineData("", false)]
    public void Notice_AppliesToUsClinicsOnly(string country, bool applies) =>
        Assert.Equal(applies, OzoneRegulatoryNotice.AppliesTo(country));

    [Fact]
    public void Notice_BothLanguages_CiteRuleAndAmbientLimit()
    {
        Assert.Contains("21 CFR 801.415", OzoneRegulatoryNotice.Text("en"), StringComparison.Ordinal);
        Assert.Contains("0.05 ppm", OzoneRegulatoryNotice.Text("en"), StringComparison.Ordinal);
        Assert.Contains("21 CFR 801.415", OzoneRegulatoryNotice.Text("nl-NL"), StringComparison.Ordinal);
        Assert.Contains("0,05 ppm", OzoneRegulatoryNotice.Text("nl"), StringComparison.Ordinal);
        Assert.NotEqual(OzoneRegulatoryNotice.Text("en"), OzoneRegulatoryNotice.Text("nl"));
    }

    [Theory]
    [InlineData("0.05", false)]
    [InlineData("0.051", true)]
    [InlineData("0", false)]
    public void RoomAirCheck_LimitIs005Ppm(string ppm, bool exceeds)
    {
        var now = Instant.FromUtc(2026, 11, 20, 10, 0);
        var check = RoomAirOzoneCheck.Create("Ozone room 1", now, decimal.Parse(ppm, System.Globalization.CultureInfo.InvariantCulture), "nurse-1", now);
        Assert.Equal(exceeds, check.ExceedsLimit);
    }

    [Fact]
    public void RoomAirCheck_NegativeOrFuture_Throws()
    {
        var now = Instant.FromUtc(2026, 11, 20, 10, 0);
        Assert.Equal("ozone.room-air.negative", Assert.Throws<DomainException>(() => RoomAirOzoneCheck.Create("R1", now, -0.01m, "n", now)).Code);
        Assert.Equal("ozone.room-air.future", Assert.Throws<DomainException>(() => RoomAirOzoneCheck.Create("R1", now + Duration.FromMinutes(1), 0.01m, "n", now)).Code);
    }
}
