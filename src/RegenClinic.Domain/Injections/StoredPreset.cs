using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>
/// A protocol preset as the clinic keeps it: the built-in ones (<see cref="ProtocolPresets.BuiltIn"/>, read-only) and the
/// clinic's copies, which it edits (each edit raises the version) and retires; presets are never deleted because courses
/// name them.
/// </summary>
public sealed class StoredPreset
{
    private StoredPreset() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string PresetId { get; private set; } = "";
    public int Version { get; private set; }
    public string Therapy { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public bool BuiltIn { get; private set; }
    public string? CopiedFrom { get; private set; }
    public string Json { get; private set; } = "";
    public bool Retired { get; private set; }
    public Instant UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public ProtocolPreset Preset => ProtocolPresets.Parse(Json);

    public static StoredPreset FromBuiltIn(ProtocolPreset preset, Instant at) => new()
    {
        PresetId = preset.Id, Version = preset.Version, Therapy = preset.Therapy, NameEn = preset.NameEn, BuiltIn = true,
        Json = ProtocolPresets.Serialize(preset), UpdatedAt = at, UpdatedBy = "built-in",
    };

    /// <summary>A clinic copy of <paramref name="source"/> under a new id, version 1, editable.</summary>
    public static StoredPreset CopyOf(StoredPreset source, string newId, string by, Instant at)
    {
        var id = Require.Text(newId, "presetId", 80);
        var preset = source.Preset with { Id = id, Version = 1, NameEn = source.NameEn + " (clinic copy)", NameNl = source.Preset.NameNl + " (kopie kliniek)", Retired = false };
        return new StoredPreset
        {
            PresetId = id, Version = 1, Therapy = preset.Therapy, NameEn = preset.NameEn, BuiltIn = false, CopiedFrom = source.PresetId,
            Json = ProtocolPresets.Serialize(preset), UpdatedAt = at, UpdatedBy = Require.Text(by, "by", 200),
        };
    }

    /// <summary>Replaces the clinic copy's content with an edited preset (validated), raising the version by one.</summary>
    public void Edit(ProtocolPreset edited, string by, Instant at)
    {
        if (BuiltIn) throw new DomainException("preset.built-in", "Built-in presets cannot be edited; copy them first.");
        if (Retired) throw new DomainException("preset.retired", "A retired preset cannot be edited.");
        var next = edited with { Id = PresetId, Version = Version + 1, Retired = false };
        Json = ProtocolPresets.Serialize(ProtocolPresets.Parse(ProtocolPresets.Serialize(next)));
        Version = next.Version;
        NameEn = next.NameEn;
        Therapy = next.Therapy;
        UpdatedAt = at;
        UpdatedBy = Require.Text(by, "by", 200);
    }

    public void Retire(string by, Instant at)
    {
        if (Retired) throw new DomainException("preset.retired", "This preset is already retired.");
        Retired = true;
        UpdatedAt = at;
        UpdatedBy = Require.Text(by, "by", 200);
    }
}
