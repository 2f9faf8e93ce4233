using Hl7.Fhir.Model;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

/// <summary>Patient/$everything: the patient and every resource of the patient compartment the caller may read, as a searchset;
/// or, for the CLI's <c>export</c>, the importable part as a transaction bundle that <c>import</c> reads back.</summary>
public sealed class PatientEverything(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Bundle> HandleAsync(Guid patientId, Func<FhirResourceType, bool> mayRead, string baseUrl, CancellationToken ct = default)
    {
        var resources = await CollectAsync(patientId, mayRead, ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "FhirPatientEverything", patientId.ToString(), patientId, $"fhir $everything: {resources.Count} resources"));
        await db.SaveChangesAsync(ct);
        var bundle = new Bundle { Id = Guid.CreateVersion7().ToString(), Type = Bundle.BundleType.Searchset, Total = resources.Count, Timestamp = time.Now.ToDateTimeOffset() };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{baseUrl}/Patient/{patientId}/$everything" });
        foreach (var r in resources)
        {
            FhirJson.Stamp(r);
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"{baseUrl}/{r.TypeName}/{r.Id}", Resource = r, Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match } });
        }
        return bundle;
    }

    /// <summary>A transaction bundle of the patient's current (not voided, not superseded) importable record with urn:uuid references.</summary>
    public async Task<Bundle> ExportAsync(Guid patientId, CancellationToken ct = default)
    {
        var resources = await CollectAsync(patientId, t => ImportFhirTransaction.ImportableTypes.Contains(t.Name), ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "FhirPatientExport", patientId.ToString(), patientId, $"fhir export: {resources.Count} resources"));
        await db.SaveChangesAsync(ct);
        var bundle = new Bundle { Id = Guid.CreateVersion7().ToString(), Type = Bundle.BundleType.Transaction, Timestamp = time.Now.ToDateTimeOffset() };
        var patientUrl = $"urn:uuid:{patientId}";
        foreach (var r in resources.Where(IsCurrent))
        {
            if (r is not Hl7.Fhir.Model.Patient) FhirWrites.SetSubject(r, patientUrl);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = r is Hl7.Fhir.Model.Patient ? patientUrl : $"urn:uuid:{r.Id}",
                Resource = r,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = r.TypeName },
            });
        }
        return bundle;
    }

    private async Task<List<Resource>> CollectAsync(Guid patientId, Func<FhirResourceType, bool> mayRead, CancellationToken ct)
    {
        var patientType = FhirRegistry.Find("Patient")!;
        var patient = await patientType.ReadAsync(db, patientId.ToString(), ct) ?? throw FhirException.NotFound("Patient", patientId.ToString());
        var resources = new List<Resource> { patient.Resource };
        foreach (var type in FhirRegistry.Types.Where(t => t.PerPatient && t.Name != "Patient" && mayRead(t)))
        {
            resources.AddRange(await type.ForPatientAsync(db, patientId, ct));
        }
        return resources;
    }

    private static bool IsCurrent(Resource r) => r switch
    {
        Condition c => c.VerificationStatus?.Coding.FirstOrDefault()?.Code != "entered-in-error",
        MedicationStatement m => m.Status != MedicationStatement.MedicationStatusCodes.EnteredInError,
        AllergyIntolerance a => a.VerificationStatus?.Coding.FirstOrDefault()?.Code != "entered-in-error",
        Observation o => o.Status != ObservationStatus.EnteredInError,
        _ => true,
    };
}
