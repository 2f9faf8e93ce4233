using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

/// <summary>GET /fhir/{type}/{id}: one resource with its version; the read is in the audit trail before anything is returned.</summary>
public sealed class ReadFhirResource(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<(FhirMatch Match, string Version)> HandleAsync(FhirResourceType type, string id, CancellationToken ct = default)
    {
        var match = await type.ReadAsync(db, id, ct) ?? throw FhirException.NotFound(type.Name, id);
        var version = FhirJson.Stamp(match.Resource);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Fhir" + type.Name, id, match.PatientId, "fhir read"));
        await db.SaveChangesAsync(ct);
        return (match, version);
    }
}
