using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Tests.Outcomes;

public sealed class LicensedItemTextTests
{
    private static string File(int items, string holder = "licence-holder: Example Clinic (Mapi licence 123)") =>
        holder + "\n# comment\n" + string.Join("\n", Enumerable.Range(1, items).Select(n => $"{n}\tPlaceholder wording {n}"));

    [Fact]
    public void Parse_AllTenSections_Loaded()
    {
        var text = LicensedItemText.Parse(Instruments.Oswestry, File(10));
        Assert.Equal(10, text.ItemTexts.Count);
        Assert.Equal("Placeholder wording 3", text.ItemTexts[2]);
        Assert.Equal("Example Clinic (Mapi licence 123)", text.LicenceHolder);
    }

    [Fact]
    public void Parse_NineSections_RefusedNamingTheMissingOne()
    {
        var ex = Assert.Throws<DomainException>(() => LicensedItemText.Parse(Instruments.Oswestry, File(9)));
        Assert.Equal("outcomes.item-text-invalid", ex.Code);
        Assert.Contains("10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoLicenceHolder_Refused() =>
        Assert.Throws<DomainException>(() => LicensedItemText.Parse(Instruments.Oswestry, File(10, holder: "")));

    [Fact]
    public void Parse_DuplicateItem_Refused() =>
        Assert.Throws<DomainException>(() => LicensedItemText.Parse(Instruments.Oswestry, File(10) + "\n3\tagain"));
}
