using RegenClinic.Domain.Common;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class ProfileCsvTests
{
    [Fact]
    public void Parse_WellFormed_WithCrLfAndBom()
    {
        var profile = ProfileCsv.Parse("\uFEFFminute,ata,fio2\r\n0,1.0,0.21\r\n15,2.4,1.0\r\n115.5,2.4,1\r\n");
        Assert.Equal(3, profile.Points.Count);
        Assert.Equal(115.5, profile.Points[2].Minute);
    }

    [Theory]
    [InlineData("minute,pressure,fio2\n0,1,1\n", 1, "header")]
    [InlineData("minute,ata,fio2\n", 2, "no rows")]
    [InlineData("minute,ata,fio2\n0,1.0,1.0\n0,2.0,1.0\n", 3, "not after")]
    [InlineData("minute,ata,fio2\n5,1.0,1.0\n4,2.0,1.0\n", 3, "not after")]
    [InlineData("minute,ata,fio2\n0,0.99,1.0\n", 2, "ata")]
    [InlineData("minute,ata,fio2\n0,6.01,1.0\n", 2, "ata")]
    [InlineData("minute,ata,fio2\n0,1.0,1.01\n", 2, "fio2")]
    [InlineData("minute,ata,fio2\n0,1.0,-0.1\n", 2, "fio2")]
    [InlineData("minute,ata,fio2\n0,1.0,1.0\n1,2,\n", 3, "fio2")]
    [InlineData("minute,ata,fio2\n0,1.0,1.0,x\n", 2, "3 fields")]
    [InlineData("minute,ata,fio2\n0,1,0.21\nten,2.0,1.0\n", 3, "minute")]
    [InlineData("minute,ata,fio2\n-1,1,0.21\n", 2, "negative")]
    [InlineData("minute,ata,fio2\n0,NaN,0.21\n", 2, "not a number")]
    [InlineData("minute,ata,fio2\n0,\"1.0\",0.21\n", 2, "not a number")]
    public void Parse_BadRow_RefusedWithItsLineNumber(string text, int line, string problem)
    {
        var ex = Assert.Throws<DomainException>(() => ProfileCsv.Parse(text));
        Assert.Equal("profile-csv.invalid", ex.Code);
        Assert.StartsWith($"line {line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BoundaryValues_Accepted()
    {
        var profile = ProfileCsv.Parse("minute,ata,fio2\n0,1.0,0.0\n1,6.0,1.0\n");
        Assert.Equal(6.0, profile.Points[1].Pressure.Value);
    }
}
