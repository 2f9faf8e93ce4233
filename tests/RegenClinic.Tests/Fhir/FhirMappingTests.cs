using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;
using RegenClinic.Domain.Patients;
using RegenClinic.Fhir;
using DomainPatient = RegenClinic.Domain.Patients.Patient;
using LocalDate = NodaTime.LocalDate;
using PatientCodes = RegenClinic.Domain.Patients.Codes;

namespace RegenClinic.Tests.Fhir;

/// <summary>Domain → FHIR → domain for each writable resource, golden JSON for representative ones, and the SDK's own validation.</summary>
public sealed class FhirMappingTests
{
    private static readonly NodaTime.Instant At = NodaTime.Instant.FromUtc(2027, 1, 4, 9, 30);
    private static readonly LocalDate Today = new(2027, 1, 4);
    private static readonly Guid PatientId = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    private static readonly PatientDetails Details = new("Jansen", "Maria Louise", new LocalDate(1961, 4, 12), Sex.Female,
        "+31 20 555 0101", "maria@example.nl", "Keizersgracht 1, Amsterdam", "nl", new HomePhysician("Dr. Huisarts", "Praktijk Oost", "+31 20 555 0199", null));

    /// <summary>Compares with the reviewed file in Fhir/Golden. To approve a deliberate change, run once with
    /// REGENCLINIC_APPROVE_GOLDEN=/path/to/tests/RegenClinic.Tests/Fhir/Golden and review the diff.</summary>
    private static void AssertGolden(string name, Resource resource)
    {
        var actual = FhirJson.Serialize(resource, pretty: true).ReplaceLineEndings("\n").Trim();
        if (Environment.GetEnvironmentVariable("REGENCLINIC_APPROVE_GOLDEN") is { Length: > 0 } folder) File.WriteAllText(Path.Combine(folder, name), actual + "\n");
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fhir", "Golden", name)).ReplaceLineEndings("\n").Trim(), actual);
    }

    private static void AssertValid(Resource resource) => Assert.Empty(resource.Validate());

    [Fact]
    public void Patient_RoundTrip_KeepsEveryDemographicField()
    {
        var patient = DomainPatient.Register(Details, "RC-0000042", Guid.NewGuid(), "desk", At, Today);

        var back = FhirJson.Parse<Hl7.Fhir.Model.Patient>(FhirJson.Serialize(patient.ToFhir()), "Patient").ToDetails();

        Assert.Equal(Details, back);
    }

    [Fact]
    public void Patient_Golden_MatchesReviewedJsonAndValidates()
    {
        var resource = DomainPatient.Register(Details, "RC-0000042", Guid.NewGuid(), "desk", At, Today).ToFhir();
        resource.Id = "example";

        AssertValid(resource);
        AssertGolden("patient.json", resource);
    }

    [Fact]
    public void Patient_WithoutBirthDate_NamesPatientBirthDate()
    {
        var resource = new Hl7.Fhir.Model.Patient { Name = [new HumanName { Family = "Zonder", Given = ["Datum"] }] };

        var ex = Assert.Throws<FhirException>(resource.ToDetails);

        Assert.Equal("Patient.birthDate", ex.Element);
    }

    [Fact]
    public void Condition_RoundTrip_KeepsCodeStatusDatesAndStage()
    {
        var details = new ConditionDetails("M87.05", "Idiopathic aseptic necrosis of femur", ClinicalStatus.Active, new LocalDate(2026, 9, 1), null,
            "left hip", StageSystems.Arco2019, "II", "MRI confirmed");
        var entry = ConditionEntry.Record(PatientId, details, "physician", At, Today);

        var back = FhirJson.Parse<Condition>(FhirJson.Serialize(entry.ToFhir()), "Condition").ToDetails();

        Assert.Equal(details, back);
    }

    [Fact]
    public void Condition_Golden_MatchesReviewedJsonAndValidates()
    {
        var entry = ConditionEntry.Record(PatientId, new ConditionDetails("M87.05", "Idiopathic aseptic necrosis of femur", ClinicalStatus.Active,
            new LocalDate(2026, 9, 1), StageSystem: StageSystems.Arco2019, Stage: "II"), "physician", At, Today);
        var resource = entry.ToFhir();
        resource.Id = "example";

        AssertValid(resource);
        AssertGolden("condition.json", resource);
    }

