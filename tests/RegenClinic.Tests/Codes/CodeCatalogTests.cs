using RegenClinic.Codes;

namespace RegenClinic.Tests.Codes;

public sealed class CodeCatalogTests
{
    [Fact]
    public void Shared_LoadsAFewHundredRowsEach()
    {
        Assert.InRange(CodeCatalog.Shared.Count(CodeSystem.Icd10Cm), 300, 5000);
        Assert.InRange(CodeCatalog.Shared.Count(CodeSystem.Atc), 200, 5000);
    }

    [Theory]
    [InlineData("M87.180", "Osteonecrosis due to drugs, jaw")]
    [InlineData("M27.2", "Inflammatory conditions of jaws")]
    [InlineData("Z92.3", "Personal history of irradiation")]
    [InlineData("M54.50", "Low back pain, unspecified")]
    [InlineData("M51.16", "Intervertebral disc disorders with radiculopathy, lumbar region")]
    [InlineData("M17.11", "Unilateral primary osteoarthritis, right knee")]
    [InlineData("M77.11", "Lateral epicondylitis, right elbow")]
    [InlineData("M72.2", "Plantar fascial fibromatosis")]
    [InlineData("M79.7", "Fibromyalgia")]
    [InlineData("F40.240", "Claustrophobia")]
    [InlineData("D55.0", "Anemia due to glucose-6-phosphate dehydrogenase [G6PD] deficiency")]
    [InlineData("Z33.1", "Pregnant state, incidental")]
    public void TryGetDisplay_Icd10Cm_ReferenceCodes(string code, string display)
    {
        Assert.True(CodeCatalog.Shared.TryGetDisplay(CodeSystem.Icd10Cm, code, out var found));
        Assert.Equal(display, found);
    }

    [Theory]
    [InlineData("N01BB02", "lidocaine")]
    [InlineData("L01DB01", "doxorubicin")]
    [InlineData("L01DC01", "bleomycin")]
    [InlineData("L01XA01", "cisplatin")]
    [InlineData("N07BB01", "disulfiram")]
    [InlineData("D06BA03", "mafenide")]
    [InlineData("M05BX04", "denosumab")]
    [InlineData("M05BA08", "zoledronic acid")]
    [InlineData("B01AF02", "apixaban")]
    public void TryGetDisplay_Atc_ReferenceCodes(string code, string display)
    {
        Assert.True(CodeCatalog.Shared.TryGetDisplay(CodeSystem.Atc, code, out var found));
        Assert.Equal(display, found);
    }

    [Fact]
    public void TryGetDisplay_IsCaseAndDotInsensitive_AndMissesUnknown()
    {
        Assert.True(CodeCatalog.Shared.TryGetDisplay(CodeSystem.Icd10Cm, "m87180", out _));
        Assert.False(CodeCatalog.Shared.TryGetDisplay(CodeSystem.Icd10Cm, "N01BB02", out _));
        Assert.False(CodeCatalog.Shared.TryGetDisplay(CodeSystem.Atc, "", out _));
    }

    [Fact]
    public void Search_ByCodePrefix_ExactFirstThenShortest()
    {
        var results = CodeCatalog.Shared.Search(CodeSystem.Icd10Cm, "m17", 5);
        Assert.Equal(["M17", "M17.0", "M17.1", "M17.2", "M17.3"], results.Select(r => r.Code));
    }

    [Fact]
    public void Search_ByDisplayWords_AnyOrderCaseInsensitive()
    {
        var results = CodeCatalog.Shared.Search(CodeSystem.Icd10Cm, "KNEE osteo", 50);
        Assert.Contains(results, r => r.Code == "M17.9");
        Assert.All(results, r =>
        {
            Assert.Contains("knee", r.Display, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("osteo", r.Display, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Search_Atc_ByName()
    {
        var results = CodeCatalog.Shared.Search(CodeSystem.Atc, "lidocaine", 10);
        Assert.Equal(["C01BB01", "D04AB01", "N01BB02", "N01BB52"], results.Select(r => r.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_RespectsLimit_AndEmptyQueryGivesNothing()
    {
        Assert.Equal(3, CodeCatalog.Shared.Search(CodeSystem.Icd10Cm, "C", 3).Count);
        Assert.Empty(CodeCatalog.Shared.Search(CodeSystem.Icd10Cm, "  ", 10));
        Assert.Empty(CodeCatalog.Shared.Search(CodeSystem.Icd10Cm, "M17", 0));
        Assert.Empty(CodeCatalog.Shared.Search(CodeSystem.Icd10Cm, "zzzz", 10));
    }

    [Fact]
    public void ParseTsv_MalformedLine_Throws()
    {
        using var reader = new StringReader("A01\tgood\nbad-line-without-tab\n");
        Assert.Throws<InvalidDataException>(() => CodeCatalog.ParseTsv(CodeSystem.Atc, reader).ToList());
    }

    [Fact]
    public void Catalog_DuplicateCode_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new CodeCatalog([new(CodeSystem.Atc, "A01", "x"), new(CodeSystem.Atc, "a01", "y")]));
}
