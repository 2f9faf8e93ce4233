using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using RegenClinic.Cli;

namespace RegenClinic.Tests.Eligibility;

/// <summary>The <c>screen</c> verb in-process, against shared/formats/screening-and-dose.md.</summary>
public sealed class ScreenCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("screen-test").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static string CasePath(string name) => Path.Combine(AppContext.BaseDirectory, "Eligibility", "Cases", name);

    private static async Task<(int Code, string Out, string Error)> Run(Instant now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(output, error, new FakeClock(now)), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static readonly Instant Now = Instant.FromUtc(2027, 1, 4, 9, 0);

    [Fact]
    public async Task Screen_GoodBundle_WritesFormatWithAllTherapiesInOrder()
    {
        var (code, output, error) = await Run(Now, "screen", CasePath("03-mronj-untreated-pneumothorax.json"), "--date", "2027-01-04");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["format", "patient", "date", "ruleSetVersion", "results"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("regenclinic-screening/1", root.GetProperty("format").GetString());
        Assert.Equal("Patient/p03", root.GetProperty("patient").GetString());
        Assert.Equal("2027-01-04", root.GetProperty("date").GetString());
        Assert.Equal("2027.1", root.GetProperty("ruleSetVersion").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["hbot", "ozone-injection", "ozone-autohemotherapy", "ozone-insufflation", "prolotherapy",
            "cell-therapy-bmac", "cell-therapy-adipose", "cell-therapy-allogeneic"], results.Select(r => r.GetProperty("therapy").GetString()));
        var hbot = results[0];
        Assert.Equal(["therapy", "verdict", "indications", "findings"], hbot.EnumerateObject().Select(p => p.Name));
        Assert.Equal("contraindicated", hbot.GetProperty("verdict").GetString());
        var indication = hbot.GetProperty("indications")[0];
        Assert.Equal(["condition", "group", "evidence", "citation"], indication.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("M87.180", "MRONJ", "rct-supported"), (indication.GetProperty("condition").GetString(), indication.GetProperty("group").GetString(), indication.GetProperty("evidence").GetString()));
        var finding = hbot.GetProperty("findings")[0];
        Assert.Equal(["ruleId", "kind", "reason", "facts", "source"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("HBOT-ABS-001", "absolute-contraindication"), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("kind").GetString()));
        Assert.Equal("Condition/c2 J93.9 active", finding.GetProperty("facts")[0].GetString());
        Assert.Equal("not-indicated", results[4].GetProperty("verdict").GetString());
        Assert.Equal("indication", results[4].GetProperty("findings")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Screen_NoDate_UsesTodayInClinicZone()
    {
        // 23:30 UTC on 3 January is already 4 January in Amsterdam.
        var (code, output, _) = await Run(Instant.FromUtc(2027, 1, 3, 23, 30), "screen", CasePath("02-mronj.json"));
        Assert.Equal(0, code);
        Assert.Equal("2027-01-04", JsonDocument.Parse(output).RootElement.GetProperty("date").GetString());
        var (_, utcOutput, _) = await Run(Instant.FromUtc(2027, 1, 3, 23, 30), "screen", CasePath("02-mronj.json"), "--zone", "Etc/UTC");
        Assert.Equal("2027-01-03", JsonDocument.Parse(utcOutput).RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Screen_TableFormat_ListsVerdicts()
    {
        var (code, output, _) = await Run(Now, "screen", CasePath("02-mronj.json"), "--date", "2027-01-04", "--format", "table");
        Assert.Equal(0, code);
        Assert.Contains("hbot", output, StringComparison.Ordinal);
        Assert.Contains("eligible", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_BadEntry_Exit2NamingTheEntry()
    {
        var path = Path.Combine(directory, "bad.json");
        await File.WriteAllTextAsync(path, """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Patient","id":"1"}},
              {"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/1"},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J93.9"}]},"onsetDateTime":"soon"}}]}
            """, TestContext.Current.CancellationToken);
        var (code, output, error) = await Run(Now, "screen", path, "--date", "2027-01-04");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("entry[1] (Condition/c1)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_TwoPatients_Exit2()
    {
        var path = Path.Combine(directory, "two.json");
        await File.WriteAllTextAsync(path, """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"1"}},{"resource":{"resourceType":"Patient","id":"2"}}]}""", TestContext.Current.CancellationToken);
        var (code, _, error) = await Run(Now, "screen", path);
        Assert.Equal(2, code);
        Assert.Contains("entry[1] (Patient/2)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "2027-02-30")]
    [InlineData("--zone", "Mars/Olympus")]
    [InlineData("--format", "xml")]
    public async Task Screen_BadOption_Exit2(string option, string value)
    {
        var (code, _, error) = await Run(Now, "screen", CasePath("02-mronj.json"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_MissingFile_Exit2() =>
        Assert.Equal(2, (await Run(Now, "screen", Path.Combine(directory, "none.json"))).Code);
}
