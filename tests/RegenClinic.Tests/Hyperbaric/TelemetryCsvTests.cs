using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class TelemetryCsvTests
{
    [Fact]
    public void Parse_WellFormed_ReadsEverySample()
    {
        var samples = TelemetryCsv.Parse("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,1.0,20.9\n2027-01-04T09:00:05.5Z,1.012,21.0\n");
        Assert.Equal(2, samples.Count);
        Assert.Equal(Instant.FromUtc(2027, 1, 4, 9, 0, 5) + Duration.FromMilliseconds(500), samples[1].At);
        Assert.Equal(1.012, samples[1].Pressure.Value);
        Assert.Equal(21.0, samples[1].O2Percent);
    }

    [Theory]
    [InlineData("time,ata,o2\n", 1, "header")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,1.0\n", 2, "3 fields")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04 09:00:00,1.0,21\n", 2, "ISO-8601")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04T09:00:00+01:00,1.0,21\n", 2, "ISO-8601")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,1.0,21\n2027-01-04T09:00:00Z,1.0,21\n", 3, "not after")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,1.0,21\n2027-01-04T09:00:05Z,6.1,21\n", 3, "ata")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,0.89,21\n", 2, "ata")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,1.0,100.5\n", 2, "o2pct")]
    [InlineData("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,abc,21\n", 2, "not a number")]
    [InlineData("", 1, "empty")]
    public void Parse_BadLine_RefusesTheWholeFileNamingTheLine(string text, int line, string problem)
    {
        var ex = Assert.Throws<DomainException>(() => TelemetryCsv.Parse(text));
        Assert.Equal("telemetry-csv.invalid", ex.Code);
        Assert.StartsWith($"line {line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_RoundTrips()
    {
        var t0 = Instant.FromUtc(2027, 1, 4, 9, 0);
        var samples = ChamberSimulator.Simulate(TreatmentTables.Elective20, ChamberKind.Multiplace, t0, 1, SimulatedFaults.None);
        using var writer = new StringWriter();
        TelemetryCsv.Write(writer, samples);
        var read = TelemetryCsv.Parse(writer.ToString());
        Assert.Equal(samples.Count, read.Count);
        Assert.Equal(samples.Select(s => s.At), read.Select(s => s.At));
        Assert.All(samples.Zip(read), p => Assert.Equal(p.First.Pressure.Value, p.Second.Pressure.Value, 4));
    }
}
