using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Patients;

namespace RegenClinic.Fhir;

/// <summary>POST /fhir/{type}: records a Patient (the clinic assigns the record number) or a chart entry for an existing patient.
/// The write is audited by the interceptor.</summary>
public sealed class CreateFhirResource(ClinicDb db, ClinicActor actor, ClinicTime time)
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
            created = FhirWrites.ToFhir(entry);
        }
        return (created, FhirJson.Stamp(created));
    }
}
