using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Injections;

public sealed record FollowUpDone(Guid PatientId, Guid CourseId);

/// <summary>Marks a procedure's follow-up call or visit done, with what was found.</summary>
public sealed class CompleteFollowUp(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<FollowUpDone> HandleAsync(Guid followUpId, string note, CancellationToken ct = default)
    {
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.Id == followUpId, ct)
            ?? throw new DomainException("follow-up.not-found", "No such follow-up.", "id");
        followUp.Complete(actor.Name, note, time.Now);
        await db.SaveChangesAsync(ct);
        var courseId = await db.ProcedureRecords.Where(p => p.Id == followUp.ProcedureId).Select(p => p.CourseId).FirstAsync(ct);
        return new FollowUpDone(followUp.PatientId, courseId);
    }
}
