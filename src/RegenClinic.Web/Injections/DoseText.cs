using System.Globalization;
using Microsoft.Extensions.Localization;
using RegenClinic.Domain.Injections;
using RegenClinic.Injections;

namespace RegenClinic.Web.Injections;

/// <summary>A procedure's dose line in the reader's language and number format (the timeline and the course page).</summary>
public static class DoseText
{
    public static string Describe(ProcedureDose d, IStringLocalizer<InjectionsText> t)
    {
        var c = CultureInfo.CurrentCulture;
        string N(decimal? v) => (v ?? 0m).ToString("0.##", c);
        switch (d.Family)
        {
            case ProcedureFamily.Ozone:
            {
                var site = d.Region is { } r ? " " + t["region." + r.Code()] : "";
                var side = d.Side is { } s ? " " + t["side." + s].Value.ToLower(c) : "";
                var route = d.Route is { } ro ? t["route." + ro.Code()].Value : "";
                var blood = d.BloodVolumeMl is { } b ? t["dose.ozone.blood", N(b)].Value : "";
                return t["dose.ozone", route, site, side, N(d.ConcentrationMicrogramsPerMl), N(d.GasVolumeMl), N(d.TotalOzoneMicrograms)] + blood;
            }
            case ProcedureFamily.Prolotherapy:
                return t["dose.prolotherapy", d.Sites, N(d.TotalVolumeMl), string.Join("/", (d.DextrosePercents ?? []).Select(x => N(x)))];
            default:
            {
                var tnc = d.TotalNucleatedCells is { } n ? t["dose.cell.tnc", n.ToString("0.###E+0", c)].Value : "";
                return t["dose.cell", d.ProductKind is { } k ? t["kind." + k].Value : "", d.AdministrationRoute is { } a ? t["admin." + a].Value : "",
                    N(d.TotalVolumeMl), N(d.ProductVolumeMl)] + tnc;
            }
        }
    }
}
