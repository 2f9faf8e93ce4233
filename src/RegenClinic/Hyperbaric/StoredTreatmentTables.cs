using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Reads of the stored table catalogue. Every use case that runs, prescribes or plots a table reads it here, never
/// from the reference's list in code (that list only seeds the catalogue).</summary>
public static class StoredTreatmentTables
{
    public const string ReferenceSeeder = "clinical-reference §4 (seed)";

    /// <summary>Adds the reference's tables (<see cref="TreatmentTables.All"/>) whose id is not stored yet. Idempotent: run at every
    /// start; a retired reference table stays retired.</summary>
    public static async Task<int> SeedReferenceAsync(ClinicDb db, CancellationToken ct = default)
    {
        var stored = await db.TreatmentTables.Select(t => t.Id).ToListAsync(ct);
        var missing = TreatmentTables.All.Where(t => !stored.Contains(t.Id)).ToList();
        if (missing.Count == 0) return 0;
        db.TreatmentTables.AddRange(missing.Select(t => TreatmentTableRecord.From(t, true, ReferenceSeeder, null)));
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    /// <summary>The table with this id, retired or not (records made with a table keep showing it).</summary>
    public static async Task<TreatmentTable?> FindAsync(ClinicDb db, string? id, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var row = await db.TreatmentTables.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return row?.ToDomain();
    }

    public static async Task<TreatmentTable> GetAsync(ClinicDb db, string id, CancellationToken ct = default) =>
        await FindAsync(db, id, ct) ?? throw new DomainException("treatment-table.unknown", $"Unknown treatment table '{id}'.", "table");

    /// <summary>All stored tables in the order they were added (the reference's first), retired ones included.</summary>
    public static async Task<IReadOnlyList<TreatmentTableRecord>> AllAsync(ClinicDb db, CancellationToken ct = default)
    {
        var rows = await db.TreatmentTables.AsNoTracking().ToListAsync(ct);
        var reference = TreatmentTables.All.Select(t => t.Id).ToList();
        return rows.OrderBy(r => r.FromReference ? 0 : 1).ThenBy(r => r.FromReference ? reference.IndexOf(r.Id) : 0)
            .ThenBy(r => r.AddedAt?.ToUnixTimeTicks() ?? 0).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A table that may be run today: stored and not retired.</summary>
    public static async Task<TreatmentTable> RunnableAsync(ClinicDb db, string id, CancellationToken ct = default)
    {
        var table = await GetAsync(db, id, ct);
        if (table.IsRetired) throw new DomainException("treatment-table.retired", $"Table {id} is retired: it can no longer be prescribed or run.", "table");
        return table;
    }
}
