using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Hyperbaric;
using RegenClinic.Injections;
using RegenClinic.Patients;

namespace RegenClinic.Fhir;

/// <summary>POST /fhir/{type}: records a Patient (the clinic assigns the record number) or a chart entry for an existing patient.
/// The write is audited by the interceptor.</summary>
public sealed class CreateFhirResource(ClinicDb db, ClinicActor actor, ClinicTime time, RecordAdverseEvent injectionEvents, RecordHbotAdverseEvent hbotEvents)
{
    public async Task<(Resource Resource, string Version)> HandleAsync(Resource resource, CancellationToken ct = default)
    {
        Resource created;
        if (resource is Hl7.Fhir.Model.Patient patientResource)
        {
            var site = await db.Sites.OrderBy(s => s.Code).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
                ?? throw new FhirException(422, OperationOutcome.IssueType.BusinessRule, null, "No clinic site is set up.");
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockAuditChainAsync(ct);
            var number = RegisterPatient.RecordNumber(await RegisterPatient.NextRecordSequenceAsync(db, ct));
            var patient = FhirWrites.ToPatient(patientResource, number, site, actor.Name, time.Now, time.Today);
            db.Patients.Add(patient);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            created = patient.ToFhir();
        }
        else if (resource is AdverseEvent adverseEvent)
        {
            created = await CreateAdverseEventAsync(adverseEvent, ct);
        }
        else
        {
            var reference = FhirWrites.SubjectReference(resource);
            var element = FhirWrites.SubjectElement(resource);
            if (reference is null) throw FhirException.Required(element);
            var patientId = FhirReferences.PatientId(reference) ?? throw FhirException.Invalid(element, $"'{reference}' is not a Patient reference (Patient/{{id}}).");
            if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
                throw new FhirException(422, OperationOutcome.IssueType.NotFound, element, $"Patient/{patientId} is not known.");
            var entry = FhirWrites.ToEntry(resource, patientId, actor.Name, time.Now, time.Today);
            db.Add(entry);
            await db.SaveChangesAsync(ct);
            // Read back as a read serves it (decimal scale as stored), so that the ETag answered now is the one a read answers.
            created = (await FhirRegistry.Find(resource.TypeName)!.ReadAsync(db, entry.Id.ToString(), ct))?.Resource ?? FhirWrites.ToFhir(entry);
        }
        return (created, FhirJson.Stamp(created));
    }

    /// <summary>An adverse event goes through the use case the app records it with, so the same checks apply (the event is one
    /// offered for the procedure's therapy; a pausing HBOT event pauses the course). Its subject must be the suspect's patient.</summary>
    private async Task<Resource> CreateAdverseEventAsync(AdverseEvent resource, CancellationToken ct)
    {
        var (kind, id) = AdverseEventFhir.Suspect(resource);
        var owner = kind == "Procedure"
            ? await db.ProcedureRecords.Where(p => p.Id == id).Select(p => (Guid?)p.PatientId).FirstOrDefaultAsync(ct)
            : await db.Courses.Where(c => c.Id == id).Select(c => (Guid?)c.PatientId).FirstOrDefaultAsync(ct);
        if (owner is null)
            throw new FhirException(422, OperationOutcome.IssueType.NotFound, "AdverseEvent.suspectEntity.instance", $"{kind}/{id} is not known.");
        var subject = resource.Subject?.Reference ?? throw FhirException.Required("AdverseEvent.subject");
        if (FhirReferences.PatientId(subject) != owner)
            throw FhirException.Invalid("AdverseEvent.subject", $"'{subject}' is not the patient of {kind}/{id}.");
        try
        {
            if (kind == "Procedure")
            {
                var recordId = await injectionEvents.HandleAsync(resource.ToInjectionInput(id), ct);
                return (await db.AdverseEvents.AsNoTracking().FirstAsync(r => r.Id == recordId, ct)).ToFhir();
            }
            var hbotId = await hbotEvents.HandleAsync(resource.ToHbotEntry(id), ct);
            return (await db.HbotAdverseEvents.AsNoTracking().FirstAsync(r => r.Id == hbotId, ct)).ToFhir();
        }
        catch (DomainException ex)
        {
            throw FhirException.FromDomain(ex, AdverseEventFhir.Element);
        }
    }
}
