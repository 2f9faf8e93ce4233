using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>A physician or administrator adds an elective table to the catalogue, validated by <see cref="TreatmentTableDefinition"/>.</summary>
public sealed class AddTreatmentTable(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<string> HandleAsync(TreatmentTableDefinition definition, CancellationToken ct = default)
    {
        var table = definition.Build();
        if (await db.TreatmentTables.AnyAsync(t => t.Id == table.Id, ct))
            throw new DomainException("treatment-table.id-taken", $"A table {table.Id} exists already (retired tables keep their id).", "id");
        db.TreatmentTables.Add(TreatmentTableRecord.From(table, false, actor.Name, time.Now));
        await db.SaveChangesAsync(ct);
        return table.Id;
    }
}

/// <summary>Retires a table: it stays on record (dives and courses keep showing it) but can no longer be prescribed or run.</summary>
public sealed class RetireTreatmentTable(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(string id, string reason, CancellationToken ct = default)
    {
        var row = await db.TreatmentTables.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new DomainException("treatment-table.unknown", $"Unknown treatment table '{id}'.", "id");
        row.Retire(actor.Name, reason, time.Now);
        await db.SaveChangesAsync(ct);
    }
}
