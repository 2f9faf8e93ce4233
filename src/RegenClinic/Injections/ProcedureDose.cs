using RegenClinic.Domain.CellTherapy;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

/// <summary>The dose of a charted procedure as values, so each page can say it in the reader's language (the stored
/// <see cref="ProcedureRecord.Summary"/> stays the English line written when it was charted).</summary>
public sealed record ProcedureDose(
    ProcedureFamily Family,
    OzoneRoute? Route = null,
    InjectionRegion? Region = null,
    BodySide? Side = null,
    decimal? ConcentrationMicrogramsPerMl = null,
    decimal? GasVolumeMl = null,
    decimal? TotalOzoneMicrograms = null,
    decimal? BloodVolumeMl = null,
    int Sites = 0,
    decimal TotalVolumeMl = 0,
    IReadOnlyList<decimal>? DextrosePercents = null,
    CellProductKind? ProductKind = null,
    CellAdministrationRoute? AdministrationRoute = null,
    decimal? ProductVolumeMl = null,
    long? TotalNucleatedCells = null)
{
    public static ProcedureDose From(ProcedureRecord p)
    {
        switch (p.Family)
        {
            case ProcedureFamily.Ozone:
            {
                var o = ProcedureJson.Ozone(p);
                return new(p.Family, o.Route, o.Region, o.Side == BodySide.NotApplicable ? null : o.Side, o.ConcentrationMicrogramsPerMl, o.GasVolumeMl,
                    p.TotalOzoneMicrograms ?? o.TotalOzoneMicrograms, o.BloodVolumeMl, TotalVolumeMl: p.TotalVolumeMl);
            }
            case ProcedureFamily.Prolotherapy:
            {
                var s = ProcedureJson.Prolotherapy(p);
                return new(p.Family, Sites: s.Injections.Count, TotalVolumeMl: s.TotalVolumeMl,
                    DextrosePercents: [.. s.Injections.Select(i => i.Solution.DextrosePercent).Distinct()]);
            }
            default:
            {
                var c = ProcedureJson.CellTherapy(p).Record;
                return new(p.Family, TotalVolumeMl: p.TotalVolumeMl, ProductKind: c.Product.Kind, AdministrationRoute: c.Administration.Route,
                    ProductVolumeMl: c.Product.FinalProductVolumeMl, TotalNucleatedCells: c.Product.Counts.TotalNucleatedCells);
            }
        }
    }
}
