using RegenClinic.Domain.Injections;

namespace RegenClinic.Domain.CellTherapy;

/// <summary>Entry checks for a cell-therapy procedure record. These are consistency rules, not clinical limits: each
/// finding is an <see cref="FindingKind.InvalidEntry"/> except where noted.</summary>
public static class CellTherapyChecks
{
    public static IReadOnlyList<ProcedureFinding> CheckProcedure(CellTherapyProcedureRecord record)
    {
        var findings = new List<ProcedureFinding>();
        var product = record.Product;
        CheckSource(product, findings);

        if (product.FinalProductVolumeMl <= 0)
        {
            findings.Add(Invalid("cell.product-volume.not-positive", "finalProductVolume", "Final product volume must be greater than 0 mL."));
        }

        if (product.Counts.TotalNucleatedCells is < 0)
        {
            findings.Add(Invalid("cell.counts.nucleated-negative", "totalNucleatedCells", "Nucleated cell count cannot be negative."));
        }

        if (product.Counts.CfuF is < 0)
        {
            findings.Add(Invalid("cell.counts.cfu-f-negative", "cfuF", "CFU-F count cannot be negative."));
        }

        if (product.Counts.ViabilityPercent is { } viability && (viability < 0 || viability > 100))
        {
            findings.Add(Invalid("cell.counts.viability-out-of-range", "viability", "Viability is a percentage from 0 to 100."));
        }

        var admin = record.Administration;
        if (admin.VolumeAdministeredMl <= 0)
        {
            findings.Add(Invalid("cell.administered-volume.not-positive", "volumeAdministered", "Administered volume must be greater than 0 mL."));
        }
        else if (product.FinalProductVolumeMl > 0 && admin.VolumeAdministeredMl > product.FinalProductVolumeMl)
        {
            findings.Add(Invalid("cell.administered-volume.above-product", "volumeAdministered",
                $"Administered {admin.VolumeAdministeredMl} mL is more than the {product.FinalProductVolumeMl} mL of product."));
        }

        if (admin.Route == CellAdministrationRoute.CoreDecompressionFemoralHead && admin.Region != InjectionRegion.Hip)
        {
            findings.Add(Invalid("cell.administration.core-decompression-not-hip", "region", "Core decompression of the femoral head is at the hip."));
        }

        if (admin.Side == BodySide.NotApplicable)
        {
            findings.Add(Invalid("cell.administration.side-missing", "side", "Record the side treated."));
        }

        if (product.Harvest is { } harvest && admin.AdministeredAt < harvest.HarvestedAt)
        {
            findings.Add(Invalid("cell.administration.before-harvest", "administeredAt", "Administration is recorded before the harvest."));
        }

        return findings;
    }

    private static void CheckSource(CellProduct product, List<ProcedureFinding> findings)
    {
        if (product.Kind.IsAutologous())
        {
            if (product.Allogeneic is not null)
            {
                findings.Add(Invalid("cell.allogeneic-source.not-applicable", "allogeneic", "An autologous product has no lot, donor or supplier."));
            }

            if (product.Harvest is not { } harvest)
            {
                findings.Add(Invalid("cell.harvest.missing", "harvest", "Record the harvest of an autologous product."));
                return;
            }

            var iliac = harvest.Site is HarvestSite.PosteriorIliacCrest or HarvestSite.AnteriorIliacCrest;
            if (product.Kind == CellProductKind.Bmac && !iliac)
            {
                findings.Add(Invalid("cell.harvest.site-not-iliac-crest", "harvest.site", "Bone marrow is aspirated from the iliac crest."));
            }

            if (product.Kind == CellProductKind.Adipose && iliac)
            {
                findings.Add(Invalid("cell.harvest.site-not-adipose", "harvest.site", "Adipose tissue is harvested from abdomen, flank or thigh."));
            }

            if (harvest.VolumeAspiratedMl <= 0)
            {
                findings.Add(Invalid("cell.harvest.volume-not-positive", "harvest.volumeAspirated", "Volume aspirated must be greater than 0 mL."));
            }
            else if (product.FinalProductVolumeMl > harvest.VolumeAspiratedMl)
            {
                findings.Add(new("cell.product-volume.above-aspirate", FindingKind.Caution, "finalProductVolume",
                    $"Final product ({product.FinalProductVolumeMl} mL) exceeds the volume aspirated ({harvest.VolumeAspiratedMl} mL): check for dilution or a typing error."));
            }

            return;
        }

        if (product.Harvest is not null)
        {
            findings.Add(Invalid("cell.harvest.not-applicable", "harvest", "An allogeneic product has no harvest from this patient."));
        }

        if (product.Allogeneic is not { } source)
        {
            findings.Add(Invalid("cell.allogeneic-source.missing", "allogeneic", "Record the lot or donor identifier and the supplier."));
            return;
        }

        if (string.IsNullOrWhiteSpace(source.LotNumber) && string.IsNullOrWhiteSpace(source.DonorId))
        {
            findings.Add(Invalid("cell.allogeneic-source.identifier-missing", "allogeneic.lotNumber", "Record the lot number or the donor identifier."));
        }

        if (string.IsNullOrWhiteSpace(source.Supplier))
        {
            findings.Add(Invalid("cell.allogeneic-source.supplier-missing", "allogeneic.supplier", "Record the supplier."));
        }
    }

    private static ProcedureFinding Invalid(string code, string field, string message) => new(code, FindingKind.InvalidEntry, field, message);
}
