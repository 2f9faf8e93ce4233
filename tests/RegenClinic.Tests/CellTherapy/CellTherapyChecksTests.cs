using NodaTime;
using RegenClinic.Domain.CellTherapy;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.CellTherapy;

public sealed class CellTherapyChecksTests
{
    private static readonly Instant Harvested = Instant.FromUtc(2026, 11, 20, 9, 0);

    private static CellTherapyProcedureRecord Bmac(decimal aspirated = 60, decimal product = 5, decimal administered = 5, HarvestSite site = HarvestSite.PosteriorIliacCrest,
        CellCounts? counts = null, Instant? administeredAt = null) =>
        new(new CellProduct(CellProductKind.Bmac, new HarvestRecord(site, BodySide.Left, aspirated, Harvested), null, ProcessingMethod.CentrifugalConcentration, product, counts ?? new CellCounts()),
            new CellAdministration(CellAdministrationRoute.CoreDecompressionFemoralHead, InjectionRegion.Hip, BodySide.Left, InjectionGuidance.Fluoroscopy, administered, administeredAt ?? Harvested + Duration.FromMinutes(40)));

    private static List<string> Codes(CellTherapyProcedureRecord record) => CellTherapyChecks.CheckProcedure(record).Select(f => f.Code).ToList();

    [Fact]
    public void ValidBmacWithCoreDecompression_NoFindings() =>
        Assert.Empty(Codes(Bmac(counts: new CellCounts(1_200_000_000, 2_400, 96.5m))));

    [Fact]
    public void Bmac_FromAbdomen_IsInvalid() =>
        Assert.Contains("cell.harvest.site-not-iliac-crest", Codes(Bmac(site: HarvestSite.Abdomen)));

    [Theory]
    [InlineData(5, null)]
    [InlineData(5.1, "cell.administered-volume.above-product")]
    [InlineData(0, "cell.administered-volume.not-positive")]
    public void AdministeredVolume_NotMoreThanProduct(double administered, string? code) =>
        Assert.Equal(code, Codes(Bmac(administered: (decimal)administered)).SingleOrDefault());

    [Theory]
    [InlineData(100, false)]
    [InlineData(100.1, true)]
    [InlineData(-0.1, true)]
    public void Viability_0To100Percent(double viability, bool invalid) =>
        Assert.Equal(invalid, Codes(Bmac(counts: new CellCounts(ViabilityPercent: (decimal)viability))).Contains("cell.counts.viability-out-of-range"));

    [Fact]
    public void ProductLargerThanAspirate_IsCautionOnly()
    {
        var findings = CellTherapyChecks.CheckProcedure(Bmac(aspirated: 4, product: 5));
        Assert.Equal(FindingKind.Caution, findings.Single().Kind);
    }

    [Fact]
    public void AdministrationBeforeHarvest_IsInvalid() =>
        Assert.Contains("cell.administration.before-harvest", Codes(Bmac(administeredAt: Harvested - Duration.FromMinutes(1))));

    [Fact]
    public void CoreDecompression_AtKnee_IsInvalid()
    {
        var record = Bmac();
        Assert.Contains("cell.administration.core-decompression-not-hip", Codes(record with { Administration = record.Administration with { Region = InjectionRegion.Knee } }));
    }

    [Fact]
    public void Allogeneic_NeedsLotOrDonorAndSupplier_NoHarvest()
    {
        var admin = new CellAdministration(CellAdministrationRoute.IntraArticular, InjectionRegion.Knee, BodySide.Right, InjectionGuidance.Ultrasound, 4, Harvested);
        CellTherapyProcedureRecord Allo(AllogeneicSource? source) =>
            new(new CellProduct(CellProductKind.Allogeneic, null, source, ProcessingMethod.CultureExpansion, 4, new CellCounts()), admin);

        Assert.Empty(Codes(Allo(new AllogeneicSource("LOT-77", null, "Supplier Inc."))));
        Assert.Empty(Codes(Allo(new AllogeneicSource(null, "DONOR-9", "Supplier Inc."))));
        Assert.Equal(["cell.allogeneic-source.identifier-missing"], Codes(Allo(new AllogeneicSource(null, " ", "Supplier Inc."))));
        Assert.Equal(["cell.allogeneic-source.supplier-missing"], Codes(Allo(new AllogeneicSource("LOT-77", null, ""))));
        Assert.Equal(["cell.allogeneic-source.missing"], Codes(Allo(null)));
    }

    [Fact]
    public void Autologous_WithoutHarvest_IsInvalid()
    {
        var record = Bmac();
        Assert.Contains("cell.harvest.missing", Codes(record with { Product = record.Product with { Harvest = null } }));
    }
}
