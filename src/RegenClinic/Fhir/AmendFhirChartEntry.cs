using Hl7.Fhir.Model;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;

namespace RegenClinic.Fhir;

/// <summary>PUT /fhir/{Condition|MedicationStatement|AllergyIntolerance|Observation}/{id}: an amendment, as the chart makes one in the
/// app. The entry named must be the current version and If-Match must carry the ETag it was read with; the new version is a new
/// entry naming the old one (which stays, superseded, readable by its id). The answer is the new version, at its own id (Location).
/// The version is compared under the write lock, so of two updates from the same version one gets 412.</summary>
public sealed class AmendFhirChartEntry(ClinicDb db, RecordChartEntry chart)
{
    /// <summary>Why the entry is amended (valueString); the chart requires a reason, so a default names the interface.</summary>
    public const string ReasonExtension = "urn:regenclinic:fhir:StructureDefinition:amend-reason";

    public async Task<(Resource Resource, string Version)> HandleAsync(string type, string id, Resource resource, string? ifMatch, CancellationToken ct = default)
    {
        if (resource.TypeName != type) throw FhirException.Invalid("resourceType", $"The body is a {resource.TypeName}, not a {type}.");
        if (resource.Id is { } bodyId && bodyId != id) throw FhirException.Invalid($"{type}.id", $"The id in the body ({bodyId}) is not the id in the URL ({id}).");
        var readVersion = FhirWrites.IfMatchVersion(ifMatch);
        var entryId = FhirReferences.IdOf(id) ?? throw FhirException.NotFound(type, id);
        var kind = type switch
        {
            "Condition" => ChartEntryKind.Condition,
            "MedicationStatement" => ChartEntryKind.Medication,
            "AllergyIntolerance" => ChartEntryKind.Allergy,
            "Observation" => ChartEntryKind.Observation,
            _ => throw new FhirException(405, OperationOutcome.IssueType.NotSupported, null, $"{type} is not amended here."),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        ChartEntry current;
        try
        {
            current = await chart.FindAsync(kind, entryId, ct);
        }
        catch (DomainException)
        {
            throw FhirException.NotFound(type, id);
        }
        var version = FhirJson.VersionOf(FhirWrites.ToFhir(current));
        if (!current.IsCurrent)
        {
            throw new FhirException(412, OperationOutcome.IssueType.Conflict, null,
                $"{type}/{id} is no longer the current version ({(current.VoidedAt is null ? "amended" : "voided")}); read the current one and amend that.");
        }
        if (readVersion != version)
            throw new FhirException(412, OperationOutcome.IssueType.Conflict, null, $"{type}/{id} has changed since that version was read (current version {version}); read it again.");
        var subject = FhirWrites.SubjectReference(resource);
        if (subject is not null && FhirReferences.PatientId(subject) != current.PatientId)
            throw FhirException.Invalid(FhirWrites.SubjectElement(resource), "An amendment stays on the same patient's chart.");
        var reason = ((resource as DomainResource)?.Extension.FirstOrDefault(e => e.Url == ReasonExtension)?.Value as FhirString)?.Value;
        var details = FhirWrites.ToDetails(resource);
        var element = FhirWrites.Element(resource);
        Guid amendmentId;
        try
        {
            amendmentId = await chart.HandleAsync(current.PatientId, details, current.Id,
                string.IsNullOrWhiteSpace(reason) ? "Amended through the FHIR interface" : reason, ct);
        }
        catch (DomainException ex)
        {
            throw FhirException.FromDomain(ex, f => f == "reason" ? $"{type}.extension(amend-reason)" : element(f));
        }
        await transaction.CommitAsync(ct);
        // Read back as a read serves it (decimal scale as stored), so that the ETag answered now is the one a read answers.
        var updated = (await FhirRegistry.Find(type)!.ReadAsync(db, amendmentId.ToString(), ct))?.Resource
            ?? throw new InvalidOperationException($"{type}/{amendmentId} was written but cannot be read back.");
        return (updated, FhirJson.Stamp(updated));
    }
}
