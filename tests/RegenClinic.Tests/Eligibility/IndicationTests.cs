using RegenClinic.Domain.Eligibility;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Eligibility;

/// <summary>Indication groups (§1), ICD-10-CM matching without prefix over-matching, evidence (§2) and verdict precedence (§3).</summary>
public sealed class IndicationTests
{
    private static ScreeningResult Screen(string icd, TherapyId therapy) => new PatientBuilder().Condition(icd).LongConservativeCare().Screen(therapy);

    [Theory]
    [InlineData("M51.16", "lumbar-disc-herniation")]
    [InlineData("M51.27", "lumbar-disc-herniation")]
    [InlineData("M54.5", "chronic-low-back-pain")]
    [InlineData("M54.50", "chronic-low-back-pain")]
    [InlineData("M54.59", "chronic-low-back-pain")]
    [InlineData("S39.012A", "chronic-low-back-pain")]
    [InlineData("m17.11", "knee-osteoarthritis")]
    [InlineData("M1711", "knee-osteoarthritis")]
    [InlineData("M77.12", "tendinopathy")]
    [InlineData("M76.61", "tendinopathy")]
    [InlineData("M72.2", "tendinopathy")]
    public void Indication_CodeInGroup_Indicated(string icd, string group) =>
        Assert.Equal(group, Assert.Single(Screen(icd, TherapyId.OzoneInjection).Is(Verdict.Eligible).Indications).Group);

    [Theory]
    [InlineData("M51.14")] // thoracic disc: M51.1 is not a lumbar prefix
    [InlineData("M51.36")] // disc degeneration, not herniation
    [InlineData("M54.6")]  // thoracic pain
    [InlineData("M54.41")] // lumbago with sciatica is not in the group
    [InlineData("S39.011A")] // strain of abdominal muscle
    [InlineData("M16.11")] // hip OA
    [InlineData("M77.0")]  // medial epicondylitis
    [InlineData("M87.18")] // a shorter code than M87.180 must not match it
    public void Prefix_CodeOutsideGroup_NotIndicated(string icd) =>
        Screen(icd, TherapyId.OzoneInjection).Is(Verdict.NotIndicated).Fires("OZONE-IND-NONE");

    [Theory]
    [InlineData("M87.050")]
    [InlineData("M87.151")]
    [InlineData("M87.252")]
    [InlineData("M87.359")]
    [InlineData("M87.851")]
    public void Prefix_FemoralHeadAvn_IndicatesHbot(string icd) =>
        Assert.Equal("femoral-head-avn", Assert.Single(Screen(icd, TherapyId.Hbot).Indications).Group);

    [Fact]
    public void Prefix_AvnOfHumerus_NotFemoralHead() => Screen("M87.021", TherapyId.Hbot).Is(Verdict.NotIndicated);

    [Fact]
    public void Indication_OsteoradionecrosisNeedsRadiotherapyHistory_NotIndicatedWithout() =>
        new PatientBuilder().Condition("M27.2").Screen(TherapyId.Hbot).Is(Verdict.NotIndicated);

    [Fact]
    public void Indication_OsteoradionecrosisWithResolvedZ92_3_GuidelineEndorsed()
    {
        var result = new PatientBuilder().Condition("M27.2").Condition("Z92.3", ConditionStatus.Resolved).Screen(TherapyId.Hbot).Is(Verdict.Eligible);
        Assert.Equal(EvidenceGrade.GuidelineEndorsed, Assert.Single(result.Indications).Evidence.Grade);
    }

    [Fact]
    public void Indication_ResolvedCondition_DoesNotIndicate() =>
        new PatientBuilder().Condition("M17.11", ConditionStatus.Resolved).LongConservativeCare().Screen(TherapyId.Prolotherapy).Is(Verdict.NotIndicated);

    [Fact]
    public void Indication_RecurrenceCounts_Indicated() =>
        new PatientBuilder().Condition("M17.11", ConditionStatus.Recurrence).LongConservativeCare().Screen(TherapyId.Prolotherapy).Is(Verdict.Eligible);

    [Fact]
    public void Indication_NonIcdCodeSystem_NotMatched()
    {
        var facts = PatientFacts.Empty("Patient/x") with
        {
            Conditions = [new ConditionFact(new Coding(CodeSystems.Snomed, "M17.11"), null, ConditionStatus.Active, null, null, null, "Condition/c1")],
        };
        Assert.Equal(Verdict.NotIndicated, Screening.Screen(facts, TherapyId.OzoneInjection, PatientBuilder.Today, ScreeningSettings.Default).Verdict);
    }

