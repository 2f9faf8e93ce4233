using NodaTime;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Tests.TestKit;
using static RegenClinic.Tests.TestKit.PatientBuilder;

namespace RegenClinic.Tests.Eligibility;

/// <summary>One test that triggers each hbot rule and one just outside it. Expectations from clinical reference §1 and §3.</summary>
public sealed class HbotRuleTests
{
    private static readonly TherapyId Hbot = TherapyId.Hbot;

    [Fact]
    public void HBOT_IND_NONE_NoIndicatingCondition_NotIndicated() =>
        new PatientBuilder().Condition("M17.11").Screen(Hbot).Is(Verdict.NotIndicated).Fires("HBOT-IND-NONE");

    [Fact]
    public void HBOT_IND_NONE_Fibromyalgia_Eligible()
    {
        var result = Fibromyalgia().Screen(Hbot).Is(Verdict.Eligible);
        result.DoesNotFire("HBOT-IND-NONE");
        Assert.Equal("fibromyalgia", Assert.Single(result.Indications).Group);
    }

    [Fact]
    public void HBOT_PRQ_CONSERVATIVE_PhysioExactlySixWeeksBefore_Met() =>
        new PatientBuilder().Condition("M54.50").Procedure("91251008", Today.PlusDays(-42)).Screen(Hbot).Is(Verdict.Eligible).DoesNotFire("HBOT-PRQ-CONSERVATIVE");

    [Fact]
    public void HBOT_PRQ_CONSERVATIVE_PhysioOneDayShort_NotIndicated() =>
        new PatientBuilder().Condition("M54.50").Procedure("91251008", Today.PlusDays(-41)).Screen(Hbot).Is(Verdict.NotIndicated).Fires("HBOT-PRQ-CONSERVATIVE");

    [Fact]
    public void HBOT_PRQ_CONSERVATIVE_NsaidStatementSixWeeks_Met() =>
        new PatientBuilder().Condition("M51.17").Medication("M01AE01", MedicationStatus.Completed, start: Today.PlusDays(-42)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_PRQ_CONSERVATIVE_NsaidOnlyPrescribedNotStatement_NotIndicated() =>
        new PatientBuilder().Condition("M51.17").Medication("M01AE01", start: Today.PlusYears(-1), statement: false).Screen(Hbot).Is(Verdict.NotIndicated).Fires("HBOT-PRQ-CONSERVATIVE");

    [Fact]
    public void HBOT_PRQ_CONSERVATIVE_UndatedAnalgesic_DoesNotCount() =>
        new PatientBuilder().Condition("M54.50").Medication("N02BE01").Screen(Hbot).Is(Verdict.NotIndicated);

    [Fact]
    public void HBOT_PRQ_CONSERVATIVE_OtherIndicationStillStands_EligibleWithFindingReported()
    {
        // The prerequisite belongs to the back-pain indication only (§1 "for the last two only").
        var result = Fibromyalgia().Condition("M54.50").Screen(Hbot).Is(Verdict.Eligible);
        result.Fires("HBOT-PRQ-CONSERVATIVE");
        Assert.Contains(result.Indications, i => i.Group == "chronic-low-back-pain" && !i.PrerequisitesMet);
        Assert.Contains(result.Indications, i => i.Group == "fibromyalgia" && i.PrerequisitesMet);
    }

    [Fact]
    public void HBOT_ABS_001_ActivePneumothoraxNoDrain_Contraindicated()
    {
        var finding = Mronj().Condition("J93.9", onset: Today.PlusDays(-5)).Screen(Hbot).Is(Verdict.Contraindicated).Fires("HBOT-ABS-001");
        Assert.Equal(FindingKind.AbsoluteContraindication, finding.Kind);
        Assert.Equal("Untreated pneumothorax: pressure change can turn it into a tension pneumothorax", finding.Reason.En);
    }

    [Fact]
    public void HBOT_ABS_001_DrainOnOnsetDay_TreatedSoOnlyHistory()
    {
        var result = Mronj().Condition("J93.9", onset: Today.PlusDays(-5)).Procedure("264957007", Today.PlusDays(-5)).Screen(Hbot);
        result.Is(Verdict.EligibleWithPrecautions).DoesNotFire("HBOT-ABS-001");
        result.Fires("HBOT-REL-PTX-HX");
    }

    [Fact]
    public void HBOT_ABS_001_DrainDayBeforeOnset_StillUntreated() =>
        Mronj().Condition("J93.9", onset: Today.PlusDays(-5)).Procedure("264957007", Today.PlusDays(-6)).Screen(Hbot).Is(Verdict.Contraindicated).Fires("HBOT-ABS-001");

    [Fact]
    public void HBOT_ABS_001_ResolvedPneumothorax_NotAbsolute() =>
        Mronj().Condition("J93.11", ConditionStatus.Resolved).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).DoesNotFire("HBOT-ABS-001");

