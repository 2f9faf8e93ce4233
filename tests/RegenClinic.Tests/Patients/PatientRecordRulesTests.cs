using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Tests.Patients;

public sealed class PatientRecordRulesTests
{
    private static readonly LocalDate Today = new(2027, 1, 4);
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 4, 9, 0);
    private static readonly Guid PatientId = Guid.CreateVersion7();

    private static PatientDetails Details(LocalDate birth) => new("de Vries", "Anna", birth, Sex.Female);

    [Fact]
    public void Register_BirthDateTomorrow_IsRefusedNamingTheField()
    {
        var ex = Assert.Throws<DomainException>(() => Patient.Register(Details(Today.PlusDays(1)), "RC-0000001", Guid.Empty, "desk", Now, Today));
        Assert.Equal("birthDate", ex.Field);
    }

    [Fact]
    public void Register_BirthDateToday_IsAccepted() =>
        Assert.Equal(0, Patient.Register(Details(Today), "RC-0000001", Guid.Empty, "desk", Now, Today).AgeOn(Today));

    [Theory]
    [InlineData("Müller", "MULLER")]
    [InlineData("  van Dijk ", "VAN DIJK")]
    [InlineData("Ödön Žák", "ODON ZAK")]
    public void SearchKey_FoldsCaseAndDiacritics(string text, string key) => Assert.Equal(key, Patient.SearchKey(text));

    [Theory]
    [InlineData("M87.180", true)]
    [InlineData("m87.180", true)]
    [InlineData("C7A.010", true)]
    [InlineData("M87.1800", true)]
    [InlineData("M8", false)]
    [InlineData("87.180", false)]
    [InlineData("M87.18000", false)]
    public void Icd10Cm_Shape(string code, bool valid)
    {
        if (valid) Assert.Equal(code.ToUpperInvariant(), Domain.Patients.Codes.Icd10Cm(code, "code"));
        else Assert.Equal("code.invalid-icd10cm", Assert.Throws<DomainException>(() => Domain.Patients.Codes.Icd10Cm(code, "code")).Code);
    }

    [Theory]
    [InlineData("M05BA04", true)]
    [InlineData("B01AA", true)]
    [InlineData("N02", true)]
    [InlineData("M05BA4", false)]
    [InlineData("5BA04", false)]
    public void Atc_Shape(string code, bool valid)
    {
        if (valid) Assert.Equal(code, Domain.Patients.Codes.Atc(code, "atcCode"));
        else Assert.Throws<DomainException>(() => Domain.Patients.Codes.Atc(code, "atcCode"));
    }

    [Fact]
    public void Medication_StoppedWithoutEnd_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => MedicationEntry.Record(PatientId,
            new MedicationDetails("M05BA04", "Alendronic acid", MedicationStatus.Stopped, Start: new LocalDate(2020, 1, 1)), "dr", Now, Today));
        Assert.Equal("medication.end-required", ex.Code);
    }

    [Fact]
    public void Condition_StageCodeOfTheOtherSystem_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => ConditionEntry.Record(PatientId,
            new ConditionDetails("M87.051", "AVN", ClinicalStatus.Active, StageSystem: StageSystems.Arco2019, Stage: "at-risk"), "dr", Now, Today));
        Assert.Equal("stage.unknown-code", ex.Code);
    }

    [Fact]
    public void Amend_MarksTheOriginalSupersededAndLinksTheNewVersion()
    {
        var original = AllergyEntry.Record(PatientId, new AllergyDetails("Lidocaine"), "dr", Now);
        var amendment = AllergyEntry.Record(PatientId, new AllergyDetails("Lidocaine", "N01BB02"), "dr", Now + Duration.FromMinutes(5));

        original.AmendWith(amendment, "ATC code added");

        Assert.False(original.IsCurrent);
        Assert.True(amendment.IsCurrent);
        Assert.Equal(original.Id, amendment.Amends);
        Assert.Throws<DomainException>(() => original.Void("dr", "late void", Now));
    }

    [Fact]
    public void Amend_WithAnEntryOfAnotherPatient_IsRefused()
    {
        var original = AllergyEntry.Record(PatientId, new AllergyDetails("Lidocaine"), "dr", Now);
        var other = AllergyEntry.Record(Guid.CreateVersion7(), new AllergyDetails("Lidocaine"), "dr", Now);
        Assert.Equal("entry.amend-mismatch", Assert.Throws<DomainException>(() => original.AmendWith(other, "why")).Code);
    }

    [Fact]
    public void Void_Twice_IsRefusedAndKeepsTheFirstReason()
    {
        var entry = AllergyEntry.Record(PatientId, new AllergyDetails("Corn"), "dr", Now);
        entry.Void("nurse", "wrong patient", Now);
        Assert.Throws<DomainException>(() => entry.Void("nurse", "again", Now));
        Assert.Equal("wrong patient", entry.VoidReason);
    }

    [Fact]
    public void Observation_NeitherValueNorCode_IsRefused() =>
        Assert.Equal("observation.value-required", Assert.Throws<DomainException>(() => ObservationEntry.Record(PatientId,
            new ObservationDetails("8310-5", "Body temperature", ObservationCategory.VitalSigns, Now), "nurse", Now)).Code);

    [Theory]
    [InlineData("M05BA04", RiskFlagKind.Antiresorptive)]
    [InlineData("M05BX04", RiskFlagKind.Antiresorptive)]
    [InlineData("H02AB06", RiskFlagKind.Corticosteroid)]
    [InlineData("B01AF02", RiskFlagKind.Anticoagulant)]
    [InlineData("L01DC01", RiskFlagKind.Chemotherapy)]
    [InlineData("M05BX03", null)]
    [InlineData("B01AC06", null)]
    public void RiskFlags_MedicationClassByAtc(string atc, RiskFlagKind? kind) => Assert.Equal(kind, RiskFlags.ClassOf(atc));

    [Fact]
    public void RiskFlags_StoppedAnticoagulant_NoFlag_StoppedAntiresorptive_StillFlagged()
    {
        var warfarin = MedicationEntry.Record(PatientId, new MedicationDetails("B01AA03", "Warfarin", MedicationStatus.Stopped, Start: new LocalDate(2020, 1, 1), End: new LocalDate(2021, 1, 1)), "dr", Now, Today);
        var alendronate = MedicationEntry.Record(PatientId, new MedicationDetails("M05BA04", "Alendronic acid", MedicationStatus.Stopped, Start: new LocalDate(2015, 1, 1), End: new LocalDate(2021, 1, 1)), "dr", Now, Today);

        var flags = RiskFlags.For([], [warfarin, alendronate], []);

        Assert.Equal([RiskFlagKind.Antiresorptive], flags.Select(f => f.Kind));
    }
}
