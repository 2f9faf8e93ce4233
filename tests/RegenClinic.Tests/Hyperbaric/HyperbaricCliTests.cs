using NodaTime;
using NodaTime.Testing;
using RegenClinic.Cli;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class HyperbaricCliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("regenclinic-hbot-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<int> Run(params string[] args) =>
        await CliApp.RunAsync(args, new CliContext(output, error, new FakeClock(Instant.FromUtc(2027, 1, 4, 9, 0, 17))), TestContext.Current.CancellationToken);

    private string File(string name, string text)
    {
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task OxygenDose_Elective24AtDepth_PrintsTheContractLine()
    {
        var path = File("p.csv", "minute,ata,fio2\n0,2.4,1.0\n30,2.4,0.21\n35,2.4,1.0\n65,2.4,0.21\n70,2.4,1.0\n100,2.4,0.21\n");
        Assert.Equal(0, await Run("oxygen-dose", path));
        Assert.Equal(
            "{\"otu\": 274.0, \"maxPo2\": 2.4, \"minutesAbove0_5\": 100.0, \"riskNote\": \"" + CnsRisk.For(2.4).Text + "\"}",
            output.ToString().TrimEnd('\n'));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task OxygenDose_Tt6_PrintsExactIntegralAndMaxPo2()
    {
        using var csv = new StringWriter();
        csv.Write("minute,ata,fio2\n");
        foreach (var p in TreatmentTables.UsnTt6.PlannedProfile().Points)
        {
            csv.Write(FormattableString.Invariant($"{p.Minute},{p.Pressure.Value},{p.Fio2}\n"));
        }

        Assert.Equal(0, await Run("oxygen-dose", File("tt6.csv", csv.ToString())));
        Assert.StartsWith("{\"otu\": 640.7, \"maxPo2\": 2.8, \"minutesAbove0_5\": ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OxygenDose_AirOnlyAtSurface_PrintsZeros()
    {
        Assert.Equal(0, await Run("oxygen-dose", File("air.csv", "minute,ata,fio2\n0,1.0,0.21\n60,1.0,0.21\n")));
        Assert.StartsWith("{\"otu\": 0.0, \"maxPo2\": 0.21, \"minutesAbove0_5\": 0.0, ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OxygenDose_BadRow_Exit2WithLineNumberOnStderr()
    {
        Assert.Equal(2, await Run("oxygen-dose", File("bad.csv", "minute,ata,fio2\n0,1.0,1.0\n10,7.0,1.0\n")));
        Assert.Equal("", output.ToString());
        Assert.Contains("line 3:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OxygenDose_MissingFile_Exit2()
    {
        Assert.Equal(2, await Run("oxygen-dose", Path.Combine(directory, "none.csv")));
        Assert.NotEqual("", error.ToString());
    }

    [Fact]
    public async Task ChamberSimulate_WithFaults_WritesTelemetryThatRaisesTheAlarms()
    {
        var path = Path.Combine(directory, "t.csv");
        Assert.Equal(0, await Run("chamber", "simulate", "--table", "2.4-90", "--kind", "multiplace", "--seed", "4", "--faults", "gap,o2,fast-ascent", "--out", path));
        using var reader = new StreamReader(path);
        var samples = TelemetryCsv.Read(reader);
        Assert.Equal(Instant.FromUtc(2027, 1, 4, 9, 0), samples[0].At); // clock to the minute
        var kinds = ChamberAlarms.Evaluate(samples, TreatmentTables.Elective24, ChamberKind.Multiplace).Select(a => a.Kind).ToHashSet();
        Assert.Equal([ChamberAlarmKind.TelemetryGap, ChamberAlarmKind.OxygenEnriched, ChamberAlarmKind.DecompressionTooFast], kinds);
    }

    [Fact]
    public async Task ChamberSimulate_SameSeed_SameFile()
    {
        Assert.Equal(0, await Run("chamber", "simulate", "--table", "2.0-90", "--seed", "9", "--start", "2027-01-04T09:00:00Z"));
        var first = output.ToString();
        output.GetStringBuilder().Clear();
        Assert.Equal(0, await Run("chamber", "simulate", "--table", "2.0-90", "--seed", "9", "--start", "2027-01-04T09:00:00Z"));
        Assert.Equal(first, output.ToString());
        Assert.StartsWith("timestamp,ata,o2pct\n2027-01-04T09:00:00Z,", first, StringComparison.Ordinal);
        // a sample every 5 s over 125 minutes, plus the header
        Assert.Equal((125 * 12) + 2, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("--table", "9.9-9")]
    [InlineData("--table", "2.4-90", "--kind", "duoplace")]
    [InlineData("--table", "2.4-90", "--faults", "fire")]
    [InlineData("--table", "2.5-90-mono", "--faults", "o2")]
    [InlineData("--table", "2.4-90", "--start", "yesterday")]
    public async Task ChamberSimulate_BadOption_Exit2(params string[] options)
    {
        Assert.Equal(2, await Run(["chamber", "simulate", .. options]));
        Assert.StartsWith("chamber simulate:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChamberCheck_CleanSimulation_Exit0NoAlarms()
    {
        var path = Path.Combine(directory, "clean.csv");
        Assert.Equal(0, await Run("chamber", "simulate", "--table", "usn-tt6", "--out", path));
        error.GetStringBuilder().Clear();
        Assert.Equal(0, await Run("chamber", "check", path, "--table", "usn-tt6"));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task ChamberCheck_OxygenFault_Exit1AndListsTheAlarm()
    {
        var path = Path.Combine(directory, "o2.csv");
        Assert.Equal(0, await Run("chamber", "simulate", "--table", "2.0-90", "--faults", "o2", "--out", path));
        Assert.Equal(1, await Run("chamber", "check", path, "--table", "2.0-90"));
        Assert.Contains(" OxygenEnriched ", Assert.Single(output.ToString().TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChamberCheck_MalformedLine_Exit2NamingTheLine()
    {
        var path = File("bad.csv", "timestamp,ata,o2pct\n2027-01-04T09:00:00Z,1.0,21\n2027-01-04T09:00:05Z,1.0\n");
        Assert.Equal(2, await Run("chamber", "check", path, "--table", "2.4-90"));
        Assert.Contains("line 3:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }
}
