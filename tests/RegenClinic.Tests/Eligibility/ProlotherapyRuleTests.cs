using RegenClinic.Domain.Eligibility;
using RegenClinic.Tests.TestKit;
using static RegenClinic.Tests.TestKit.PatientBuilder;

namespace RegenClinic.Tests.Eligibility;

/// <summary>Prolotherapy rules (§3), each triggered and just missed.</summary>
public sealed class ProlotherapyRuleTests
{
    private static readonly TherapyId Prolo = TherapyId.Prolotherapy;

    [Fact]
    public void PROLO_IND_NONE_Fibromyalgia_NotIndicated() => Fibromyalgia().LongConservativeCare().Screen(Prolo).Is(Verdict.NotIndicated).Fires("PROLO-IND-NONE");

    [Fact]
    public void PROLO_IND_NONE_Tendinopathy_Eligible() =>
        new PatientBuilder().Condition("M77.12").LongConservativeCare().Screen(Prolo).Is(Verdict.Eligible).DoesNotFire("PROLO-IND-NONE");

    [Fact]
    public void PROLO_PRQ_CONSERVATIVE_PhysioExactlyThreeMonths_Met() =>
        new PatientBuilder().Condition("M17.11").Procedure("91251008", Today.PlusMonths(-3)).Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_PRQ_CONSERVATIVE_PhysioOneDayShort_NotIndicated() =>
        new PatientBuilder().Condition("M17.11").Procedure("91251008", Today.PlusMonths(-3).PlusDays(1)).Screen(Prolo).Is(Verdict.NotIndicated).Fires("PROLO-PRQ-CONSERVATIVE");

    [Fact]
    public void PROLO_PRQ_CONSERVATIVE_ClinicShortensToSixWeeks_Met() =>
        new PatientBuilder().Condition("M17.11").Procedure("91251008", Today.PlusDays(-42))
            .Screen(Prolo, settings: ScreeningSettings.Default with { ProlotherapyConservativeCare = NodaTime.Period.FromWeeks(6) }).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_ABS_CELLULITIS_ActiveAnySite_Contraindicated() => KneeOa().Condition("L03.116").Screen(Prolo).Is(Verdict.Contraindicated).Fires("PROLO-ABS-CELLULITIS");

    [Fact]
    public void PROLO_ABS_CELLULITIS_Resolved_DoesNotFire() => KneeOa().Condition("L03.116", ConditionStatus.Resolved).Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_ABS_SEPTIC_SepticArthritis_Contraindicated() => KneeOa().Condition("M00.061").Screen(Prolo).Is(Verdict.Contraindicated).Fires("PROLO-ABS-SEPTIC");

    [Fact]
    public void PROLO_ABS_SEPTIC_ReactiveArthropathyM02_DoesNotFire() => KneeOa().Condition("M02.9").Screen(Prolo).Is(Verdict.Eligible);

    [Theory]
    [InlineData("Lidocaine", null)]
    [InlineData("", "N01BB02")]
    [InlineData("bupivacaine", "N01BB01")]
    [InlineData("DEXTROSE solution", null)]
    [InlineData("Lidocaïne", null)]
    [InlineData("lignocaine", null)]
    public void PROLO_ABS_ALLERGY_InjectateComponent_Contraindicated(string text, string? atc) =>
        KneeOa().Allergy(text, atc).Screen(Prolo).Is(Verdict.Contraindicated).Fires("PROLO-ABS-ALLERGY");

    [Fact]
    public void PROLO_ABS_ALLERGY_EsterAnaestheticProcaine_DoesNotFire() => KneeOa().Allergy("procaine", "N01BA02").Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_REL_ANTICOAG_Warfarin_Fires() => KneeOa().Medication("B01AA03").Screen(Prolo).Is(Verdict.EligibleWithPrecautions).Fires("PROLO-REL-ANTICOAG");

    [Fact]
    public void PROLO_REL_ANTICOAG_Clopidogrel_DoesNotFire() => KneeOa().Medication("B01AC04").Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_REL_BLEED_Haemophilia_Fires() => KneeOa().Condition("D66").Screen(Prolo).Fires("PROLO-REL-BLEED");

    [Fact]
    public void PROLO_REL_BLEED_PlateletDefectD69_1_DoesNotFire() => KneeOa().Condition("D69.1").Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_REL_GOUT_Active_Fires() => KneeOa().Condition("M10.061").Screen(Prolo).Fires("PROLO-REL-GOUT");

    [Fact]
    public void PROLO_REL_GOUT_ChronicGoutM1A_DoesNotFire() => KneeOa().Condition("M1A.0610").Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_REL_FRACTURE_OnsetExactlyThreeMonths_Fires() =>
        KneeOa().Condition("S82.101A", ConditionStatus.Resolved, onset: Today.PlusMonths(-3)).Screen(Prolo).Is(Verdict.EligibleWithPrecautions).Fires("PROLO-REL-FRACTURE");

    [Fact]
    public void PROLO_REL_FRACTURE_OnsetThreeMonthsAndADay_DoesNotFire() =>
        KneeOa().Condition("S82.101A", ConditionStatus.Resolved, onset: Today.PlusMonths(-3).PlusDays(-1)).Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_REL_FRACTURE_DislocationIsNotFracture_DoesNotFire() =>
        KneeOa().Condition("S83.006A", onset: Today.PlusDays(-10)).Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_REL_PREG_Pregnant_Relative() => KneeOa().Condition("O09.90").Screen(Prolo).Is(Verdict.EligibleWithPrecautions).Fires("PROLO-REL-PREG");

    [Fact]
    public void PROLO_REL_PREG_NotPregnant_DoesNotFire() => KneeOa().Condition("Z30.09").Screen(Prolo).Is(Verdict.Eligible);

    [Theory]
    [InlineData("E11.9", null)]
    [InlineData(null, "A10BA02")]
    public void PROLO_REL_DIABETES_ConditionOrDrug_Fires(string? icd, string? atc)
    {
        var patient = KneeOa();
        if (icd is not null) patient.Condition(icd);
        if (atc is not null) patient.Medication(atc);
        patient.Screen(Prolo).Is(Verdict.EligibleWithPrecautions).Fires("PROLO-REL-DIABETES");
    }

    [Fact]
    public void PROLO_REL_DIABETES_Hyperlipidaemia_DoesNotFire() => KneeOa().Condition("E78.5").Screen(Prolo).Is(Verdict.Eligible);

    [Fact]
    public void PROLO_PRE_CORN_CornAllergyIsUnconfirmed_OnlyPrecaution()
    {
        var finding = KneeOa().Allergy("Corn").Screen(Prolo).Is(Verdict.EligibleWithPrecautions).Fires("PROLO-PRE-CORN");
        Assert.Equal(FindingKind.Precaution, finding.Kind);
        Assert.Contains("unconfirmed", finding.Source, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PROLO_PRE_CORN_DutchMais_Precaution() => KneeOa().Allergy("Maïs").Screen(Prolo).Fires("PROLO-PRE-CORN");

    [Fact]
    public void PROLO_PRE_CORN_PeanutAllergy_DoesNotFire() => KneeOa().Allergy("Peanut").Screen(Prolo).Is(Verdict.Eligible);
}
