using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Fhir;

/// <summary>PUT /fhir/Patient/{id}: new demographics, only if the caller saw the current version (If-Match with the ETag of a read).
/// The version is read and compared under the write lock, so of two concurrent updates from the same version one gets 412.
/// Chart entries are not updated in place: the record is append-only (amend with a reason in the app).</summary>
public sealed class UpdateFhirPatient(ClinicDb db, ClinicTime time)
{
    public async Task<(Resource Resource, string Version)> HandleAsync(string id, Hl7.Fhir.Model.Patient resource, string? ifMatch, CancellationToken ct = default)
    {
        if (resource.Id is { } bodyId && bodyId != id) throw FhirException.Invalid("Patient.id", $"The id in the body ({bodyId}) is not the id in the URL ({id}).");
        var readVersion = FhirWrites.IfMatchVersion(ifMatch);
        var patientId = FhirReferences.IdOf(id) ?? throw FhirException.NotFound("Patient", id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == patientId, ct) ?? throw FhirException.NotFound("Patient", id);
        var current = FhirJson.VersionOf(patient.ToFhir());
        if (readVersion != current)
            throw new FhirException(412, OperationOutcome.IssueType.Conflict, null, $"Patient/{id} has changed since that version was read (current version {current}); read it again.");
        try
        {
            patient.UpdateDemographics(resource.ToDetails(), time.Today);
        }
        catch (DomainException ex)
        {
            throw FhirException.FromDomain(ex, PatientFhir.Element);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var updated = patient.ToFhir();
        return (updated, FhirJson.Stamp(updated));
    }
}
