using System.Globalization;
using System.Text;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

/// <summary>A simple front/back body outline as an SVG string, with the prolotherapy regions marked and the number of
/// sites treated over a course in each. Server-rendered, no script; the <c>title</c>/<c>desc</c> pair and a
/// <c>title</c> on each marker give the text alternative. The front view is drawn facing the viewer, so the
/// patient's right is on the viewer's left; the back view has the patient's left on the viewer's left.</summary>
public static class BodyDiagram
{
    private const int FrontX = 100;
    private const int BackX = 300;

    /// <summary>Counts the injection rows per region and side over the course: a bilateral row counts once on each
    /// side; a lumbar/sacroiliac row without a side counts at the midline.</summary>
    public static IReadOnlyDictionary<(InjectionRegion Region, BodySide Side), int> CountSites(IEnumerable<ProlotherapySessionRecord> course)
    {
        var counts = new Dictionary<(InjectionRegion, BodySide), int>();
        foreach (var injection in course.SelectMany(s => s.Injections))
        {
            IEnumerable<BodySide> sides = injection.Side switch
            {
                BodySide.Bilateral => [BodySide.Left, BodySide.Right],
                _ => [injection.Side],
            };
            foreach (var side in sides)
            {
                var key = (injection.Region, side);
                counts[key] = checked(counts.GetValueOrDefault(key) + 1);
            }
        }

        return counts;
    }

    public static string Render(IEnumerable<ProlotherapySessionRecord> course, string language = "en", string idPrefix = "body-diagram") =>
        Render(CountSites(course), language, idPrefix);

