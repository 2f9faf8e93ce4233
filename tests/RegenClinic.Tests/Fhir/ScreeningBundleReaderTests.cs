using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Fhir;

namespace RegenClinic.Tests.Fhir;

public sealed class ScreeningBundleReaderTests
{
    private const string Patient = """{"resource":{"resourceType":"Patient","id":"123"}}""";

    private static string Bundle(params string[] entries) =>
        $$"""{"resourceType":"Bundle","type":"collection","entry":[{{string.Join(",", entries)}}]}""";

    private static string Condition(string id, string code, string extra = "") =>
        $$"""{"resource":{"resourceType":"Condition","id":"{{id}}","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"{{code}}"}]},"subject":{"reference":"Patient/123"}""" + extra + "}}";

    private static DomainException Refused(string json) => Assert.Throws<DomainException>(() => ScreeningBundleReader.Read(json));

    [Fact]
    public void Read_ConditionWithStatusOnsetAndStage_Mapped()
    {
        var facts = ScreeningBundleReader.Read(Bundle(Patient, Condition("c1", "M87.051",
            ""","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"recurrence"}]},"onsetDateTime":"2026-05-01T10:00:00+02:00","stage":[{"summary":{"coding":[{"system":"urn:regenclinic:codesystem:arco-2019","code":"IIIA"}]}}]""")));
        Assert.Equal("Patient/123", facts.PatientReference);
        var c = Assert.Single(facts.Conditions);
        Assert.Equal(new Coding(CodeSystems.Icd10Cm, "M87.051"), c.Code);
        Assert.Equal(ConditionStatus.Recurrence, c.ClinicalStatus);
        Assert.Equal(new LocalDate(2026, 5, 1), c.Onset);
        Assert.Equal(new Coding(CodeSystems.Arco2019, "IIIA"), c.Stage);
        Assert.Equal("Condition/c1 M87.051 recurrence", c.Label);
    }

    [Theory]
    [InlineData("refuted")]
    [InlineData("entered-in-error")]
    public void Read_RefutedOrErroneousCondition_Dropped(string verification) =>
        Assert.Empty(ScreeningBundleReader.Read(Bundle(Patient, Condition("c1", "J93.9",
            $$""","verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"{{verification}}"}]}"""))).Conditions);

    [Fact]
    public void Read_MedicationStatementAndRequest_StatusesAndDates()
    {
        var statement = """{"resource":{"resourceType":"MedicationStatement","id":"m1","status":"stopped","subject":{"reference":"Patient/123"},"medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"L01DB01"}]},"effectivePeriod":{"start":"2026-10-01","end":"2027-01-03"}}}""";
        var request = """{"resource":{"resourceType":"MedicationRequest","id":"r1","status":"active","intent":"order","subject":{"reference":"Patient/123"},"medicationReference":{"reference":"Medication/x"},"authoredOn":"2026-12-01"}}""";
        var medication = """{"resource":{"resourceType":"Medication","id":"x","code":{"coding":[{"system":"http://www.whocc.no/atc","code":"B01AF01"}]}}}""";
        var notTaken = """{"resource":{"resourceType":"MedicationStatement","id":"m2","status":"not-taken","subject":{"reference":"Patient/123"},"medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"N07BB01"}]}}}""";
        var facts = ScreeningBundleReader.Read(Bundle(Patient, statement, request, medication, notTaken));
        Assert.Equal(2, facts.Medications.Count);
        var doxo = facts.Medications[0];
        Assert.Equal((MedicationStatus.Stopped, new LocalDate(2027, 1, 3), true), (doxo.Status, doxo.End, doxo.FromStatement));
        var rivaroxaban = facts.Medications[1];
        Assert.Equal(("B01AF01", MedicationStatus.Active, new LocalDate(2026, 12, 1), false), (rivaroxaban.Code.Code, rivaroxaban.Status, rivaroxaban.Start, rivaroxaban.FromStatement));
    }

    [Fact]
    public void Read_AllergyResolvedDroppedActiveKeptWithText()
    {
        const string active = """{"resource":{"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"Patient/123"},"code":{"text":"Lidocaine","coding":[{"system":"http://www.whocc.no/atc","code":"N01BB02","display":"lidocaine"}]}}}""";
        const string resolved = """{"resource":{"resourceType":"AllergyIntolerance","id":"a2","patient":{"reference":"Patient/123"},"clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"resolved"}]},"code":{"text":"Ozone"}}}""";
        var allergy = Assert.Single(ScreeningBundleReader.Read(Bundle(Patient, active, resolved)).Allergies);
        Assert.Contains("Lidocaine", allergy.Text, StringComparison.Ordinal);
        Assert.Equal(new Coding(CodeSystems.Atc, "N01BB02"), Assert.Single(allergy.Substance));
    }

