using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Patients;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace RegenClinic.Fhir;

/// <summary>POST /fhir with a transaction Bundle (and the CLI's <c>import</c>): patients with their conditions, medications, allergies
/// and observations, created all or nothing in one database transaction. urn:uuid references to a Patient in the bundle are
/// resolved to the id the clinic assigns; Patient/{id} references must name a known patient. Any refused entry rolls back
/// everything, and the error names the entry and element (<c>Bundle.entry[2].resource.Condition.code</c>).</summary>
public sealed class ImportFhirTransaction(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public static readonly IReadOnlyList<string> ImportableTypes = ["Patient", .. FhirWrites.ChartTypes];

    public async Task<Bundle> HandleAsync(Bundle bundle, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (bundle.Type != Bundle.BundleType.Transaction)
            throw FhirException.Invalid("Bundle.type", "Only transaction bundles are processed at /fhir.");
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var e = bundle.Entry[i];
            var at = $"Bundle.entry[{i}]";
            if (e.Resource is null) throw FhirException.Required(at + ".resource");
            if (e.Request?.Method is not Bundle.HTTPVerb.POST)
                throw FhirException.NotSupported(at + ".request.method", $"{at}: only POST (create) is supported in a transaction.");
            if (!ImportableTypes.Contains(e.Resource.TypeName))
                throw FhirException.NotSupported(at + ".resource", $"{at}: {e.Resource.TypeName} cannot be created here (supported: {string.Join(", ", ImportableTypes)}).");
        }
        var siteId = await db.Sites.OrderBy(s => s.Code).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
            ?? throw new FhirException(422, OperationOutcome.IssueType.BusinessRule, null, "No clinic site is set up.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var (now, today) = (time.Now, time.Today);
        var created = new Resource?[bundle.Entry.Count];
        var localIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var done = 0;

        // Patients first: their rows must exist before entries that point at them, and their urn:uuid names must be known.
        var nextNumber = await RegisterPatient.NextRecordSequenceAsync(db, ct);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is not FhirPatient resource) continue;
            var patient = Guarded(i, () => FhirWrites.ToPatient(resource, RegisterPatient.RecordNumber(nextNumber), siteId, actor.Name, now, today));
            nextNumber++;
            db.Patients.Add(patient);
            if (bundle.Entry[i].FullUrl is { } fullUrl) localIds[fullUrl] = patient.Id;
            if (resource.Id is { } id) localIds["Patient/" + id] = patient.Id;
            created[i] = patient.ToFhir();
            progress?.Report(++done);
        }
        await db.SaveChangesAsync(ct);

        var known = new HashSet<Guid>(localIds.Values);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var resource = bundle.Entry[i].Resource!;
            if (resource is FhirPatient) continue;
            var element = FhirWrites.SubjectElement(resource);
            var reference = FhirWrites.SubjectReference(resource) ?? throw FhirException.Required(element).At($"Bundle.entry[{i}].resource");
            Guid patientId;
            if (localIds.TryGetValue(reference, out var local))
            {
                patientId = local;
            }
            else
            {
                patientId = FhirReferences.PatientId(reference)
                    ?? throw FhirException.Invalid(element, $"'{reference}' is neither a Patient in this bundle nor Patient/{{id}}.").At($"Bundle.entry[{i}].resource");
                if (!known.Contains(patientId))
                {
                    if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
                        throw new FhirException(422, OperationOutcome.IssueType.NotFound, element, $"Patient/{patientId} is not known.").At($"Bundle.entry[{i}].resource");
                    known.Add(patientId);
                }
            }
            var entry = Guarded(i, () => FhirWrites.ToEntry(resource, patientId, actor.Name, now, today));
            db.Add(entry);
            created[i] = FhirWrites.ToFhir(entry);
            progress?.Report(++done);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var response = new Bundle { Id = Guid.CreateVersion7().ToString(), Type = Bundle.BundleType.TransactionResponse, Timestamp = now.ToDateTimeOffset() };
        foreach (var resource in created)
        {
            var version = FhirJson.Stamp(resource!);
            response.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{resource!.TypeName}/{resource.Id}",
                Resource = resource,
                Response = new Bundle.ResponseComponent { Status = "201 Created", Location = $"{resource.TypeName}/{resource.Id}", Etag = FhirJson.ETag(version) },
            });
        }
        return response;
    }

    private static T Guarded<T>(int index, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (FhirException ex)
        {
            throw ex.At($"Bundle.entry[{index}].resource");
        }
    }
}
