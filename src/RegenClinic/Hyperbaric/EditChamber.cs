using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <param name="Tables">Ids of stored, current tables the chamber may run; each table's pressure must be within <paramref name="MaxAta"/>.</param>
public sealed record ChamberSettings(decimal MaxAta, IReadOnlyList<string> Tables, LocalDate? CommissionedOn, int? DesignLifeYears, int? DesignLifeCycles);

/// <summary>An administrator edits a chamber's equipment data: maximum pressure, allowed tables, commissioning date and design life.
/// The change is audited (interceptor) and written to the chamber's operations log with what changed.</summary>
public sealed class EditChamber(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid chamberId, ChamberSettings settings, CancellationToken ct = default)
    {
        var chamber = await db.Chambers.FirstOrDefaultAsync(c => c.Id == chamberId, ct)
            ?? throw new DomainException("chamber.not-found", "No chamber with this id.", "chamberId");
        var before = Describe(chamber.MaxAta, chamber.Tables, chamber.CommissionedOn, chamber.DesignLifeYears, chamber.DesignLifeCycles);
        var stored = (await StoredTreatmentTables.AllAsync(db, ct)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var tables = (settings.Tables ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var previous = chamber.Tables.ToHashSet(StringComparer.Ordinal);
        foreach (var id in tables)
        {
            if (!stored.TryGetValue(id, out var table))
                throw new DomainException("treatment-table.unknown", $"Unknown treatment table '{id}'.", "tables");
            // A retired table may stay on a chamber's list (its history), but may not be added to it.
            if (table.IsRetired && !previous.Contains(id))
                throw new DomainException("treatment-table.retired", $"Table {id} is retired: it cannot be added to a chamber.", "tables");
            if ((decimal)table.PressureAta > settings.MaxAta)
                throw new DomainException("chamber.table-above-max", $"Table {id} runs at {table.PressureAta:0.0#} ATA, above the chamber's maximum of {settings.MaxAta:0.0#} ATA.", "tables");
        }

        chamber.Configure(settings.MaxAta, tables, settings.CommissionedOn, settings.DesignLifeYears, settings.DesignLifeCycles, time.Today);
        var after = Describe(chamber.MaxAta, chamber.Tables, chamber.CommissionedOn, chamber.DesignLifeYears, chamber.DesignLifeCycles);
        if (after == before) return;
        await ChamberLog.AppendAsync(db, chamber, time.Now, actor.Name, [(ChamberLogKind.Configured, $"Settings changed from [{before}] to [{after}]")], null, ct);
        await db.SaveChangesAsync(ct);
    }

    private static string Describe(decimal maxAta, IEnumerable<string> tables, LocalDate? commissioned, int? years, int? cycles) =>
        $"max {maxAta:0.0#} ATA; tables {string.Join(", ", tables)}; commissioned {(commissioned is { } c ? c.ToString("uuuu-MM-dd", null) : "-")}; " +
        $"design life {(years is null ? "-" : $"{years} years / {cycles} cycles")}";
}
