using NodaTime;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Tests.TestKit;
using static RegenClinic.Tests.TestKit.PatientBuilder;

namespace RegenClinic.Tests.Eligibility;

/// <summary>Ozone rules (§3 "ozone (all routes unless named)"), each triggered and just missed.</summary>
public sealed class OzoneRuleTests
{
    private static readonly TherapyId Injection = TherapyId.OzoneInjection;
    private static readonly TherapyId Autohemo = TherapyId.OzoneAutohemotherapy;
    private static readonly TherapyId Insufflation = TherapyId.OzoneInsufflation;
    public static TheoryData<string> AllRoutes => new() { "ozone-injection", "ozone-autohemotherapy", "ozone-insufflation" };

    [Fact]
    public void OZONE_IND_NONE_FibromyalgiaForInjection_NotIndicated() => Fibromyalgia().Screen(Injection).Is(Verdict.NotIndicated).Fires("OZONE-IND-NONE");

    [Fact]
    public void OZONE_IND_NONE_KneeOaForInjection_Eligible() => KneeOa().Screen(Injection).Is(Verdict.Eligible).DoesNotFire("OZONE-IND-NONE");

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public void OZONE_ABS_PREG_Pregnant_ContraindicatedOnEveryRoute(string route) =>
        KneeOa().Condition("M79.7").Condition("Z33.1").Screen(new TherapyId(route)).Is(Verdict.Contraindicated).Fires("OZONE-ABS-PREG");

    [Fact]
    public void OZONE_ABS_PREG_LoincNotPregnant_DoesNotFire() => KneeOa().CodedObservation("82810-3", "60001007", Today).Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_ABS_G6PD_Autohemotherapy_Contraindicated() => Fibromyalgia().Condition("D55.0").Screen(Autohemo).Is(Verdict.Contraindicated).Fires("OZONE-ABS-G6PD");

    [Fact]
    public void OZONE_ABS_G6PD_Insufflation_Contraindicated() => Fibromyalgia().Condition("D55.0").Screen(Insufflation).Is(Verdict.Contraindicated).Fires("OZONE-ABS-G6PD");

    [Fact]
    public void OZONE_ABS_G6PD_OtherEnzymeDeficiencyD55_1_DoesNotFire() => Fibromyalgia().Condition("D55.1").Screen(Autohemo).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_REL_G6PD_LocalInjection_OnlyRelative()
    {
        var result = KneeOa().Condition("D55.0").Screen(Injection).Is(Verdict.EligibleWithPrecautions);
        result.Fires("OZONE-REL-G6PD");
        result.DoesNotFire("OZONE-ABS-G6PD");
    }

    [Fact]
    public void OZONE_REL_G6PD_Resolved_DoesNotFire() => KneeOa().Condition("D55.0", ConditionStatus.Resolved).Screen(Injection).Is(Verdict.Eligible);

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public void OZONE_ABS_ALLERGY_OzoneTextAnyCase_Contraindicated(string route) =>
        KneeOa().Condition("M79.7").Allergy("OZONE gas").Screen(new TherapyId(route)).Is(Verdict.Contraindicated).Fires("OZONE-ABS-ALLERGY");

    [Fact]
    public void OZONE_ABS_ALLERGY_DutchOzon_Contraindicated() => KneeOa().Allergy("Allergie voor ozon").Screen(Injection).Is(Verdict.Contraindicated);

    [Fact]
    public void OZONE_ABS_ALLERGY_OxygenOrLatex_DoesNotFire() => KneeOa().Allergy("Latex").Allergy("Oxygen mask adhesive").Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_ABS_THROMBO_ActiveD69_6_Contraindicated() => KneeOa().Condition("D69.6").Screen(Injection).Is(Verdict.Contraindicated).Fires("OZONE-ABS-THROMBO");

    [Fact]
    public void OZONE_ABS_THROMBO_Resolved_DoesNotFire() => KneeOa().Condition("D69.6", ConditionStatus.Resolved).Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_ABS_PLT_49_Contraindicated() => KneeOa().Observation("777-3", 49m, "10*9/L", Today).Screen(Injection).Is(Verdict.Contraindicated).Fires("OZONE-ABS-PLT");

    [Fact]
    public void OZONE_ABS_PLT_50_DoesNotFire() => KneeOa().Observation("777-3", 50m, "10*9/L", Today).Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_ABS_PLT_PerMicrolitre_Converted() => KneeOa().Observation("777-3", 49000m, "/uL", Today).Screen(Injection).Is(Verdict.Contraindicated);

    [Fact]
    public void OZONE_ABS_PLT_LatestCountGoverns_DoesNotFire() =>
        KneeOa().Observation("777-3", 30m, "10*9/L", Today.PlusMonths(-2)).Observation("777-3", 180m, "10*9/L", Today.PlusDays(-1)).Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_ABS_PLT_ClinicLowersThreshold_DoesNotFire() =>
        KneeOa().Observation("777-3", 45m, "10*9/L", Today).Screen(Injection, settings: ScreeningSettings.Default with { MinimumPlateletsPerNanoliter = 40m }).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_ABS_HYPERTHY_Active_Contraindicated() => KneeOa().Condition("E05.00").Screen(Injection).Is(Verdict.Contraindicated).Fires("OZONE-ABS-HYPERTHY");

