using RegenClinic.Codes;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Tests.Codes;

public sealed class MedicationClassTests
{
    [Theory]
    [InlineData("M05BA08", MedicationClass.Antiresorptive)]
    [InlineData("M05BX04", MedicationClass.Antiresorptive)]
    [InlineData("H02AB06", MedicationClass.Corticosteroid)]
    [InlineData("B01AA03", MedicationClass.Anticoagulant)]
    [InlineData("B01AB05", MedicationClass.Anticoagulant)]
    [InlineData("B01AE07", MedicationClass.Anticoagulant)]
    [InlineData("b01af02", MedicationClass.Anticoagulant)]
    [InlineData("L01DB01", MedicationClass.ChemotherapyOfReference)]
    [InlineData("L01DC01", MedicationClass.ChemotherapyOfReference)]
    [InlineData("L01XA01", MedicationClass.ChemotherapyOfReference)]
    [InlineData("N07BB01", MedicationClass.HbotInteractingDrug)]
    [InlineData("D06BA03", MedicationClass.HbotInteractingDrug)]
    [InlineData("C09AA05", MedicationClass.AceInhibitor)]
    [InlineData("A10AE04", MedicationClass.Insulin)]
    [InlineData("A10BB12", MedicationClass.Sulfonylurea)]
    [InlineData("M01AE01", MedicationClass.Nsaid)]
    [InlineData("N02BE01", MedicationClass.Analgesic)]
    [InlineData("N01BB02", MedicationClass.AmideLocalAnaesthetic)]
    public void Of_RecognisesClassByAtcPrefix(string atc, MedicationClass expected) =>
        Assert.Contains(expected, MedicationClasses.Of(atc));

    [Theory]
    [InlineData("M05BX03")] // strontium ranelate: not antiresorptive by our list
    [InlineData("M05B")]    // a broader group is not enough
    [InlineData("B01AC06")] // aspirin: antiplatelet, not an anticoagulant of the reference
    [InlineData("L01XA02")] // carboplatin: not cisplatin
    [InlineData("H02AA02")] // fludrocortisone: mineralocorticoid
    [InlineData("")]
    public void Of_NegativeCases_NoClassOfInterest(string atc)
    {
        var classes = MedicationClasses.Of(atc);
        Assert.DoesNotContain(MedicationClass.Antiresorptive, classes);
        Assert.DoesNotContain(MedicationClass.Anticoagulant, classes);
        Assert.DoesNotContain(MedicationClass.ChemotherapyOfReference, classes);
        Assert.DoesNotContain(MedicationClass.Corticosteroid, classes);
    }

    [Fact]
    public void Of_BundledCodes_AllReferenceChemotherapyAreInCatalog()
    {
        foreach (var code in new[] { "L01DB01", "L01DC01", "L01XA01" })
        {
            Assert.True(CodeCatalog.Shared.TryGetDisplay(CodeSystem.Atc, code, out _));
            Assert.True(MedicationClasses.Is(code, MedicationClass.ChemotherapyOfReference));
        }
    }
}
