using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

public sealed record PresetRow(Guid Id, string PresetId, int Version, string Therapy, string NameEn, string NameNl, bool BuiltIn, string? CopiedFrom,
    bool Retired, ProtocolPreset Preset);

/// <summary>The clinic's presets, built-in ones first. Built-ins shipped with this version that are not stored yet are
/// stored on the way (so a new release's presets appear without a migration step).</summary>
public sealed class ListPresets(ClinicDb db, ClinicTime time)
{
    public async Task<IReadOnlyList<PresetRow>> HandleAsync(bool includeRetired, CancellationToken ct = default)
    {
        var stored = await db.Presets.Select(p => p.PresetId).ToListAsync(ct);
        var missing = ProtocolPresets.BuiltIn.Where(b => !stored.Contains(b.Id)).ToList();
        if (missing.Count > 0)
        {
            db.Presets.AddRange(missing.Select(m => StoredPreset.FromBuiltIn(m, time.Now)));
            await db.SaveChangesAsync(ct);
        }
        var rows = await db.Presets.AsNoTracking().Where(p => includeRetired || !p.Retired).ToListAsync(ct);
        return [.. rows.OrderByDescending(p => p.BuiltIn).ThenBy(p => p.NameEn, StringComparer.Ordinal)
            .Select(p => { var preset = p.Preset; return new PresetRow(p.Id, p.PresetId, p.Version, p.Therapy, p.NameEn, preset.NameNl, p.BuiltIn, p.CopiedFrom, p.Retired, preset); })];
    }
}

/// <summary>Copies a preset (built-in or the clinic's) into a new clinic preset that can be edited.</summary>
public sealed class CopyPreset(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid sourceId, string newPresetId, CancellationToken ct = default)
    {
        var source = await db.Presets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == sourceId, ct)
            ?? throw new DomainException("preset.not-found", "No such preset.", "id");
        var id = Require.Text(newPresetId, "presetId", 80).ToLowerInvariant();
        if (await db.Presets.AnyAsync(p => p.PresetId == id, ct))
            throw new DomainException("preset.id-taken", "A preset with this id exists already.", "presetId");
        var copy = StoredPreset.CopyOf(source, id, actor.Name, time.Now);
        db.Presets.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy.Id;
    }
}

/// <summary>The editable fields of a preset on the form: names, sessions and spacing, and the steps' amounts.</summary>
public sealed record PresetEdit(string NameEn, string NameNl, string Citation, int Sessions, IReadOnlyList<int> SessionWeeks, int SpacingMinDays,
    int SpacingMaxDays, IReadOnlyList<PresetStep> Steps, string? Notes);

/// <summary>Saves an edited clinic preset as its next version (validated as a whole: weeks must match the spacing).</summary>
public sealed class EditPreset(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid id, PresetEdit edit, CancellationToken ct = default)
    {
        var stored = await db.Presets.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException("preset.not-found", "No such preset.", "id");
        var current = stored.Preset;
        var edited = current with
        {
            NameEn = edit.NameEn, NameNl = edit.NameNl, Citation = edit.Citation, Sessions = edit.Sessions, SessionWeeks = edit.SessionWeeks,
            OptionalSessionWeeks = [], MaxSessions = edit.Sessions, SpacingMinDays = edit.SpacingMinDays, SpacingMaxDays = edit.SpacingMaxDays,
            Steps = edit.Steps, Notes = edit.Notes,
        };
        stored.Edit(edited, actor.Name, time.Now);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Retires a preset: it is no longer offered for new prescriptions; courses that name it keep it.</summary>
public sealed class RetirePreset(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid id, CancellationToken ct = default)
    {
        var stored = await db.Presets.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException("preset.not-found", "No such preset.", "id");
        stored.Retire(actor.Name, time.Now);
        await db.SaveChangesAsync(ct);
    }
}