    [Fact]
    public void Read_ObservationQuantityAndCoded_Mapped()
    {
        const string platelets = """{"resource":{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"777-3"}]},"effectiveDateTime":"2027-01-03T23:30:00-05:00","valueQuantity":{"value":45,"unit":"10*9/L","system":"http://unitsofmeasure.org","code":"10*9/L"}}}""";
        const string pregnancy = """{"resource":{"resourceType":"Observation","id":"o2","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},"effectiveDateTime":"2027-01-02","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"77386006"}]}}}""";
        const string cancelled = """{"resource":{"resourceType":"Observation","id":"o3","status":"cancelled","code":{"coding":[{"system":"http://loinc.org","code":"777-3"}]}}}""";
        var facts = ScreeningBundleReader.Read(Bundle(Patient, platelets, pregnancy, cancelled));
        Assert.Equal(2, facts.Observations.Count);
        var p = facts.Observations[0];
        Assert.Equal((45m, "10*9/L", new LocalDate(2027, 1, 3)), (p.Value, p.Unit, p.Effective)); // the date as written in its own offset
        Assert.Equal(Instant.FromUtc(2027, 1, 4, 4, 30), p.EffectiveInstant);
        Assert.Equal(new Coding(CodeSystems.Snomed, "77386006"), facts.Observations[1].CodedValue);
    }

    [Fact]
    public void Read_ProcedureNotDoneDropped()
    {
        const string done = """{"resource":{"resourceType":"Procedure","id":"p1","status":"completed","subject":{"reference":"Patient/123"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"264957007"}]},"performedPeriod":{"start":"2026-12-31"}}}""";
        const string notDone = """{"resource":{"resourceType":"Procedure","id":"p2","status":"not-done","subject":{"reference":"Patient/123"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"91251008"}]},"performedDateTime":"2026-01-01"}}""";
        var procedure = Assert.Single(ScreeningBundleReader.Read(Bundle(Patient, done, notDone)).Procedures);
        Assert.Equal(new LocalDate(2026, 12, 31), procedure.Performed);
    }

    [Fact]
    public void Read_MissingMandatorySubject_Tolerated() =>
        Assert.Single(ScreeningBundleReader.Read(Bundle(Patient, """{"resource":{"resourceType":"Condition","id":"c1","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M17.11"}]}}}""")).Conditions);

    [Fact]
    public void Read_NotJson_RefusedWithLine() => Assert.Contains("not valid JSON", Refused("{\"resourceType\": \"Bundle\",\n  oops").Message, StringComparison.Ordinal);

    [Fact]
    public void Read_NotABundle_Refused() => Assert.Contains("resourceType must be \"Bundle\"", Refused(Patient).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_DocumentBundle_Refused() =>
        Assert.Contains("type must be collection, transaction or searchset", Refused(Bundle(Patient).Replace("\"collection\"", "\"document\"", StringComparison.Ordinal)).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_NoPatient_Refused() => Assert.Contains("no Patient", Refused(Bundle(Condition("c1", "M17.11"))).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_TwoPatients_RefusedNamingTheSecondEntry()
    {
        var ex = Refused(Bundle(Patient, Condition("c1", "M17.11"), """{"resource":{"resourceType":"Patient","id":"456"}}"""));
        Assert.StartsWith("entry[2] (Patient/456): a second Patient", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadDateInCondition_RefusedNamingTheEntry()
    {
        var ex = Refused(Bundle(Patient, Condition("c1", "J93.9", ""","onsetDateTime":"yesterday" """)));
        Assert.StartsWith("entry[1] (Condition/c1): ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("yesterday", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownElement_RefusedNamingTheEntry() =>
        Assert.StartsWith("entry[1] (Condition/c7): ", Refused(Bundle(Patient, Condition("c7", "J93.9", ""","severityy":{}"""))).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_UnknownResourceType_RefusedNamingTheEntry() =>
        Assert.StartsWith("entry[1] (Conditon/c1): ", Refused(Bundle(Patient, """{"resource":{"resourceType":"Conditon","id":"c1"}}""")).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_InvalidStatusCode_RefusedNamingTheEntry() =>
        Assert.StartsWith("entry[1] (MedicationStatement/m1): ", Refused(Bundle(Patient,
            """{"resource":{"resourceType":"MedicationStatement","id":"m1","status":"taking","subject":{"reference":"Patient/123"},"medicationCodeableConcept":{"text":"x"}}}""")).Message, StringComparison.Ordinal);
}

public sealed class ScreeningBundleReaderCodingTests
{
    [Fact]
    public void Read_IcdAndSnomedCodings_OnlyIcdKept()
    {
        var facts = ScreeningBundleReader.Read("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"1"}},{"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"36118008"},{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J93.9"}]}}}]}""");
        Assert.Equal(new RegenClinic.Domain.Eligibility.Coding(RegenClinic.Domain.Eligibility.CodeSystems.Icd10Cm, "J93.9"), Assert.Single(facts.Conditions).Code);
    }

    [Fact]
    public void Read_SnomedOnlyCondition_KeptSoItIsReportedUncoded()
    {
        var facts = ScreeningBundleReader.Read("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"1"}},{"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/1"},"code":{"text":"collapsed lung"}}}]}""");
        Assert.Equal("", Assert.Single(facts.Conditions).Code.System);
    }
}

public sealed class ScreeningBundleReaderTransactionTests
{
    [Fact]
    public void Read_TransactionDeleteEntryWithoutResource_Skipped()
    {
        var facts = ScreeningBundleReader.Read("""{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient","id":"1"},"request":{"method":"PUT","url":"Patient/1"}},{"request":{"method":"DELETE","url":"Condition/c9"}}]}""");
        Assert.Equal("Patient/1", facts.PatientReference);
        Assert.Empty(facts.Conditions);
    }
}
