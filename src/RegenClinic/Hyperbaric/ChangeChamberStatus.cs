using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Puts a chamber in service, in maintenance or out of service (with a reason), written to its operations log.</summary>
public sealed class ChangeChamberStatus(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid chamberId, EquipmentStatus status, string? reason, CancellationToken ct = default)
    {
        var chamber = await db.Chambers.FirstOrDefaultAsync(c => c.Id == chamberId, ct)
            ?? throw new DomainException("chamber.not-found", "No chamber with this id.", "chamberId");
        chamber.SetStatus(Require.Defined(status, "status"), reason);
        var text = $"Status {status}" + (chamber.StatusReason is null ? "" : $": {chamber.StatusReason}");
        await ChamberLog.AppendAsync(db, chamber, time.Now, actor.Name, [(ChamberLogKind.StatusChanged, text)], null, ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A maintenance entry (inspection, service, repair) in a chamber's operations log.</summary>
public sealed class RecordChamberMaintenance(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid chamberId, string text, CancellationToken ct = default)
    {
        var chamber = await db.Chambers.FirstOrDefaultAsync(c => c.Id == chamberId, ct)
            ?? throw new DomainException("chamber.not-found", "No chamber with this id.", "chamberId");
        await ChamberLog.AppendAsync(db, chamber, time.Now, actor.Name, [(ChamberLogKind.Maintenance, Require.Text(text, "text", 2000))], null, ct);
        await db.SaveChangesAsync(ct);
    }
}
