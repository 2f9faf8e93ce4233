using NodaTime;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Patients;
using RegenClinic.Eligibility;
using RegenClinic.Fhir;
using ChartMedicationStatus = RegenClinic.Domain.Patients.MedicationStatus;

namespace RegenClinic.Tests.Eligibility;

public sealed class PatientFactsFromChartTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    private static readonly LocalDate Today = new(2027, 1, 10);
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 10, 9, 0);
    private static readonly Guid PatientId = Guid.Parse("0195a000-0000-7000-8000-000000000001");

    private sealed class Chart
    {
        public List<ConditionEntry> Conditions { get; } = [];
        public List<MedicationEntry> Medications { get; } = [];
        public List<AllergyEntry> Allergies { get; } = [];
        public List<ObservationEntry> Observations { get; } = [];
        public List<ProcedureEntry> Procedures { get; } = [];

        public void Procedure(string snomed, LocalDate performed) =>
            Procedures.Add(ProcedureEntry.Record(PatientId, new ProcedureDetails(snomed, "procedure " + snomed, performed), "Dr. Test", Now, Today));

        public ConditionEntry Condition(string code, ClinicalStatus status, LocalDate? onset = null, string? stageSystem = null, string? stage = null)
        {
            var entry = ConditionEntry.Record(PatientId, new ConditionDetails(code, "display of " + code, status, onset,
                status == ClinicalStatus.Resolved && onset is { } o ? o.PlusDays(30) : null, StageSystem: stageSystem, Stage: stage), "Dr. Test", Now, Today);
            Conditions.Add(entry);
            return entry;
        }

        public void Medication(string atc, ChartMedicationStatus status, LocalDate start, LocalDate? end = null) =>
            Medications.Add(MedicationEntry.Record(PatientId, new MedicationDetails(atc, "drug " + atc, status, null, start, end), "Dr. Test", Now, Today));

        public void Allergy(string substance, string? atc = null) =>
            Allergies.Add(AllergyEntry.Record(PatientId, new AllergyDetails(substance, atc), "Dr. Test", Now));

        public void Observation(string loinc, Instant at, decimal? value = null, string? unit = null, string? valueCode = null) =>
            Observations.Add(ObservationEntry.Record(PatientId, new ObservationDetails(loinc, "obs " + loinc, ObservationCategory.Laboratory, at, value, unit,
                valueCode is null ? null : CodeSystems.Snomed, valueCode), "Dr. Test", Now));

        public PatientFacts Facts() => PatientFactsFromChart.From(PatientId, Conditions, Medications, Allergies, Observations, Amsterdam, Procedures);
    }

    private static string Bundle(params string[] resources) =>
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\"}}"
        + string.Concat(resources.Select(r => ",{\"resource\":" + r + "}")) + "]}";

    private static string FhirCondition(string id, string code, string status, string? onset = null, string? stage = null) =>
        "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"" + status
        + "\"}]},\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"" + code + "\"}]}"
        + (onset is null ? "" : ",\"onsetDateTime\":\"" + onset + "\"") + (stage ?? "") + ",\"recordedDate\":\"2027-01-10\"}";

    private static string FhirStatement(string id, string atc, string status, string start, string? end = null) =>
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"" + atc
        + "\"}]},\"effectivePeriod\":{\"start\":\"" + start + "\"" + (end is null ? "" : ",\"end\":\"" + end + "\"") + "}}";

    private static string FhirObservation(string id, string loinc, string when, string value) =>
        "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc
        + "\"}]},\"effectiveDateTime\":\"" + when + "\"," + value + "}";

    private static void AssertSameScreening(PatientFacts fromChart, PatientFacts fromFhir)
    {
        foreach (var therapy in TherapyId.All)
        {
            var a = Screening.Screen(fromChart, therapy, Today, ScreeningSettings.Default);
            var b = Screening.Screen(fromFhir, therapy, Today, ScreeningSettings.Default);
            Assert.Equal((therapy, b.Verdict), (therapy, a.Verdict));
            Assert.Equal(b.Findings.Select(f => f.RuleId), a.Findings.Select(f => f.RuleId));
            Assert.Equal(b.Indications.Select(i => (i.ConditionCode, i.Group, i.Evidence.Grade, i.PrerequisitesMet)),
                a.Indications.Select(i => (i.ConditionCode, i.Group, i.Evidence.Grade, i.PrerequisitesMet)));
        }
    }

    [Fact]
    public void From_KneeOaOnWarfarinWithLidocaineAllergyAndLowPlatelets_SameVerdictsAsFhirReader()
    {
        var chart = new Chart();
        chart.Condition("M17.11", ClinicalStatus.Active, new LocalDate(2024, 1, 1));
        chart.Medication("B01AA03", ChartMedicationStatus.Active, new LocalDate(2025, 1, 1));
        chart.Medication("N02BE01", ChartMedicationStatus.Active, new LocalDate(2026, 6, 1));
        chart.Allergy("Lidocaine", "N01BB02");
        chart.Observation("777-3", Instant.FromUtc(2027, 1, 8, 11, 0), 42m, "10*3/uL");
        var fhir = ScreeningBundleReader.Read(Bundle(
            FhirCondition("c1", "M17.11", "active", "2024-01-01"),
            FhirStatement("m1", "B01AA03", "active", "2025-01-01"),
            FhirStatement("m2", "N02BE01", "active", "2026-06-01"),
            """{"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"Patient/p1"},"code":{"text":"Lidocaine","coding":[{"system":"http://www.whocc.no/atc","code":"N01BB02"}]}}""",
            FhirObservation("o1", "777-3", "2027-01-08T12:00:00+01:00", "\"valueQuantity\":{\"value\":42,\"unit\":\"10*3/uL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"10*3/uL\"}")));

        var facts = chart.Facts();

        AssertSameScreening(facts, fhir);
        var prolo = Screening.Screen(facts, TherapyId.Prolotherapy, Today, ScreeningSettings.Default);
        Assert.Equal(Verdict.Contraindicated, prolo.Verdict); // lidocaine allergy
        Assert.Contains(prolo.Findings, f => f.RuleId == "PROLO-REL-ANTICOAG");
        Assert.Equal(Verdict.Contraindicated, Screening.Screen(facts, TherapyId.OzoneInjection, Today, ScreeningSettings.Default).Verdict); // platelets 42 < 50
    }

    [Fact]
    public void From_CollapsedAvnPneumothoraxAndPregnancyAnswer_SameVerdictsAsFhirReader()
    {
        var chart = new Chart();
        chart.Condition("M87.052", ClinicalStatus.Active, new LocalDate(2026, 3, 1), StageSystems.Arco2019, "IIIB");
        chart.Condition("J93.9", ClinicalStatus.Active, new LocalDate(2027, 1, 5));
        chart.Condition("M79.7", ClinicalStatus.Active, new LocalDate(2023, 1, 1));
        chart.Observation("82810-3", Instant.FromUtc(2027, 1, 9, 8, 0), valueCode: "77386006");
        chart.Medication("L01DB01", ChartMedicationStatus.Completed, new LocalDate(2026, 9, 1), new LocalDate(2027, 1, 9));
        var fhir = ScreeningBundleReader.Read(Bundle(
            FhirCondition("c1", "M87.052", "active", "2026-03-01", ""","stage":[{"summary":{"coding":[{"system":"urn:regenclinic:codesystem:arco-2019","code":"IIIB"}]}}]"""),
            FhirCondition("c2", "J93.9", "active", "2027-01-05"),
            FhirCondition("c3", "M79.7", "active", "2023-01-01"),
            FhirObservation("o1", "82810-3", "2027-01-09T09:00:00+01:00", "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"77386006\"}]}"),
            FhirStatement("m1", "L01DB01", "completed", "2026-09-01", "2027-01-09")));

        var facts = chart.Facts();

        AssertSameScreening(facts, fhir);
        var hbot = Screening.Screen(facts, TherapyId.Hbot, Today, ScreeningSettings.Default);
        Assert.Equal(Verdict.Contraindicated, hbot.Verdict);
        Assert.Contains(hbot.Findings, f => f.RuleId == "HBOT-ABS-001");
        Assert.Contains(hbot.Findings, f => f.RuleId == "HBOT-REL-DOXO");
        Assert.Contains(Screening.Screen(facts, TherapyId.CellTherapyBmac, Today, ScreeningSettings.Default).Findings, f => f.RuleId == "CELL-PRQ-ARCO");
    }

    private static string FhirProcedure(string id, string snomed, string performed) =>
        "{\"resourceType\":\"Procedure\",\"id\":\"" + id + "\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p1\"},\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"" + snomed
        + "\"}]},\"performedDateTime\":\"" + performed + "\"}";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void From_DrainedPneumothoraxAndPhysiotherapy_SameVerdictsAsFhirReader(bool withProcedures)
    {
        var chart = new Chart();
        chart.Condition("M87.180", ClinicalStatus.Active, new LocalDate(2026, 8, 1), StageSystems.Aaoms2022, "2");
        chart.Condition("J93.9", ClinicalStatus.Active, new LocalDate(2027, 1, 2));
        chart.Condition("M54.50", ClinicalStatus.Active, new LocalDate(2026, 1, 1));
        var resources = new List<string>
        {
            FhirCondition("c1", "M87.180", "active", "2026-08-01", ",\"stage\":[{\"summary\":{\"coding\":[{\"system\":\"urn:regenclinic:codesystem:aaoms-mronj-2022\",\"code\":\"2\"}]}}]"),
            FhirCondition("c2", "J93.9", "active", "2027-01-02"),
            FhirCondition("c3", "M54.50", "active", "2026-01-01"),
        };
        if (withProcedures)
        {
            chart.Procedure(ProcedureEntry.PleuralDrain, new LocalDate(2027, 1, 2));
            chart.Procedure(ProcedureEntry.Physiotherapy, new LocalDate(2026, 9, 1));
            resources.Add(FhirProcedure("p1", "264957007", "2027-01-02"));
            resources.Add(FhirProcedure("p2", "91251008", "2026-09-01"));
        }

        var facts = chart.Facts();

        AssertSameScreening(facts, ScreeningBundleReader.Read(Bundle([.. resources])));
        var hbot = Screening.Screen(facts, TherapyId.Hbot, Today, ScreeningSettings.Default);
        Assert.Equal(!withProcedures, hbot.Findings.Any(f => f.RuleId == "HBOT-ABS-001"));
        Assert.Equal(withProcedures, hbot.Findings.Any(f => f.RuleId == "HBOT-REL-PTX-HX"));
        var prolo = Screening.Screen(facts, TherapyId.Prolotherapy, Today, ScreeningSettings.Default);
        Assert.Equal(!withProcedures, prolo.Findings.Any(f => f.RuleId == "PROLO-PRQ-CONSERVATIVE"));
        if (withProcedures) Assert.Contains(facts.Procedures, p => p.Label == $"Procedure/{chart.Procedures[1].Id} 91251008 on 2026-09-01");
    }

    [Fact]
    public void ProcedureEntry_NotSnomedOrFuture_Refused()
    {
        var bad = Assert.Throws<RegenClinic.Domain.Common.DomainException>(() =>
            ProcedureEntry.Record(PatientId, new ProcedureDetails("PT-01", "physio", Today), "Dr. Test", Now, Today));
        var future = Assert.Throws<RegenClinic.Domain.Common.DomainException>(() =>
            ProcedureEntry.Record(PatientId, new ProcedureDetails("91251008", "physio", Today.PlusDays(1)), "Dr. Test", Now, Today));
        Assert.Equal(("code.invalid-snomed", "date.future"), (bad.Code, future.Code));
    }

    [Fact]
    public void From_VoidedAndSupersededEntries_AreNotFacts()
    {
        var chart = new Chart();
        var pneumothorax = chart.Condition("J93.9", ClinicalStatus.Active, new LocalDate(2027, 1, 5));
        pneumothorax.Void("Dr. Test", "entered on the wrong patient", Now);
        var avn = chart.Condition("M87.051", ClinicalStatus.Active, new LocalDate(2026, 5, 1));
        var staged = chart.Condition("M87.051", ClinicalStatus.Active, new LocalDate(2026, 5, 1), StageSystems.Arco2019, "II");
        avn.AmendWith(staged, "stage from MRI");

        var facts = chart.Facts();

        var condition = Assert.Single(facts.Conditions);
        Assert.Equal(new Coding(StageSystems.Arco2019, "II"), condition.Stage);
        Assert.Equal($"Condition/{staged.Id} M87.051 active", condition.Label);
        var hbot = Screening.Screen(facts, TherapyId.Hbot, Today, ScreeningSettings.Default);
        Assert.DoesNotContain(hbot.Findings, f => f.RuleId == "HBOT-ABS-001");
        Assert.DoesNotContain(Screening.Screen(facts, TherapyId.CellTherapyBmac, Today, ScreeningSettings.Default).Findings, f => f.RuleId == "CELL-PRE-ARCO-MISSING");
    }

    [Fact]
    public void From_UnstagedAvn_MissingStageIsAFinding()
    {
        var chart = new Chart();
        chart.Condition("M87.351", ClinicalStatus.Active, new LocalDate(2026, 9, 1));

        var bmac = Screening.Screen(chart.Facts(), TherapyId.CellTherapyBmac, Today, ScreeningSettings.Default);

        Assert.Equal(Verdict.EligibleWithPrecautions, bmac.Verdict);
        Assert.Contains(bmac.Findings, f => f.RuleId == "CELL-PRE-ARCO-MISSING" && ScreeningRules.MissingData.Contains(f.RuleId));
    }

    [Fact]
    public void From_ObservationLateEveningUtc_DatedInTheClinicZone()
    {
        var chart = new Chart();
        chart.Observation("8310-5", Instant.FromUtc(2027, 1, 8, 23, 30), 38.2m, "Cel"); // 00:30 on 9 January in Amsterdam

        var observation = Assert.Single(chart.Facts().Observations);

        Assert.Equal(new LocalDate(2027, 1, 9), observation.Effective);
        Assert.Equal($"Observation/{chart.Observations[0].Id} 8310-5 38.2 Cel on 2027-01-09", observation.Label);
    }

    [Fact]
    public void ScreeningJson_ResultAndFacts_RoundTrip()
    {
        var chart = new Chart();
        chart.Condition("M87.052", ClinicalStatus.Active, new LocalDate(2026, 3, 1), StageSystems.Arco2019, "IIIA");
        chart.Medication("B01AF02", ChartMedicationStatus.Active, new LocalDate(2025, 1, 1));
        var facts = chart.Facts();
        var result = Screening.Screen(facts, TherapyId.CellTherapyBmac, Today, ScreeningSettings.Default);

        var back = ScreeningJson.ReadResult(ScreeningJson.Write(result));
        var factsBack = ScreeningJson.ReadFacts(ScreeningJson.Write(facts));

        Assert.Equal(ScreeningJson.Write(result), ScreeningJson.Write(back));
        Assert.Equal((result.Therapy, result.Verdict, result.RuleSetVersion), (back.Therapy, back.Verdict, back.RuleSetVersion));
        Assert.Equal(result.Indications[0].Stage, back.Indications[0].Stage);
        Assert.Equal(facts.Conditions[0], factsBack.Conditions[0] with { });
        Assert.Contains("\"eligible-with-precautions\"", ScreeningJson.Write(result), StringComparison.Ordinal);
    }
}