    [Fact]
    public void Medication_RoundTrip_KeepsAtcStatusDoseAndPeriod()
    {
        var details = new MedicationDetails("M05BA08", "zoledronic acid", MedicationStatus.Completed, "5 mg IV yearly", new LocalDate(2020, 1, 1), new LocalDate(2023, 1, 1), "stopped for MRONJ risk");
        var entry = MedicationEntry.Record(PatientId, details, "physician", At, Today);

        var back = FhirJson.Parse<MedicationStatement>(FhirJson.Serialize(entry.ToFhir()), "MedicationStatement").ToDetails();

        AssertValid(entry.ToFhir());
        Assert.Equal(details, back);
    }

    [Fact]
    public void Allergy_RoundTrip_KeepsSubstanceAtcReactionAndCriticality()
    {
        var details = new AllergyDetails("Penicillin", "J01CE02", "urticaria", AllergyCriticality.High);
        var entry = AllergyEntry.Record(PatientId, details, "nurse", At);

        var back = FhirJson.Parse<AllergyIntolerance>(FhirJson.Serialize(entry.ToFhir()), "AllergyIntolerance").ToDetails();

        AssertValid(entry.ToFhir());
        Assert.Equal(details, back);
    }

    [Fact]
    public void Observation_QuantityRoundTrip_KeepsLoincValueUnitAndTime()
    {
        var details = new ObservationDetails("8480-6", "Systolic blood pressure", ObservationCategory.VitalSigns, At.Minus(NodaTime.Duration.FromHours(1)), 128m, "mm[Hg]");
        var entry = ObservationEntry.Record(PatientId, details, "nurse", At);

        var back = FhirJson.Parse<Observation>(FhirJson.Serialize(entry.ToFhir()), "Observation").ToDetails();

        Assert.Equal(details, back);
    }

    [Fact]
    public void Observation_CodedGolden_MatchesReviewedJsonAndRoundTrips()
    {
        var details = new ObservationDetails("72166-2", "Tobacco smoking status", ObservationCategory.Survey, At.Minus(NodaTime.Duration.FromDays(1)),
            ValueCodeSystem: PatientCodes.SnomedSystem, ValueCode: "8517006", ValueDisplay: "Ex-smoker");
        var entry = ObservationEntry.Record(PatientId, details, "nurse", At);
        var resource = entry.ToFhir();
        resource.Id = "example";

        AssertValid(resource);
        AssertGolden("observation-coded.json", resource);
        Assert.Equal(details, resource.ToDetails());
    }

    [Fact]
    public void Observation_WithoutTimeZone_IsRefusedNamingEffective()
    {
        var resource = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(ChartFhir.ObservationCategorySystem, "laboratory")],
            Code = new CodeableConcept(PatientCodes.LoincSystem, "2160-0"),
            Effective = new FhirDateTime("2026-01-05T09:30:00"),
            Value = new Quantity { Value = 80, Code = "umol/L" },
        };

        Assert.Equal("Observation.effective", Assert.Throws<FhirException>(resource.ToDetails).Element);
    }

    [Fact]
    public void VoidedEntry_IsServedAsEnteredInError()
    {
        var entry = ConditionEntry.Record(PatientId, new ConditionDetails("M87.05", "ON femur", ClinicalStatus.Active), "physician", At, Today);
        entry.Void("physician", "wrong patient", At);

        Assert.Equal("entered-in-error", entry.ToFhir().VerificationStatus!.Coding[0].Code);
    }

    [Fact]
    public void Version_ChangesWithContentButNotWithMeta()
    {
        var patient = DomainPatient.Register(Details, "RC-0000042", Guid.NewGuid(), "desk", At, Today);
        var before = FhirJson.VersionOf(patient.ToFhir());
        var stamped = patient.ToFhir();
        FhirJson.Stamp(stamped);

        patient.UpdateDemographics(Details with { Phone = "+31 20 555 0102" }, Today);

        Assert.Equal(before, FhirJson.VersionOf(stamped));
        Assert.NotEqual(before, FhirJson.VersionOf(patient.ToFhir()));
    }
}
