using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Injections;

/// <summary>Voids a charted procedure with a reason and returns its course; it stays on the record, marked void.</summary>
public sealed class VoidProcedure(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid patientId, Guid procedureId, string reason, CancellationToken ct = default)
    {
        var procedure = await db.ProcedureRecords.FirstOrDefaultAsync(p => p.Id == procedureId && p.PatientId == patientId, ct)
            ?? throw new DomainException("procedure.not-found", "No such procedure.", "id");
        procedure.Void(actor.Name, reason, time.Now);
        await db.SaveChangesAsync(ct);
        return procedure.CourseId;
    }
}
