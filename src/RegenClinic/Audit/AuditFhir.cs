using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;

namespace RegenClinic.Audit;

/// <summary>
/// The audit trail as FHIR R4 AuditEvent resources (hl7.org/fhir/R4/auditevent.html): type from the DICOM/FHIR audit
/// event vocabularies, action C/R/U/D/E, the agent with their network address, the patient and the record as entities.
/// The chain (sequence, previous hash, hash) travels as entity details so that an exported trail can be re-verified.
/// </summary>
public static class AuditFhir
{
    private const string EventTypes = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";

    public static AuditEvent ToFhir(this AuditEntry e)
    {
        var signIn = e.Action is AuditActions.SignIn or AuditActions.SignInFailed or AuditActions.SignInThrottled or AuditActions.SignOut;
        var audit = new AuditEvent
        {
            Id = e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = signIn ? new Coding(Dicom, "110114", "User Authentication") : new Coding(EventTypes, "rest", "RESTful Operation"),
            Subtype = [new Coding("urn:regenclinic:audit-action", e.Action, e.Action)],
            Action = e.Action switch
            {
                AuditActions.Create => AuditEvent.AuditEventAction.C,
                AuditActions.Read or AuditActions.BreakGlass => AuditEvent.AuditEventAction.R,
                AuditActions.Update or AuditActions.Bulk => AuditEvent.AuditEventAction.U,
                AuditActions.Delete => AuditEvent.AuditEventAction.D,
                _ => AuditEvent.AuditEventAction.E,
            },
            Recorded = e.At.ToDateTimeOffset(),
            Outcome = e.Action is AuditActions.SignInFailed or AuditActions.SignInThrottled ? AuditEvent.AuditEventOutcome.N4 : AuditEvent.AuditEventOutcome.N0,
            OutcomeDesc = e.Action == AuditActions.BreakGlass ? "break-glass: " + e.Details : null,
            Source = new AuditEvent.SourceComponent { Site = "RegenClinic", Observer = new ResourceReference { Display = "RegenClinic" } },
        };
        var agent = new AuditEvent.AgentComponent
        {
            Who = new ResourceReference { Identifier = new Identifier("urn:regenclinic:staff", e.ActorId), Display = e.ActorName },
            Requestor = true,
        };
        if (e.Address is { } address) agent.Network = new AuditEvent.NetworkComponent { Address = address, Type = AuditEvent.AuditEventAgentNetworkType.N2 };
        audit.Agent.Add(agent);
        if (e.PatientId is { } patient)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                What = new ResourceReference("Patient/" + patient),
                Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"),
            });
        }
        var record = new AuditEvent.EntityComponent
        {
            What = new ResourceReference
            {
                Identifier = string.IsNullOrEmpty(e.EntityId) ? null : new Identifier("urn:regenclinic:" + e.EntityType, e.EntityId),
                Display = e.EntityType,
            },
            Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"),
            Description = string.IsNullOrEmpty(e.Details) ? null : e.Details,
        };
        record.Detail.Add(new AuditEvent.DetailComponent { Type = "sequence", Value = new FhirString(audit.Id) });
        // The first link has no predecessor (FHIR strings may not be empty).
        if (e.PreviousHash.Length > 0) record.Detail.Add(new AuditEvent.DetailComponent { Type = "previous-hash", Value = new FhirString(e.PreviousHash) });
        record.Detail.Add(new AuditEvent.DetailComponent { Type = "hash", Value = new FhirString(e.Hash) });
        audit.Entity.Add(record);
        return audit;
    }

    /// <summary>Writes the whole trail in sequence order: one AuditEvent per line (NDJSON, FHIR bulk data) or one collection Bundle.</summary>
    public static async System.Threading.Tasks.Task WriteAsync(ClinicDb db, TextWriter output, bool bundle, CancellationToken ct = default)
    {
        var serializer = new FhirJsonSerializer();
        var rows = db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable();
        if (!bundle)
        {
            await foreach (var e in rows.WithCancellation(ct)) await output.WriteLineAsync(serializer.SerializeToString(e.ToFhir()));
            return;
        }
        var result = new Bundle { Type = Bundle.BundleType.Collection };
        await foreach (var e in rows.WithCancellation(ct)) result.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:regenclinic:audit:" + e.Sequence, Resource = e.ToFhir() });
        result.Total = result.Entry.Count;
        await output.WriteLineAsync(serializer.SerializeToString(result));
    }
}
