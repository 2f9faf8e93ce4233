using System.Text.Json;
using NodaTime.Text;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Fhir;

namespace RegenClinic.Tests.Eligibility;

/// <summary>Patient cases as FHIR bundles (Cases/NN-name.json) through the real reader and engine. The expected verdicts in
/// Cases/expected.json were written by hand from the clinical reference (see Cases/make-cases.py), not from the code's output.</summary>
public sealed class ScreeningCaseTests
{
    private static readonly string CaseDirectory = Path.Combine(AppContext.BaseDirectory, "Eligibility", "Cases");

    private static Dictionary<string, JsonElement> Expected()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CaseDirectory, "expected.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    public static TheoryData<string> Cases => [.. Expected().Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Cases_AtLeastFortyBundles_EachWithExpectation()
    {
        var bundles = Directory.GetFiles(CaseDirectory, "*.json").Select(Path.GetFileName).Where(n => n != "expected.json").ToList();
        Assert.True(bundles.Count >= 40, $"{bundles.Count} cases");
        Assert.Equal(bundles.Order(StringComparer.Ordinal), Expected().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_VerdictPerTherapy_MatchesReference(string file)
    {
        var expected = Expected()[file];
        var date = LocalDatePattern.Iso.Parse(expected.GetProperty("date").GetString()!).Value;
        var facts = ScreeningBundleReader.Read(File.ReadAllText(Path.Combine(CaseDirectory, file)));
        var results = Screening.ScreenAll(facts, date, ScreeningSettings.Default);
        var want = expected.GetProperty("verdicts").EnumerateArray().Select(v => v.GetString()).ToList();
        var got = results.Select(r => r.Verdict.ToWire()).ToList();
        var detail = string.Join("; ", results.Select(r => $"{r.Therapy}={r.Verdict.ToWire()}[{string.Join(",", r.Findings.Select(f => f.RuleId))}]"));
        Assert.True(want.SequenceEqual(got), $"{file}: expected {string.Join(",", want)}\n got {detail}");
        foreach (var ruleId in expected.GetProperty("rules").EnumerateArray().Select(r => r.GetString()))
        {
            Assert.True(results.Any(r => r.Findings.Any(f => f.RuleId == ruleId)), $"{file}: {ruleId} expected\n got {detail}");
        }
    }
}