    [Theory]
    [InlineData("hbot", "M87.180", "rct-supported", "Freiberger")]
    [InlineData("hbot", "M79.7", "mixed-rcts", "Efrati")]
    [InlineData("hbot", "M54.50", "no-evidence-found", "No published evidence")]
    [InlineData("ozone-injection", "M51.16", "mixed-rcts", "Steppan")]
    [InlineData("ozone-injection", "M87.180", "observational-only", "Di Fede")]
    [InlineData("ozone-injection", "M77.11", "no-evidence-found", "No published evidence")]
    [InlineData("ozone-autohemotherapy", "M79.7", "observational-only", "Hidalgo-Tall")]
    [InlineData("prolotherapy", "M17.11", "rct-supported", "Rabago et al., Ann Fam Med 2013")]
    [InlineData("prolotherapy", "M54.50", "negative-rct", "Dagenais")]
    [InlineData("prolotherapy", "M77.11", "mixed-rcts", "BJSM 2009")]
    [InlineData("cell-therapy-bmac", "M87.051", "rct-supported", "Hernigou")]
    [InlineData("cell-therapy-adipose", "M87.051", "no-evidence-found", "No published evidence")]
    [InlineData("cell-therapy-allogeneic", "M17.11", "negative-rct", "Mautner")]
    public void Evidence_TherapyTimesCondition_GradeAndCitationFromReference(string therapy, string icd, string grade, string citation)
    {
        var indication = Assert.Single(new PatientBuilder().Condition(icd, arcoStage: icd.StartsWith("M87.05", StringComparison.Ordinal) ? "II" : null)
            .LongConservativeCare().Screen(new TherapyId(therapy)).Indications);
        Assert.Equal(grade, indication.Evidence.Grade.Id);
        Assert.Contains(citation, indication.Evidence.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_GradeDoesNotChangeVerdict_NegativeRctStillEligible() =>
        new PatientBuilder().Condition("M17.11").Screen(TherapyId.CellTherapyBmac).Is(Verdict.Eligible);

    [Theory]
    [InlineData("rct-supported", "en", "randomised")]
    [InlineData("rct-supported", "nl", "gerandomiseerde")]
    [InlineData("no-evidence-found", "en", "no published evidence")]
    [InlineData("no-evidence-found", "nl", "geen gepubliceerd bewijs")]
    [InlineData("negative-rct", "en", "no better")]
    public void EvidenceGrade_PlainWords_InLanguage(string grade, string language, string expected) =>
        Assert.Contains(expected, EvidenceGrade.Parse(grade).PlainWords(language), StringComparison.Ordinal);

    [Fact]
    public void EvidenceGrade_RequiresAcknowledgement_OnlyNegativeAndNone() =>
        Assert.Equal(["negative-rct", "no-evidence-found"], EvidenceGrade.All.Where(g => g.RequiresAcknowledgement).Select(g => g.Id));

    [Fact]
    public void Verdict_AbsoluteBeatsNotIndicated_Contraindicated() =>
        new PatientBuilder().Condition("Z33.1").Screen(TherapyId.CellTherapyBmac).Is(Verdict.Contraindicated);

    [Fact]
    public void Verdict_RelativeWithoutIndication_NotIndicated() =>
        new PatientBuilder().Condition("J44.9").Screen(TherapyId.Hbot).Is(Verdict.NotIndicated).Fires("HBOT-REL-COPD");

    [Fact]
    public void Verdict_AllFindingsReported_NotOnlyStrongest()
    {
        var result = PatientBuilder.Mronj().Condition("J93.9").Condition("J44.9").Condition("F40.240").Medication("A10AE04").Screen(TherapyId.Hbot);
        Assert.Equal(["HBOT-ABS-001", "HBOT-REL-COPD", "HBOT-REL-CLAUS", "HBOT-PRE-GLUCOSE"], result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void ScreenAll_EveryTherapyInReferenceOrder()
    {
        var results = Screening.ScreenAll(new PatientBuilder().Build(), PatientBuilder.Today, ScreeningSettings.Default);
        Assert.Equal(["hbot", "ozone-injection", "ozone-autohemotherapy", "ozone-insufflation", "prolotherapy",
            "cell-therapy-bmac", "cell-therapy-adipose", "cell-therapy-allogeneic"], results.Select(r => r.Therapy.Value));
        Assert.All(results, r => Assert.Equal(KnowledgeBase.Default.RuleSetVersion, r.RuleSetVersion));
    }
}

public sealed class UncodedRuleTests
{
    private static PatientFacts With(ConditionFact? condition = null, MedicationFact? medication = null) =>
        PatientBuilder.Mronj().Build() with
        {
            Conditions = [.. PatientBuilder.Mronj().Build().Conditions, .. condition is null ? Array.Empty<ConditionFact>() : [condition]],
            Medications = medication is null ? [] : [medication],
        };

    [Fact]
    public void ALL_PRE_UNCODED_SnomedOnlyCondition_PrecautionOnEveryTherapy()
    {
        var facts = With(new ConditionFact(new Coding(CodeSystems.Snomed, "36118008"), "Pneumothorax", ConditionStatus.Active, null, null, null, "Condition/c9 36118008 active"));
        var results = Screening.ScreenAll(facts, PatientBuilder.Today, ScreeningSettings.Default);
        Assert.All(results, r => r.Fires("ALL-PRE-UNCODED"));
        Assert.Equal(Verdict.EligibleWithPrecautions, results[0].Verdict);
    }

    [Fact]
    public void ALL_PRE_UNCODED_RxNormOnlyMedication_Precaution() =>
        Screening.Screen(With(medication: new MedicationFact(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "855332"), MedicationStatus.Active, null, null, "MedicationStatement/m9 855332 active")),
            TherapyId.Hbot, PatientBuilder.Today, ScreeningSettings.Default).Fires("ALL-PRE-UNCODED");

    [Fact]
    public void ALL_PRE_UNCODED_ResolvedUncodedOrAllCoded_DoesNotFire()
    {
        var facts = With(new ConditionFact(new Coding(CodeSystems.Snomed, "36118008"), null, ConditionStatus.Resolved, null, null, null, "Condition/c9"));
        Screening.Screen(facts, TherapyId.Hbot, PatientBuilder.Today, ScreeningSettings.Default).Is(Verdict.Eligible).DoesNotFire("ALL-PRE-UNCODED");
    }
}
