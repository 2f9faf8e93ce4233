using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Eligibility;

/// <summary>The versioned clinical data screening runs on: therapies with consent text, indication groups, the evidence map
/// and the rules. Loaded once from the JSON embedded in this assembly (<c>Eligibility/KnowledgeBase/*.json</c>).</summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> LazyDefault = new(LoadEmbedded);

    /// <summary>The knowledge base shipped with this build.</summary>
    public static KnowledgeBase Default => LazyDefault.Value;

    /// <summary>Changes whenever the data changes; stored with every screening result.</summary>
    public string RuleSetVersion { get; }

    /// <summary>SHA-256 (hex) of the embedded files in name order; a test pins it per version.</summary>
    public string DataHash { get; }

    public IReadOnlyList<TherapyInfo> Therapies { get; }
    public IReadOnlyList<ConditionGroup> ConditionGroups { get; }
    public IReadOnlyList<ScreeningRule> Rules { get; }
    public OzoneDoseLimits OzoneDoseLimits { get; }
    public string NoEvidenceCitation { get; }

    private readonly Dictionary<(string Therapy, string Group), EvidenceEntry> evidence;

    private KnowledgeBase(TherapiesFile therapies, RulesFile rules, string dataHash)
    {
        RuleSetVersion = therapies.RuleSetVersion;
        DataHash = dataHash;
        ConditionGroups = therapies.ConditionGroups;
        Therapies = therapies.Therapies.Select(t => t with
        {
            IndicationGroups = therapies.Indications.TryGetValue(t.Id, out var groups) ? groups : [],
        }).ToList();
        Rules = rules.Rules;
        OzoneDoseLimits = therapies.OzoneDoseLimits;
        NoEvidenceCitation = therapies.NoEvidenceCitation;
        evidence = therapies.Evidence.ToDictionary(e => (e.Therapy, e.Group));
        Validate();
    }

    public TherapyInfo Therapy(TherapyId id) =>
        Therapies.FirstOrDefault(t => t.Id == id.Value)
        ?? throw new DomainException("eligibility.unknown-therapy", $"Unknown therapy '{id.Value}'.", "therapy");

    public ConditionGroup Group(string id) =>
        ConditionGroups.FirstOrDefault(g => g.Id == id)
        ?? throw new DomainException("eligibility.unknown-group", $"Unknown condition group '{id}'.", "group");

    /// <summary>The evidence grade and citation for a therapy × condition group; pairs not in §2 are no-evidence-found.</summary>
    public Evidence EvidenceFor(TherapyId therapy, string group) =>
        evidence.TryGetValue((therapy.Value, group), out var e)
            ? new Evidence(EvidenceGrade.Parse(e.Grade), e.Citation, e.Note)
            : new Evidence(EvidenceGrade.NoEvidenceFound, NoEvidenceCitation, "");

    public IEnumerable<ScreeningRule> RulesFor(TherapyId therapy) => Rules.Where(r => r.Therapies.Contains(therapy.Value));

    private void Validate()
    {
        if (!Therapies.Select(t => new TherapyId(t.Id)).SequenceEqual(TherapyId.All))
        {
            throw new DomainException("eligibility.kb-therapies", "Knowledge base therapies differ from the reference's list or order.");
        }
        var ids = new HashSet<string>();
        foreach (var rule in Rules)
        {
            if (!ids.Add(rule.Id)) throw new DomainException("eligibility.kb-duplicate-rule", $"Duplicate rule id {rule.Id}.");
            _ = FindingKinds.Parse(rule.Kind);
            foreach (var group in rule.Groups ?? []) _ = Group(group);
            if (rule.Therapies.Any(t => !TherapyId.All.Contains(new TherapyId(t))))
            {
                throw new DomainException("eligibility.kb-rule-therapy", $"Rule {rule.Id} names an unknown therapy.");
            }
        }
        foreach (var e in evidence.Values) _ = EvidenceGrade.Parse(e.Grade);
        foreach (var group in Therapies.SelectMany(t => t.IndicationGroups)) _ = Group(group);
    }

    private static KnowledgeBase LoadEmbedded()
    {
        var assembly = typeof(KnowledgeBase).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Eligibility.KnowledgeBase.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = names.ToDictionary(n => n, n => Read(assembly, n));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in names) sha.AppendData(files[name]);
        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        var therapies = Deserialize<TherapiesFile>(files[names.Single(n => n.EndsWith(".therapies.json", StringComparison.Ordinal))]);
        var rules = Deserialize<RulesFile>(files[names.Single(n => n.EndsWith(".rules.json", StringComparison.Ordinal))]);
        return new KnowledgeBase(therapies, rules, hash);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static T Deserialize<T>(byte[] json) =>
        JsonSerializer.Deserialize<T>(json, JsonOptions) ?? throw new DomainException("eligibility.kb-empty", "Knowledge base file is empty.");

    private sealed record TherapiesFile(
        string RuleSetVersion,
        IReadOnlyList<TherapyInfo> Therapies,
        IReadOnlyList<ConditionGroup> ConditionGroups,
        Dictionary<string, IReadOnlyList<string>> Indications,
        IReadOnlyList<EvidenceEntry> Evidence,
        string NoEvidenceCitation,
        OzoneDoseLimits OzoneDoseLimits);

    private sealed record RulesFile(IReadOnlyList<ScreeningRule> Rules);

    private sealed record EvidenceEntry(string Therapy, string Group, string Grade, string Note, string Citation);
}