    [Fact]
    public void HBOT_ABS_001_NotIndicatedPatient_StillContraindicated() =>
        new PatientBuilder().Condition("J93.9").Screen(Hbot).Is(Verdict.Contraindicated);

    [Fact]
    public void HBOT_REL_DOXO_Active_Fires() => Mronj().Medication("L01DB01").Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-REL-DOXO");

    [Fact]
    public void HBOT_REL_DOXO_StoppedYesterday_StillWithin24h() =>
        Mronj().Medication("L01DB01", MedicationStatus.Stopped, Today.PlusDays(-60), Today.PlusDays(-1)).Screen(Hbot).Fires("HBOT-REL-DOXO");

    [Fact]
    public void HBOT_REL_DOXO_StoppedTwoDaysAgo_DoesNotFire() =>
        Mronj().Medication("L01DB01", MedicationStatus.Stopped, Today.PlusDays(-60), Today.PlusDays(-2)).Screen(Hbot).Is(Verdict.Eligible).DoesNotFire("HBOT-REL-DOXO");

    [Fact]
    public void HBOT_REL_BLEO_CompletedYearsAgo_Fires() =>
        Mronj().Medication("L01DC01", MedicationStatus.Completed, new LocalDate(2019, 1, 1), new LocalDate(2019, 3, 1)).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-REL-BLEO");

    [Fact]
    public void HBOT_REL_BLEO_MitomycinSameGroup_DoesNotFire() =>
        Mronj().Medication("L01DC03", MedicationStatus.Completed).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_CISP_Active_Fires() => Mronj().Medication("L01XA01").Screen(Hbot).Fires("HBOT-REL-CISP");

