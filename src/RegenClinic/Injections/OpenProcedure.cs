using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

/// <summary>Loads one procedure of a patient (for the adverse-event form); an audited read.</summary>
public sealed class OpenProcedure(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<ProcedureRecord> HandleAsync(Guid patientId, Guid procedureId, CancellationToken ct = default)
    {
        var procedure = await db.ProcedureRecords.AsNoTracking().FirstOrDefaultAsync(p => p.Id == procedureId && p.PatientId == patientId, ct)
            ?? throw new DomainException("procedure.not-found", "No such procedure on this chart.", "procedureId");
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, nameof(ProcedureRecord), procedure.Id.ToString(), patientId, null));
        await db.SaveChangesAsync(ct);
        return procedure;
    }
}
