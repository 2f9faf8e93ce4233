using RegenClinic.Domain.Eligibility;
using RegenClinic.Tests.TestKit;
using static RegenClinic.Tests.TestKit.PatientBuilder;

namespace RegenClinic.Tests.Eligibility;

/// <summary>Cell-therapy rules (§1 prerequisite, §3), run for all three cell therapies.</summary>
public sealed class CellTherapyRuleTests
{
    public static TheoryData<string> CellTherapies => new() { "cell-therapy-bmac", "cell-therapy-adipose", "cell-therapy-allogeneic" };

    private static PatientBuilder Avn(string? stage) => new PatientBuilder().Condition("M87.051", arcoStage: stage);

    [Theory]
    [MemberData(nameof(CellTherapies))]
    public void CELL_IND_NONE_Tendinopathy_NotIndicated(string therapy) =>
        new PatientBuilder().Condition("M77.11").Screen(new TherapyId(therapy)).Is(Verdict.NotIndicated).Fires("CELL-IND-NONE");

    [Theory]
    [MemberData(nameof(CellTherapies))]
    public void CELL_IND_NONE_KneeOa_Eligible(string therapy) =>
        new PatientBuilder().Condition("M17.0").Screen(new TherapyId(therapy)).Is(Verdict.Eligible).DoesNotFire("CELL-IND-NONE");

    [Theory]
    [InlineData("IIIB")]
    [InlineData("IV")]
    public void CELL_PRQ_ARCO_PostCollapse_NotIndicated(string stage) =>
        Avn(stage).Screen(TherapyId.CellTherapyBmac).Is(Verdict.NotIndicated).Fires("CELL-PRQ-ARCO");

    [Theory]
    [InlineData("I")]
    [InlineData("II")]
    [InlineData("IIIA")]
    public void CELL_PRQ_ARCO_PreCollapse_Eligible(string stage) =>
        Avn(stage).Screen(TherapyId.CellTherapyBmac).Is(Verdict.Eligible).DoesNotFire("CELL-PRQ-ARCO");

    [Fact]
    public void CELL_PRQ_ARCO_CollapsedHipButKneeOa_StillIndicatedByKnee()
    {
        var result = Avn("IV").Condition("M17.11").Screen(TherapyId.CellTherapyAdipose).Is(Verdict.Eligible);
        result.Fires("CELL-PRQ-ARCO");
    }

    [Theory]
    [MemberData(nameof(CellTherapies))]
    public void CELL_PRE_ARCO_MISSING_Unstaged_Precaution(string therapy) =>
        Avn(null).Screen(new TherapyId(therapy)).Is(Verdict.EligibleWithPrecautions).Fires("CELL-PRE-ARCO-MISSING");

    [Fact]
    public void CELL_PRE_ARCO_MISSING_Staged_DoesNotFire() => Avn("II").Screen(TherapyId.CellTherapyBmac).DoesNotFire("CELL-PRE-ARCO-MISSING");

    [Theory]
    [InlineData("C50.911")]
    [InlineData("C7A.010")]
    [InlineData("C96.9")]
    public void CELL_ABS_MALIG_ActiveMalignancy_Contraindicated(string code) =>
        Avn("II").Condition(code).Screen(TherapyId.CellTherapyBmac).Is(Verdict.Contraindicated).Fires("CELL-ABS-MALIG");

    [Theory]
    [InlineData("C50.911", ConditionStatus.Remission)]
    [InlineData("D05.10", ConditionStatus.Active)]
    [InlineData("D00.00", ConditionStatus.Active)]
    public void CELL_ABS_MALIG_RemissionOrOutsideRange_DoesNotFire(string code, ConditionStatus status) =>
        Avn("II").Condition(code, status).Screen(TherapyId.CellTherapyBmac).Is(Verdict.Eligible);

    [Theory]
    [InlineData("A41.9")]
    [InlineData("L03.115")]
    [InlineData("M86.151")]
    public void CELL_ABS_INFECTION_ActiveInfection_Contraindicated(string code) =>
        Avn("II").Condition(code).Screen(TherapyId.CellTherapyAllogeneic).Is(Verdict.Contraindicated).Fires("CELL-ABS-INFECTION");

    [Fact]
    public void CELL_ABS_INFECTION_ResolvedSepsis_DoesNotFire() => Avn("II").Condition("A41.9", ConditionStatus.Resolved).Screen(TherapyId.CellTherapyBmac).Is(Verdict.Eligible);

    [Theory]
    [MemberData(nameof(CellTherapies))]
    public void CELL_ABS_PREG_Pregnant_Contraindicated(string therapy) =>
        Avn("II").CodedObservation("82810-3", "77386006", Today).Screen(new TherapyId(therapy)).Is(Verdict.Contraindicated).Fires("CELL-ABS-PREG");

    [Fact]
    public void CELL_ABS_PREG_PostpartumResolved_DoesNotFire() => Avn("II").Condition("O80", ConditionStatus.Resolved).Screen(TherapyId.CellTherapyBmac).Is(Verdict.Eligible);

    [Fact]
    public void CELL_REL_ANTICOAG_Dabigatran_Fires() => Avn("II").Medication("B01AE07").Screen(TherapyId.CellTherapyBmac).Is(Verdict.EligibleWithPrecautions).Fires("CELL-REL-ANTICOAG");

    [Fact]
    public void CELL_REL_ANTICOAG_Stopped_DoesNotFire() =>
        Avn("II").Medication("B01AE07", MedicationStatus.Stopped, end: Today.PlusMonths(-1)).Screen(TherapyId.CellTherapyBmac).Is(Verdict.Eligible);

    [Fact]
    public void CELL_REL_BLEED_Thrombocytopenia_Fires() => Avn("II").Condition("D69.6").Screen(TherapyId.CellTherapyBmac).Is(Verdict.EligibleWithPrecautions).Fires("CELL-REL-BLEED");

    [Fact]
    public void CELL_REL_BLEED_Platelets49_Fires() => Avn("II").Observation("777-3", 49m, "10*9/L", Today).Screen(TherapyId.CellTherapyBmac).Fires("CELL-REL-BLEED");

    [Fact]
    public void CELL_REL_BLEED_Platelets50_DoesNotFire() => Avn("II").Observation("777-3", 50m, "10*9/L", Today).Screen(TherapyId.CellTherapyBmac).Is(Verdict.Eligible);
}
