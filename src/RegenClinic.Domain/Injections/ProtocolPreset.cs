using System.Text.Json;
using System.Text.Json.Serialization;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>One step of a preset: what is injected where. Prolotherapy fields are filled for prolotherapy presets;
/// other therapies use <see cref="Note"/> and the volume.</summary>
public sealed record PresetStep(
    InjectionPlacement Placement,
    InjectionRegion Region,
    decimal? DextrosePercent,
    decimal? LidocainePercent,
    decimal VolumeMl,
    bool VolumeIsPerInsertion,
    string? Note);

/// <summary>A protocol preset: data, editable by the clinic (store an edited copy with a higher
/// <see cref="Version"/>; retire, never delete). Built-in presets are embedded JSON under
/// <c>Injections/Presets/</c>, each with its citation.</summary>
public sealed record ProtocolPreset(
    string Id,
    int Version,
    string Therapy,
    string NameEn,
    string NameNl,
    string Indication,
    string Citation,
    int Sessions,
    int MaxSessions,
    IReadOnlyList<int> SessionWeeks,
    IReadOnlyList<int> OptionalSessionWeeks,
    int SpacingMinDays,
    int SpacingMaxDays,
    IReadOnlyList<PresetStep> Steps,
    string? Notes,
    bool Retired)
{
    public CoursePrescription ToPrescription() => new(Therapy, Id, Sessions, SpacingMinDays, SpacingMaxDays);
}

public static class ProtocolPresets
{
    private const string ResourcePrefix = "RegenClinic.Domain.Injections.Presets.";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private static readonly Lazy<IReadOnlyList<ProtocolPreset>> BuiltInPresets = new(LoadEmbedded);

    /// <summary>The presets shipped with the product (loaded once from embedded resources).</summary>
    public static IReadOnlyList<ProtocolPreset> BuiltIn => BuiltInPresets.Value;

    public static ProtocolPreset? Find(string id) => BuiltIn.FirstOrDefault(p => p.Id == id);

    /// <summary>Parses and validates a preset (built-in or clinic-edited); throws <see cref="DomainException"/>
    /// <c>preset.*</c> on a broken invariant.</summary>
    public static ProtocolPreset Parse(string json)
    {
        ProtocolPreset? preset;
        try
        {
            preset = JsonSerializer.Deserialize<ProtocolPreset>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new DomainException("preset.invalid-json", $"Preset is not valid JSON: {ex.Message}");
        }

        if (preset is null)
        {
            throw new DomainException("preset.empty", "Preset is empty.");
        }

        Validate(preset);
        return preset;
    }

    public static string Serialize(ProtocolPreset preset) => JsonSerializer.Serialize(preset, Options);

    private static void Validate(ProtocolPreset p)
    {
        if (string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.Therapy) || string.IsNullOrWhiteSpace(p.Citation)
            || string.IsNullOrWhiteSpace(p.NameEn) || string.IsNullOrWhiteSpace(p.NameNl))
        {
            throw new DomainException("preset.missing-field", "A preset needs an id, a therapy, names in English and Dutch, and a citation.", "id");
        }

        if (p.Steps is null || p.Steps.Count == 0)
        {
            throw new DomainException("preset.no-steps", $"Preset {p.Id} has no steps.", "steps");
        }

        if (p.SessionWeeks is null || p.SessionWeeks.Count != p.Sessions || p.OptionalSessionWeeks is null)
        {
            throw new DomainException("preset.session-weeks", $"Preset {p.Id}: sessionWeeks must list one week per session.", "sessionWeeks");
        }

        if (p.MaxSessions < p.Sessions || p.MaxSessions != p.Sessions + p.OptionalSessionWeeks.Count)
        {
            throw new DomainException("preset.max-sessions", $"Preset {p.Id}: maxSessions must equal sessions plus optional sessions.", "maxSessions");
        }

        var weeks = p.SessionWeeks.Concat(p.OptionalSessionWeeks).ToList();
        for (var i = 1; i < weeks.Count; i++)
        {
            var gapDays = checked((weeks[i] - weeks[i - 1]) * 7);
            if (gapDays < p.SpacingMinDays || gapDays > p.SpacingMaxDays)
            {
                throw new DomainException("preset.spacing", $"Preset {p.Id}: weeks {weeks[i - 1]} and {weeks[i]} do not match the spacing.", "sessionWeeks");
            }
        }

        _ = p.ToPrescription();
    }

    private static List<ProtocolPreset> LoadEmbedded()
    {
        var assembly = typeof(ProtocolPresets).Assembly;
        var presets = new List<ProtocolPreset>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            presets.Add(Parse(reader.ReadToEnd()));
        }

        return presets;
    }
}