    /// <summary>Renders the diagram. <paramref name="idPrefix"/> keeps element ids unique when a page shows several.</summary>
    public static string Render(IReadOnlyDictionary<(InjectionRegion Region, BodySide Side), int> counts, string language = "en", string idPrefix = "body-diagram")
    {
        var dutch = language.StartsWith("nl", StringComparison.OrdinalIgnoreCase);
        var title = dutch ? "Prolotherapie: behandelde plaatsen in deze kuur" : "Prolotherapy: sites treated over the course";
        var prefix = Escape(idPrefix);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 430\" width=\"400\" height=\"430\" role=\"img\" aria-labelledby=\"{prefix}-title {prefix}-desc\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{prefix}-title\">{Escape(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{prefix}-desc\">{Escape(Describe(counts, dutch))}</desc>");
        Outline(sb, FrontX);
        Outline(sb, BackX);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{FrontX}\" y=\"420\" text-anchor=\"middle\" font-size=\"14\" font-family=\"sans-serif\">{(dutch ? "Voorzijde" : "Front")}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{BackX}\" y=\"420\" text-anchor=\"middle\" font-size=\"14\" font-family=\"sans-serif\">{(dutch ? "Achterzijde" : "Back")}</text>");
        SideLetters(sb, FrontX, patientRightOnViewerLeft: true);
        SideLetters(sb, BackX, patientRightOnViewerLeft: false);

        foreach (var region in InjectionRegions.All)
        {
            IEnumerable<BodySide> sides = region == InjectionRegion.LumbarSacroiliac
                ? [BodySide.Left, BodySide.NotApplicable, BodySide.Right]
                : [BodySide.Left, BodySide.Right];
            foreach (var side in sides)
            {
                var (x, y) = Position(region, side);
                Marker(sb, region, side, x, y, counts.GetValueOrDefault((region, side)), dutch);
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static (int X, int Y) Position(InjectionRegion region, BodySide side)
    {
        if (region == InjectionRegion.LumbarSacroiliac)
        {
            // Back view: the patient's left is on the viewer's left.
            var offset = side switch { BodySide.Left => -14, BodySide.Right => 14, _ => 0 };
            return (BackX + offset, side == BodySide.NotApplicable ? 150 : 178);
        }

        // Front view: the patient's right is on the viewer's left.
        var s = side == BodySide.Right ? -1 : 1;
        return region switch
        {
            InjectionRegion.Shoulder => (FrontX + (s * 38), 68),
            InjectionRegion.Elbow => (FrontX + (s * 55), 132),
            InjectionRegion.Hip => (FrontX + (s * 26), 186),
            InjectionRegion.Knee => (FrontX + (s * 21), 290),
            InjectionRegion.AnkleFoot => (FrontX + (s * 24), 378),
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
        };
    }

    private static void Outline(StringBuilder sb, int cx)
    {
        var i = CultureInfo.InvariantCulture;
        sb.Append(i, $"<g fill=\"none\" stroke=\"#9aa5b1\" stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\">");
        sb.Append(i, $"<circle cx=\"{cx}\" cy=\"32\" r=\"18\" stroke-width=\"3\"/>");
        sb.Append(i, $"<path d=\"M{cx - 36} 62 Q{cx} 52 {cx + 36} 62 L{cx + 30} 190 L{cx - 30} 190 Z\" stroke-width=\"3\"/>");
        sb.Append(i, $"<path d=\"M{cx - 38} 66 L{cx - 55} 132 L{cx - 62} 205\" stroke-width=\"12\"/>");
        sb.Append(i, $"<path d=\"M{cx + 38} 66 L{cx + 55} 132 L{cx + 62} 205\" stroke-width=\"12\"/>");
        sb.Append(i, $"<path d=\"M{cx - 18} 192 L{cx - 21} 290 L{cx - 24} 372 L{cx - 36} 384\" stroke-width=\"14\"/>");
        sb.Append(i, $"<path d=\"M{cx + 18} 192 L{cx + 21} 290 L{cx + 24} 372 L{cx + 36} 384\" stroke-width=\"14\"/>");
        sb.Append("</g>");
    }

    private static void SideLetters(StringBuilder sb, int cx, bool patientRightOnViewerLeft)
    {
        // R/L read the same in English and Dutch (rechts/links).
        const string right = "R";
        const string left = "L";
        var (viewerLeft, viewerRight) = patientRightOnViewerLeft ? (right, left) : (left, right);
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx - 85}\" y=\"20\" font-size=\"13\" font-family=\"sans-serif\" fill=\"#52606d\">{viewerLeft}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx + 78}\" y=\"20\" font-size=\"13\" font-family=\"sans-serif\" fill=\"#52606d\">{viewerRight}</text>");
    }

    private static void Marker(StringBuilder sb, InjectionRegion region, BodySide side, int x, int y, int count, bool dutch)
    {
        var i = CultureInfo.InvariantCulture;
        var label = Label(region, side, count, dutch);
        sb.Append(i, $"<g class=\"site\" data-region=\"{region.Code()}\" data-side=\"{SideCode(side)}\" data-count=\"{count}\">");
        sb.Append(i, $"<title>{Escape(label)}</title>");
        if (count > 0)
        {
            sb.Append(i, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"11\" fill=\"#c2410c\" stroke=\"#7c2d12\" stroke-width=\"1.5\"/>");
            sb.Append(i, $"<text x=\"{x}\" y=\"{y + 4}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" font-family=\"sans-serif\" fill=\"#ffffff\">{count}</text>");
        }
        else
        {
            sb.Append(i, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"5\" fill=\"#ffffff\" stroke=\"#9aa5b1\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"/>");
        }

        sb.Append("</g>");
    }

    private static string Describe(IReadOnlyDictionary<(InjectionRegion Region, BodySide Side), int> counts, bool dutch)
    {
        var treated = counts.Where(kv => kv.Value > 0)
            .OrderBy(kv => kv.Key.Region).ThenBy(kv => kv.Key.Side)
            .Select(kv => Label(kv.Key.Region, kv.Key.Side, kv.Value, dutch))
            .ToList();
        if (treated.Count == 0)
        {
            return dutch ? "Nog geen plaatsen behandeld." : "No sites treated yet.";
        }

        return string.Join("; ", treated) + ".";
    }

    private static string Label(InjectionRegion region, BodySide side, int count, bool dutch)
    {
        var name = dutch ? region.DisplayNl() : region.DisplayEn();
        var sideText = side switch
        {
            BodySide.Left => dutch ? "links" : "left",
            BodySide.Right => dutch ? "rechts" : "right",
            BodySide.Bilateral => dutch ? "beiderzijds" : "both sides",
            _ => dutch ? "midden" : "midline",
        };
        var sites = dutch ? (count == 1 ? "plaats" : "plaatsen") : (count == 1 ? "site" : "sites");
        return string.Create(CultureInfo.InvariantCulture, $"{name}, {sideText}: {count} {sites}");
    }

    private static string SideCode(BodySide side) => side switch
    {
        BodySide.Left => "left",
        BodySide.Right => "right",
        BodySide.Bilateral => "bilateral",
        _ => "midline",
    };

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);
}