    [Fact]
    public void HBOT_REL_CISP_CarboplatinOrCompleted_DoesNotFire() =>
        Mronj().Medication("L01XA02").Medication("L01XA01", MedicationStatus.Completed, end: Today.PlusMonths(-2)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_DISULF_Active_Fires() => Mronj().Medication("N07BB01", MedicationStatus.OnHold).Screen(Hbot).Fires("HBOT-REL-DISULF");

    [Fact]
    public void HBOT_REL_DISULF_Stopped_DoesNotFire() =>
        Mronj().Medication("N07BB01", MedicationStatus.Stopped, end: Today.PlusMonths(-1)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_MAFEN_Active_Fires() => Mronj().Medication("D06BA03", MedicationStatus.Intended).Screen(Hbot).Fires("HBOT-REL-MAFEN");

    [Fact]
    public void HBOT_REL_MAFEN_SilverSulfadiazine_DoesNotFire() => Mronj().Medication("D06BA01").Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_PTX_HX_ResolvedPneumothorax_Fires() =>
        Mronj().Condition("J93.0", ConditionStatus.Resolved).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-REL-PTX-HX");

    [Fact]
    public void HBOT_REL_PTX_HX_UntreatedActive_ReportedAsAbsoluteOnly() =>
        Mronj().Condition("J93.9").Screen(Hbot).DoesNotFire("HBOT-REL-PTX-HX");

    [Fact]
    public void HBOT_REL_THORSURG_AbsentLungPart_Fires() =>
        Mronj().Condition("Z90.2", ConditionStatus.Unrecorded).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-REL-THORSURG");

    [Fact]
    public void HBOT_REL_THORSURG_AbsentBreast_DoesNotFire() => Mronj().Condition("Z90.11").Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_COPD_Active_Fires() => Mronj().Condition("J44.9").Screen(Hbot).Fires("HBOT-REL-COPD");

    [Fact]
    public void HBOT_REL_COPD_Resolved_DoesNotFire() => Mronj().Condition("J44.9", ConditionStatus.Resolved).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_ASTHMA_Active_Fires() => Mronj().Condition("J45.909", ConditionStatus.Relapse).Screen(Hbot).Fires("HBOT-REL-ASTHMA");

    [Fact]
    public void HBOT_REL_ASTHMA_Remission_DoesNotFire() => Mronj().Condition("J45.909", ConditionStatus.Remission).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_SEIZ_Epilepsy_Fires() => Mronj().Condition("G40.909").Screen(Hbot).Fires("HBOT-REL-SEIZ");

    [Fact]
    public void HBOT_REL_SEIZ_Migraine_DoesNotFire() => Mronj().Condition("G43.909").Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_FEVER_38OnDayBefore_Fires() =>
        Mronj().Observation("8310-5", 38.0m, "Cel", Today.PlusDays(-1)).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-REL-FEVER");

    [Fact]
    public void HBOT_REL_FEVER_100_4Fahrenheit_Fires() => Mronj().Observation("8310-5", 100.4m, "[degF]", Today).Screen(Hbot).Fires("HBOT-REL-FEVER");

    [Fact]
    public void HBOT_REL_FEVER_37_9_DoesNotFire() => Mronj().Observation("8310-5", 37.9m, "Cel", Today).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_FEVER_TwoDaysBefore_DoesNotFire() => Mronj().Observation("8310-5", 39m, "Cel", Today.PlusDays(-2)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_FEVER_AfterScreeningDate_DoesNotFire() => Mronj().Observation("8310-5", 39m, "Cel", Today.PlusDays(1)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_URI_Active_Fires() => Mronj().Condition("J06.9").Screen(Hbot).Fires("HBOT-REL-URI");

    [Fact]
    public void HBOT_REL_URI_Resolved_DoesNotFire() => Mronj().Condition("J06.9", ConditionStatus.Resolved).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_SINUS_Acute_Fires() => Mronj().Condition("J01.90").Screen(Hbot).Fires("HBOT-REL-SINUS");

    [Fact]
    public void HBOT_REL_SINUS_ChronicJ32_DoesNotFire() => Mronj().Condition("J32.9").Screen(Hbot).Is(Verdict.Eligible);

    [Theory]
    [InlineData("H65.03")]
    [InlineData("H66.90")]
    public void HBOT_REL_OTITIS_MediaH65ToH66_Fires(string code) => Mronj().Condition(code).Screen(Hbot).Fires("HBOT-REL-OTITIS");

    [Fact]
    public void HBOT_REL_OTITIS_ExternaH60_DoesNotFire() => Mronj().Condition("H60.90").Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_ETD_Obstruction_Fires() => Mronj().Condition("H68.101").Screen(Hbot).Fires("HBOT-REL-ETD");

    [Fact]
    public void HBOT_REL_ETD_SalpingitisH68_0_DoesNotFire() => Mronj().Condition("H68.001").Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_CLAUS_Claustrophobia_Fires() => Mronj().Condition("F40.240").Screen(Hbot).Fires("HBOT-REL-CLAUS");

    [Fact]
    public void HBOT_REL_CLAUS_Acrophobia_DoesNotFire() => Mronj().Condition("F40.241").Screen(Hbot).Is(Verdict.Eligible);

    [Theory]
    [InlineData("Z33.1")]
    [InlineData("O26.891")]
    [InlineData("O9A.111")]
    public void HBOT_REL_PREG_ActivePregnancyCode_Fires(string code) =>
        Mronj().Condition(code).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-REL-PREG");

    [Fact]
    public void HBOT_REL_PREG_LatestLoincPregnant_Fires() => Mronj().CodedObservation("82810-3", "77386006", Today.PlusDays(-3)).Screen(Hbot).Fires("HBOT-REL-PREG");

    [Fact]
    public void HBOT_REL_PREG_LaterLoincNotPregnant_DoesNotFire() =>
        Mronj().CodedObservation("82810-3", "77386006", Today.PlusMonths(-3)).CodedObservation("82810-3", "60001007", Today.PlusDays(-3)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_PREG_ResolvedZ33_DoesNotFire() => Mronj().Condition("Z33.1", ConditionStatus.Resolved).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_SPHERO_Spherocytosis_Fires() => Mronj().Condition("D58.0").Screen(Hbot).Fires("HBOT-REL-SPHERO");

    [Fact]
    public void HBOT_REL_SPHERO_Elliptocytosis_DoesNotFire() => Mronj().Condition("D58.1").Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_HF_Lvef29_Fires()
    {
        var result = Mronj().Condition("I50.22").Observation("10230-1", 29m, "%", Today.PlusMonths(-1)).Screen(Hbot).Is(Verdict.EligibleWithPrecautions);
        result.Fires("HBOT-REL-HF");
        result.DoesNotFire("HBOT-PRE-HF-LVEF");
    }

    [Fact]
    public void HBOT_REL_HF_Lvef30_DoesNotFire() =>
        Mronj().Condition("I50.22").Observation("10230-1", 30m, "%", Today.PlusMonths(-1)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_HF_LatestLvefGoverns_DoesNotFire() =>
        Mronj().Condition("I50.22").Observation("10230-1", 20m, "%", Today.PlusYears(-1)).Observation("10230-1", 40m, "%", Today.PlusMonths(-1)).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_PRE_HF_LVEF_NoLvefRecorded_Precaution()
    {
        var finding = Mronj().Condition("I50.9").Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-PRE-HF-LVEF");
        Assert.Equal(FindingKind.Precaution, finding.Kind);
    }

    [Fact]
    public void HBOT_PRE_HF_LVEF_NoHeartFailure_DoesNotFire() => Mronj().Screen(Hbot).Is(Verdict.Eligible).DoesNotFire("HBOT-PRE-HF-LVEF");

    [Fact]
    public void HBOT_REL_BULLAE_Emphysema_Fires() => Mronj().Condition("J43.9").Screen(Hbot).Fires("HBOT-REL-BULLAE");

    [Fact]
    public void HBOT_REL_BULLAE_Resolved_DoesNotFire() => Mronj().Condition("J43.9", ConditionStatus.Inactive).Screen(Hbot).Is(Verdict.Eligible);

    [Fact]
    public void HBOT_REL_OPTIC_OpticNeuritis_Fires() => Mronj().Condition("H46.9").Screen(Hbot).Fires("HBOT-REL-OPTIC");

    [Fact]
    public void HBOT_REL_OPTIC_OtherOpticDisorderH47_DoesNotFire() => Mronj().Condition("H47.019").Screen(Hbot).Is(Verdict.Eligible);

    [Theory]
    [InlineData("Z95.0")]
    [InlineData("Z96.82")]
    [InlineData("Z96.41")]
    [InlineData("Z96.21")]
    public void HBOT_PRE_DEVICE_ImplantedDevice_Precaution(string code) =>
        Mronj().Condition(code).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-PRE-DEVICE");

    [Fact]
    public void HBOT_PRE_DEVICE_BypassGraftZ95_1_DoesNotFire() => Mronj().Condition("Z95.1").Screen(Hbot).Is(Verdict.Eligible);

    [Theory]
    [InlineData("A10AE04")]
    [InlineData("A10BB09")]
    public void HBOT_PRE_GLUCOSE_InsulinOrSulfonylurea_Precaution(string atc) =>
        Mronj().Medication(atc).Screen(Hbot).Is(Verdict.EligibleWithPrecautions).Fires("HBOT-PRE-GLUCOSE");

    [Fact]
    public void HBOT_PRE_GLUCOSE_Metformin_DoesNotFire() => Mronj().Medication("A10BA02").Screen(Hbot).Is(Verdict.Eligible);
}
