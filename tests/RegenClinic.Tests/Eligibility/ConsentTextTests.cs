using RegenClinic.Domain.Eligibility;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Eligibility;

public sealed class ConsentTextTests
{
    [Fact]
    public void ConsentText_Dutch_DescriptionRisksAlternativesAndEvidence()
    {
        var result = PatientBuilder.KneeOa().Screen(TherapyId.Prolotherapy);
        var text = ConsentText.For(result, "nl");
        Assert.Equal("Prolotherapie", text.Therapy);
        Assert.Contains("dextrose", text.Description, StringComparison.Ordinal);
        Assert.NotEmpty(text.Risks);
        Assert.NotEmpty(text.Alternatives);
        var evidence = Assert.Single(text.Evidence);
        Assert.Equal("Knieartrose: ondersteund door een of enkele kleine gerandomiseerde studies (Rabago et al., Ann Fam Med 2013;11:229-37)", evidence.ToString());
        Assert.False(evidence.RequiresAcknowledgement);
    }

    [Fact]
    public void ConsentText_NegativeTrial_SaysSoAndNeedsAcknowledgement()
    {
        var evidence = Assert.Single(ConsentText.For(new PatientBuilder().Condition("M17.11").Screen(TherapyId.CellTherapyAdipose), "en").Evidence);
        Assert.Equal(EvidenceGrade.NegativeRct, evidence.Grade);
        Assert.Contains("no better than the comparison", evidence.PlainWords, StringComparison.Ordinal);
        Assert.True(evidence.RequiresAcknowledgement);
    }
}
