using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Fhir;

/// <summary>PUT /fhir/{Condition|MedicationStatement|AllergyIntolerance|Observation}/{id}: an amendment, as the chart makes one in the
/// app. The entry named must be the current version and If-Match must carry the ETag it was read with; the new version is a new
/// entry naming the old one (which stays, superseded, readable by its id). The answer is the new version, at its own id (Location).
/// The version is compared under the write lock, so of two updates from the same version one gets 412.</summary>
public sealed class AmendFhirChartEntry(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <summary>Why the entry is amended (valueString); the chart requires a reason, so a default names the interface.</summary>
    public const string ReasonExtension = "urn:regenclinic:fhir:StructureDefinition:amend-reason";

    public async Task<(Resource Resource, string Version)> HandleAsync(string type, string id, Resource resource, string? ifMatch, CancellationToken ct = default)
    {
        if (resource.TypeName != type) throw FhirException.Invalid("resourceType", $"The body is a {resource.TypeName}, not a {type}.");
        if (resource.Id is { } bodyId && bodyId != id) throw FhirException.Invalid($"{type}.id", $"The id in the body ({bodyId}) is not the id in the URL ({id}).");
        if (string.IsNullOrWhiteSpace(ifMatch))
            throw new FhirException(428, OperationOutcome.IssueType.BusinessRule, null, "Send If-Match with the ETag of the version you read: updates are optimistic.");
        var entryId = FhirReferences.IdOf(id) ?? throw FhirException.NotFound(type, id);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        ChartEntry current = type switch
        {
            "Condition" => (ChartEntry?)await db.Conditions.FirstOrDefaultAsync(x => x.Id == entryId, ct),
            "MedicationStatement" => await db.Medications.FirstOrDefaultAsync(x => x.Id == entryId, ct),
            "AllergyIntolerance" => await db.Allergies.FirstOrDefaultAsync(x => x.Id == entryId, ct),
            "Observation" => await db.Observations.FirstOrDefaultAsync(x => x.Id == entryId, ct),
            _ => throw new FhirException(405, OperationOutcome.IssueType.NotSupported, null, $"{type} is not amended here."),
        } ?? throw FhirException.NotFound(type, id);
        var version = FhirJson.VersionOf(FhirWrites.ToFhir(current));
        if (!current.IsCurrent)
        {
            throw new FhirException(412, OperationOutcome.IssueType.Conflict, null,
                $"{type}/{id} is no longer the current version ({(current.VoidedAt is null ? "amended" : "voided")}); read the current one and amend that.");
        }
        if (Unquote(ifMatch) != version)
            throw new FhirException(412, OperationOutcome.IssueType.Conflict, null, $"{type}/{id} has changed since that version was read (current version {version}); read it again.");
        var subject = FhirWrites.SubjectReference(resource);
        if (subject is null)
        {
            FhirWrites.SetSubject(resource, $"Patient/{current.PatientId}");
        }
        else if (FhirReferences.PatientId(subject) != current.PatientId)
        {
            throw FhirException.Invalid(FhirWrites.SubjectElement(resource), "An amendment stays on the same patient's chart.");
        }
        var amendment = FhirWrites.ToEntry(resource, current.PatientId, actor.Name, time.Now, time.Today);
        var reason = ((resource as DomainResource)?.Extension.FirstOrDefault(e => e.Url == ReasonExtension)?.Value as FhirString)?.Value;
        try
        {
            current.AmendWith(amendment, string.IsNullOrWhiteSpace(reason) ? "Amended through the FHIR interface" : reason);
        }
        catch (DomainException ex)
        {
            throw FhirException.FromDomain(ex, f => f == "reason" ? $"{type}.extension(amend-reason)" : type);
        }
        db.Add(amendment);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Read back as a read serves it (decimal scale as stored), so that the ETag answered now is the one a read answers.
        var updated = (await FhirRegistry.Find(type)!.ReadAsync(db, amendment.Id.ToString(), ct))?.Resource ?? FhirWrites.ToFhir(amendment);
        return (updated, FhirJson.Stamp(updated));
    }

    /// <summary>W/"abc" or "abc" → abc.</summary>
    private static string Unquote(string etag)
    {
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return value.Trim('"');
    }
}
