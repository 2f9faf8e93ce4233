using RegenClinic.Domain.CellTherapy;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.CellTherapy;

public sealed class RegulatoryClassifierTests
{
    private static RegulatoryClassification Us(RegulatoryFacts facts) =>
        RegulatoryClassifier.Classify("US", facts, ManipulationAssumptions.Default);

    [Fact]
    public void NonUsClinic_NotApplicable()
    {
        var result = RegulatoryClassifier.Classify("NL", new(CellProductKind.Allogeneic, ProcessingMethod.CultureExpansion, false, false, false), ManipulationAssumptions.Default);
        Assert.Equal(RegulatoryPathway.NotApplicable, result.Pathway);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Bmac_CentrifugedHomologous_IsSection361()
    {
        var result = Us(new(CellProductKind.Bmac, ProcessingMethod.CentrifugalConcentration, HomologousUse: true, SameSurgicalProcedure: true, CombinedWithOtherArticle: false));
        Assert.Equal(RegulatoryPathway.Section361HctP, result.Pathway);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Bmac_CentrifugedNonHomologous_IsSection351Blocked()
    {
        var result = Us(new(CellProductKind.Bmac, ProcessingMethod.CentrifugalConcentration, HomologousUse: false, SameSurgicalProcedure: true, CombinedWithOtherArticle: false));
        Assert.Equal(RegulatoryPathway.Section351Biologic, result.Pathway);
        Assert.Equal(FindingKind.RegulatoryBlock, Assert.Single(result.Findings).Kind);
    }

    [Fact]
    public void Bmac_SameSurgicalProcedure_CentrifugationAllowedByClinic_IsException()
    {
        var assumptions = ManipulationAssumptions.Default with { SameSurgicalProcedureAllowsCentrifugation = true };
        var result = RegulatoryClassifier.Classify("US", new(CellProductKind.Bmac, ProcessingMethod.CentrifugalConcentration, false, true, false), assumptions);
        Assert.Equal(RegulatoryPathway.SameSurgicalProcedureException, result.Pathway);
    }

    [Fact]
    public void Autologous_UnprocessedSameProcedure_IsSameSurgicalProcedureException()
    {
        var result = Us(new(CellProductKind.Adipose, ProcessingMethod.None, HomologousUse: false, SameSurgicalProcedure: true, CombinedWithOtherArticle: false));
        Assert.Equal(RegulatoryPathway.SameSurgicalProcedureException, result.Pathway);
        Assert.Contains("1271.15(b)", result.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Adipose_EnzymaticSvf_IsMoreThanMinimal_Section351()
    {
        var result = Us(new(CellProductKind.Adipose, ProcessingMethod.EnzymaticDigestion, HomologousUse: true, SameSurgicalProcedure: true, CombinedWithOtherArticle: false));
        Assert.Equal(RegulatoryPathway.Section351Biologic, result.Pathway);
        Assert.Equal("cell.regulatory.section-351", result.Findings.Single().Code);
    }

    [Fact]
    public void Adipose_Microfragmented_NeedsReview_Overridable()
    {
        var result = Us(new(CellProductKind.Adipose, ProcessingMethod.MechanicalMicrofragmentation, true, false, false));
        Assert.Equal(RegulatoryPathway.ReviewRequired, result.Pathway);
        Assert.True(result.Findings.Single().Overridable);
    }

    [Fact]
    public void CultureExpanded_Autologous_IsSection351()
    {
        Assert.Equal(RegulatoryPathway.Section351Biologic, Us(new(CellProductKind.Bmac, ProcessingMethod.CultureExpansion, true, false, false)).Pathway);
    }

    [Fact]
    public void Allogeneic_UnrelatedDonor_IsSection351_EvenIfMinimallyManipulated()
    {
        var result = Us(new(CellProductKind.Allogeneic, ProcessingMethod.None, true, false, false));
        Assert.Equal(RegulatoryPathway.Section351Biologic, result.Pathway);
        Assert.False(FindingReview.Evaluate(result.Findings, [new("cell.regulatory.section-351", "dr-1", "patient insists")]).CanSave);
    }

    [Fact]
    public void Allogeneic_RelatedDonor_MinimalHomologous_IsSection361()
    {
        var result = Us(new(CellProductKind.Allogeneic, ProcessingMethod.None, true, false, false, AllogeneicDonorIsFirstOrSecondDegreeRelative: true));
        Assert.Equal(RegulatoryPathway.Section361HctP, result.Pathway);
    }

    [Fact]
    public void Section351_UnderInd_IsCautionNotBlock()
    {
        var result = Us(new(CellProductKind.Allogeneic, ProcessingMethod.CultureExpansion, true, false, false, IndNumber: "IND 12345"));
        Assert.Equal(RegulatoryPathway.Section351Biologic, result.Pathway);
        Assert.False(result.Findings.Single().Blocks);
    }

    [Fact]
    public void CombinedWithOtherArticle_IsSection351()
    {
        Assert.Equal(RegulatoryPathway.Section351Biologic, Us(new(CellProductKind.Bmac, ProcessingMethod.CentrifugalConcentration, true, false, true)).Pathway);
    }
}

public sealed class RegulatoryFactsTests
{
    [Fact]
    public void For_TakesKindProcessingAndDonorFromProduct()
    {
        var product = new CellProduct(CellProductKind.Allogeneic, null, new AllogeneicSource("LOT-1", null, "Supplier", DonorIsFirstOrSecondDegreeRelative: true),
            ProcessingMethod.None, 3, new CellCounts());
        var facts = RegulatoryFacts.For(product, homologousUse: true, sameSurgicalProcedure: false, combinedWithOtherArticle: false);
        Assert.Equal(CellProductKind.Allogeneic, facts.Kind);
        Assert.True(facts.AllogeneicDonorIsFirstOrSecondDegreeRelative);
        Assert.Equal(RegulatoryPathway.Section361HctP, RegulatoryClassifier.Classify("US", facts, ManipulationAssumptions.Default).Pathway);
    }
}