    [Fact]
    public void OZONE_ABS_HYPERTHY_Hypothyroidism_DoesNotFire() => KneeOa().Condition("E03.9").Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_ABS_MI_OnsetExactlySixMonthsBefore_Contraindicated() =>
        KneeOa().Condition("I21.9", ConditionStatus.Resolved, onset: new LocalDate(2026, 7, 4)).Screen(Injection).Is(Verdict.Contraindicated).Fires("OZONE-ABS-MI");

    [Fact]
    public void OZONE_ABS_MI_OnsetSixMonthsAndADayBefore_DoesNotFire() =>
        KneeOa().Condition("I21.9", ConditionStatus.Resolved, onset: new LocalDate(2026, 7, 3)).Screen(Injection).Is(Verdict.Eligible).DoesNotFire("OZONE-ABS-MI");

    [Fact]
    public void OZONE_ABS_MI_ActiveUndated_Contraindicated() => KneeOa().Condition("I21.4").Screen(Injection).Is(Verdict.Contraindicated).Fires("OZONE-ABS-MI");

    [Fact]
    public void OZONE_ABS_MI_OnlyRecordedDateWithinWindow_Contraindicated() =>
        KneeOa().Condition("I21.4", ConditionStatus.Resolved, recorded: Today.PlusMonths(-1)).Screen(Injection).Is(Verdict.Contraindicated);

    [Fact]
    public void OZONE_ABS_MI_ClinicWidensWindowToTwelveMonths_Fires() =>
        KneeOa().Condition("I21.9", ConditionStatus.Resolved, onset: Today.PlusMonths(-9))
            .Screen(Injection, settings: ScreeningSettings.Default with { MyocardialInfarctionWindow = Period.FromMonths(12) }).Is(Verdict.Contraindicated);

    [Fact]
    public void OZONE_PRE_MI_DATE_ResolvedUndated_Precaution() =>
        KneeOa().Condition("I21.9", ConditionStatus.Resolved).Screen(Injection).Is(Verdict.EligibleWithPrecautions).Fires("OZONE-PRE-MI-DATE");

    [Fact]
    public void OZONE_PRE_MI_DATE_Dated_DoesNotFire() =>
        KneeOa().Condition("I21.9", ConditionStatus.Resolved, onset: Today.PlusYears(-3)).Screen(Injection).Is(Verdict.Eligible).DoesNotFire("OZONE-PRE-MI-DATE");

    [Theory]
    [InlineData("B01AA03")]
    [InlineData("B01AB05")]
    [InlineData("B01AE07")]
    [InlineData("B01AF01")]
    public void OZONE_REL_ANTICOAG_InjectionAndAutohemo_Fires(string atc)
    {
        KneeOa().Medication(atc).Screen(Injection).Is(Verdict.EligibleWithPrecautions).Fires("OZONE-REL-ANTICOAG");
        Fibromyalgia().Medication(atc).Screen(Autohemo).Is(Verdict.EligibleWithPrecautions).Fires("OZONE-REL-ANTICOAG");
    }

    [Fact]
    public void OZONE_REL_ANTICOAG_NotForInsufflation_DoesNotFire() => Fibromyalgia().Medication("B01AF01").Screen(Insufflation).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_REL_ANTICOAG_AspirinB01AC_DoesNotFire() => KneeOa().Medication("B01AC06").Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_REL_BLEED_VonWillebrand_Fires() => KneeOa().Condition("D68.0").Screen(Injection).Fires("OZONE-REL-BLEED");

    [Fact]
    public void OZONE_REL_BLEED_OutsideD66ToD68_DoesNotFire() => KneeOa().Condition("D65").Condition("D69.1").Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_REL_ACEI_Ramipril_Fires() => KneeOa().Medication("C09AA05").Screen(Injection).Fires("OZONE-REL-ACEI");

    [Fact]
    public void OZONE_REL_ACEI_Losartan_DoesNotFire() => KneeOa().Medication("C09CA01").Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_REL_HF_HeartFailure_Fires() => Fibromyalgia().Condition("I50.9").Screen(Insufflation).Is(Verdict.EligibleWithPrecautions).Fires("OZONE-REL-HF");

    [Fact]
    public void OZONE_REL_HF_Resolved_DoesNotFire() => Fibromyalgia().Condition("I50.9", ConditionStatus.Resolved).Screen(Insufflation).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_REL_SEIZ_ResolvedEpilepsyIsHistory_Fires() => KneeOa().Condition("G40.909", ConditionStatus.Resolved).Screen(Injection).Fires("OZONE-REL-SEIZ");

    [Fact]
    public void OZONE_REL_SEIZ_Migraine_DoesNotFire() => KneeOa().Condition("G43.909").Screen(Injection).Is(Verdict.Eligible);

    [Fact]
    public void OZONE_REL_RESP_RespiratoryFailure_Fires() => KneeOa().Condition("J96.10").Screen(Injection).Fires("OZONE-REL-RESP");

    [Fact]
    public void OZONE_REL_RESP_Pneumonia_DoesNotFire() => KneeOa().Condition("J18.9").Screen(Injection).Is(Verdict.Eligible);
}
