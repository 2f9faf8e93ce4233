using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Data;
using RegenClinic.Fhir;
using RegenClinic.Tests.TestKit;
using Task = System.Threading.Tasks.Task;

namespace RegenClinic.Tests.Fhir;

public sealed class ImportFhirTransactionTests
{
    private static async Task<TestClinic> ClinicAsync(Provider provider)
    {
        var clinic = await TestClinic.CreateAsync(provider);
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.Sites.Add(Domain.Clinic.Site.Create("AMS", "Test site", "Europe/Amsterdam", "NL"));
        await db.SaveChangesAsync();
        return clinic;
    }

    internal static Bundle PatientWithRecord(string family)
    {
        const string patientUrl = "urn:uuid:6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c";
        var subject = new ResourceReference(patientUrl);
        Resource[] resources =
        [
            new Hl7.Fhir.Model.Patient { Name = [new HumanName { Family = family, Given = ["Eva"] }], BirthDate = "1965-02-03", Gender = AdministrativeGender.Female },
            new Condition
            {
                ClinicalStatus = new CodeableConcept(ChartFhir.ConditionClinical, "active"),
                Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "M87.05", "Idiopathic aseptic necrosis of femur", null),
                Subject = subject,
            },
            new MedicationStatement
            {
                Status = MedicationStatement.MedicationStatusCodes.Active,
                Medication = new CodeableConcept("http://www.whocc.no/atc", "M05BA08", "zoledronic acid", null),
                Subject = subject,
            },
            new AllergyIntolerance { Code = new CodeableConcept { Text = "Penicillin" }, Patient = subject },
            new Observation
            {
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept(ChartFhir.ObservationCategorySystem, "laboratory")],
                Code = new CodeableConcept("http://loinc.org", "2160-0", "Creatinine", null),
                Subject = subject,
                Effective = new FhirDateTime("2026-12-20T09:30:00+01:00"),
                Value = new Quantity { Value = 80, Unit = "umol/L", System = ChartFhir.Ucum, Code = "umol/L" },
            },
        ];
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        for (var i = 0; i < resources.Length; i++)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = i == 0 ? patientUrl : $"urn:uuid:{Guid.NewGuid()}",
                Resource = resources[i],
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resources[i].TypeName },
            });
        }
        return bundle;
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Import_PatientWithRecord_CreatesAllAndResolvesUrnReferences(Provider provider)
    {
        await using var clinic = await ClinicAsync(provider);
        await using var scope = clinic.Scope();

        var response = await scope.ServiceProvider.GetRequiredService<ImportFhirTransaction>().HandleAsync(PatientWithRecord("Import"));

        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var patient = await db.Patients.SingleAsync();
        Assert.Equal("RC-0000001", patient.RecordNumber);
        Assert.Equal(Bundle.BundleType.TransactionResponse, response.Type);
        Assert.Equal(5, response.Entry.Count);
        Assert.Equal(patient.Id, (await db.Conditions.SingleAsync()).PatientId);
        Assert.Equal(patient.Id, (await db.Medications.SingleAsync()).PatientId);
        Assert.Equal(patient.Id, (await db.Allergies.SingleAsync()).PatientId);
        Assert.Equal(80m, (await db.Observations.SingleAsync()).Value);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Import_LastEntryNamesUnknownPatient_RollsBackThePatientAlreadyWritten(Provider provider)
    {
        await using var clinic = await ClinicAsync(provider);
        await using var scope = clinic.Scope();
        var bundle = PatientWithRecord("Halfweg");
        // The patient row is saved before the chart entries; this entry fails after that save.
        ((Observation)bundle.Entry[4].Resource!).Subject = new ResourceReference($"Patient/{Guid.NewGuid()}");

        var ex = await Assert.ThrowsAsync<FhirException>(() => scope.ServiceProvider.GetRequiredService<ImportFhirTransaction>().HandleAsync(bundle));

        Assert.Equal("Bundle.entry[4].resource.Observation.subject", ex.Element);
        await using var check = clinic.Scope();
        var db = check.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.False(await db.Patients.AnyAsync());
        Assert.False(await db.Conditions.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "Patient"));
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Import_InvalidCode_NamesEntryAndElementAndSavesNothing(Provider provider)
    {
        await using var clinic = await ClinicAsync(provider);
        await using var scope = clinic.Scope();
        var bundle = PatientWithRecord("Fout");
        ((MedicationStatement)bundle.Entry[2].Resource!).Medication = new CodeableConcept("http://www.whocc.no/atc", "not-atc");

        var ex = await Assert.ThrowsAsync<FhirException>(() => scope.ServiceProvider.GetRequiredService<ImportFhirTransaction>().HandleAsync(bundle));

        Assert.Equal("Bundle.entry[2].resource.MedicationStatement.medication", ex.Element);
        await using var check = clinic.Scope();
        Assert.False(await check.ServiceProvider.GetRequiredService<ClinicDb>().Patients.AnyAsync());
    }

    [Fact]
    public async Task Export_ThenImport_ReproducesTheRecordUnderANewPatient()
    {
        await using var clinic = await ClinicAsync(Provider.Sqlite);
        await using var scope = clinic.Scope();
        var first = await scope.ServiceProvider.GetRequiredService<ImportFhirTransaction>().HandleAsync(PatientWithRecord("Rond"));
        var id = Guid.Parse(first.Entry[0].Resource!.Id!);

        var exported = await scope.ServiceProvider.GetRequiredService<PatientEverything>().ExportAsync(id);
        await using var again = clinic.Scope();
        var second = await again.ServiceProvider.GetRequiredService<ImportFhirTransaction>().HandleAsync(FhirJson.Parse<Bundle>(FhirJson.Serialize(exported), "Bundle"));

        Assert.Equal(Bundle.BundleType.Transaction, exported.Type);
        Assert.Equal(first.Entry.Select(e => e.Resource!.TypeName).Order(), second.Entry.Select(e => e.Resource!.TypeName).Order());
        var db = again.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.Equal(2, await db.Patients.CountAsync(p => p.FamilyName == "Rond"));
        Assert.Equal(2, await db.Conditions.CountAsync(c => c.Code == "M87.05"));
    }

    [Fact]
    public void Plan_UnknownParameter_IsRefusedNamingIt()
    {
        var type = FhirRegistry.Find("Observation")!;

        var ex = Assert.Throws<FhirException>(() => type.Plan([new("colour", "blue")], NodaTime.DateTimeZone.Utc));

        Assert.Equal("colour", ex.Element);
        Assert.Equal(400, ex.Status);
    }
}