/// <summary>A therapy with its consent text: what it is, its risks and alternatives, in English and Dutch.</summary>
public sealed record TherapyInfo(
    string Id,
    IReadOnlyList<string> Routes,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<LocalizedText> Risks,
    IReadOnlyList<LocalizedText> Alternatives)
{
    /// <summary>The condition groups (ids) that indicate this therapy (§1).</summary>
    public IReadOnlyList<string> IndicationGroups { get; init; } = [];
}

/// <summary>An indication group of §1: ICD-10-CM prefixes (compared without dots) or three-character ranges ("C00-C96").</summary>
/// <param name="RequiresHistoryCodes">Codes that must also be present in any status (osteoradionecrosis needs Z92.3).</param>
/// <param name="StageSystem">The staging system the group is staged in, if any.</param>
public sealed record ConditionGroup(
    string Id,
    LocalizedText Name,
    IReadOnlyList<string> Codes,
    IReadOnlyList<string>? RequiresHistoryCodes = null,
    string? StageSystem = null);

/// <summary>Evidence for a therapy × condition group (§2), shown beside every verdict, consent and quote.</summary>
public sealed record Evidence(EvidenceGrade Grade, string Citation, string Note);

/// <summary>A screening rule as data. <see cref="Match"/> says which pure matcher reads the patient's facts.</summary>
/// <param name="Fact">Which patient fact it reads, in words.</param>
/// <param name="Groups">For prerequisites and stage precautions: the indication groups the rule applies to.</param>
public sealed record ScreeningRule(
    string Id,
    IReadOnlyList<string> Therapies,
    string Kind,
    string Fact,
    RuleMatch Match,
    LocalizedText Reason,
    string Source,
    IReadOnlyList<string>? Groups = null)
{
    public FindingKind FindingKind => FindingKinds.Parse(Kind);
}

/// <summary>The matcher a rule uses: <c>condition</c> (Codes, Status), <c>medication</c> (Atc, Status, RecentEndDays),
/// <c>allergy</c> (Atc, Text), or a named matcher (<c>pregnancy</c>, <c>fever</c>, <c>untreated-pneumothorax</c>, ...).</summary>
public sealed record RuleMatch(
    string Type,
    IReadOnlyList<string>? Codes = null,
    IReadOnlyList<string>? Atc = null,
    IReadOnlyList<string>? Text = null,
    string? Status = null,
    int? RecentEndDays = null,
    string? Setting = null);

/// <summary>Default ozone dose limits (§3, configurable); carried for the dose checks.</summary>
public sealed record OzoneDoseLimits(string Source, decimal MaxConcentrationMicrogramsPerMl, IReadOnlyList<OzoneRouteLimit> Routes);

public sealed record OzoneRouteLimit(
    string Route,
    decimal? MinVolumeMl,
    decimal? MaxVolumeMl,
    decimal? MinConcentrationMicrogramsPerMl,
    decimal? MaxConcentrationMicrogramsPerMl);
