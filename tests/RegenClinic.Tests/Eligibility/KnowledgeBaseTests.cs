using System.Reflection;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Tests.Eligibility;

public sealed class KnowledgeBaseTests
{
    /// <summary>Append a line when the data changes, with a new version; never edit an old line. A data change without a version
    /// bump fails here, so a stored screening result's version always names the rules that produced it.</summary>
    private static readonly Dictionary<string, string> RecordedHashes = new()
    {
        ["2027.1"] = "18800537a7d56c5a6b2a26e94e2843aae6be9a43482a34165965143166006820",
    };

    [Fact]
    public void KnowledgeBase_DataHash_MatchesTheHashRecordedForItsVersion()
    {
        var kb = KnowledgeBase.Default;
        Assert.True(RecordedHashes.TryGetValue(kb.RuleSetVersion, out var recorded), $"No recorded hash for {kb.RuleSetVersion}: add it ({kb.DataHash}).");
        Assert.True(recorded == kb.DataHash, $"Knowledge base data changed without a ruleSetVersion bump (hash {kb.DataHash}).");
    }

    [Fact]
    public void KnowledgeBase_EveryRule_HasTestsNamedByItsIdTriggeringAndMissing()
    {
        var testNames = typeof(KnowledgeBaseTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(KnowledgeBaseTests).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
            .Select(m => m.Name)
            .ToList();
        foreach (var rule in KnowledgeBase.Default.Rules)
        {
            var prefix = rule.Id.Replace('-', '_') + "_";
            Assert.True(testNames.Count(n => n.StartsWith(prefix, StringComparison.Ordinal)) >= 2, $"{rule.Id} needs a triggering and a non-triggering test");
        }
    }

    [Fact]
    public void KnowledgeBase_EveryRule_HasReasonInBothLanguagesAndSource()
    {
        Assert.All(KnowledgeBase.Default.Rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Reason.En), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Reason.Nl), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Fact), r.Id);
        });
    }

    [Fact]
    public void KnowledgeBase_EveryTherapy_HasConsentTextInBothLanguages()
    {
        Assert.Equal(TherapyId.All.Select(t => t.Value), KnowledgeBase.Default.Therapies.Select(t => t.Id));
        Assert.All(KnowledgeBase.Default.Therapies, t =>
        {
            Assert.All(new[] { t.Name, t.Description }.Concat(t.Risks).Concat(t.Alternatives), text =>
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En), t.Id);
                Assert.False(string.IsNullOrWhiteSpace(text.Nl), t.Id);
            });
            Assert.NotEmpty(t.Risks);
            Assert.NotEmpty(t.Alternatives);
            Assert.NotEmpty(t.IndicationGroups);
        });
    }

    [Fact]
    public void KnowledgeBase_TherapyText_DutchSelectedByLanguage() =>
        Assert.Equal("Hyperbare zuurstoftherapie", KnowledgeBase.Default.Therapy(TherapyId.Hbot).Name.In("nl-NL"));

    [Fact]
    public void KnowledgeBase_OzoneDoseLimits_CarryReferenceDefaults()
    {
        var limits = KnowledgeBase.Default.OzoneDoseLimits;
        Assert.Equal(40m, limits.MaxConcentrationMicrogramsPerMl);
        var knee = Assert.Single(limits.Routes, r => r.Route == "intra-articular-knee");
        Assert.Equal(20m, knee.MaxVolumeMl);
        Assert.Equal(20m, knee.MaxConcentrationMicrogramsPerMl);
    }
}
