using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

public sealed record AdverseEventInput(Guid ProcedureId, string EventCode, Instant OnsetAt, AdverseEventSeverity Severity,
    IReadOnlyList<AdverseEventAction> Actions, string? Notes);

/// <summary>Records an adverse event after a procedure: an event of the catalogue offered for that therapy (clinical-reference
/// §6), onset not before the procedure, a severity not below the event's minimum, and the action taken.</summary>
public sealed class RecordAdverseEvent(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(AdverseEventInput input, CancellationToken ct = default)
    {
        var procedure = await db.ProcedureRecords.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProcedureId, ct)
            ?? throw new DomainException("procedure.not-found", "No such procedure.", "procedureId");
        if (AdverseEventCatalog.ForTherapy(procedure.Therapy).All(e => e.Code != input.EventCode))
            throw new DomainException("adverse-event.not-for-therapy", $"'{input.EventCode}' is not an adverse event of {procedure.Therapy}.", "eventCode");
        if (input.OnsetAt > time.Now) throw new DomainException("date.future", "The onset cannot be in the future.", "onsetAt");
        var report = new AdverseEventReport(procedure.Id.ToString(), input.EventCode, procedure.PerformedAt, input.OnsetAt, input.Severity, input.Actions,
            actor.Name, input.Notes);
        var record = AdverseEventRecord.Record(procedure.PatientId, report, time.Now);
        db.AdverseEvents.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}
