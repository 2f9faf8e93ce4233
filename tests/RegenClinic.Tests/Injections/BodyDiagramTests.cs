using System.Xml.Linq;
using NodaTime;
using RegenClinic.Domain.Injections;
using RegenClinic.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class BodyDiagramTests
{
    private static ProlotherapySessionRecord Session(params (InjectionRegion Region, BodySide Side)[] sites) =>
        new(new LocalDate(2026, 11, 20), [.. sites.Select(s => new ProlotherapyInjection(s.Region, s.Side, InjectionPlacement.ExtraArticular, 0.5m, InjectionGuidance.Landmark, new ProlotherapySolution(15, 0)))]);

    [Fact]
    public void CountSites_OverCourse_BilateralCountsEachSide()
    {
        var course = new[]
        {
            Session((InjectionRegion.Knee, BodySide.Left), (InjectionRegion.Knee, BodySide.Left)),
            Session((InjectionRegion.Knee, BodySide.Bilateral), (InjectionRegion.LumbarSacroiliac, BodySide.NotApplicable)),
        };
        var counts = BodyDiagram.CountSites(course);
        Assert.Equal(3, counts[(InjectionRegion.Knee, BodySide.Left)]);
        Assert.Equal(1, counts[(InjectionRegion.Knee, BodySide.Right)]);
        Assert.Equal(1, counts[(InjectionRegion.LumbarSacroiliac, BodySide.NotApplicable)]);
    }

    [Fact]
    public void Render_IsWellFormedSvg_WithTitleDescAndCounts()
    {
        var svg = BodyDiagram.Render([Session((InjectionRegion.Knee, BodySide.Left), (InjectionRegion.Knee, BodySide.Left), (InjectionRegion.Shoulder, BodySide.Right))]);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", doc.Root!.Attribute("role")!.Value);
        Assert.Equal("Prolotherapy: sites treated over the course", doc.Root.Element(ns + "title")!.Value);
        Assert.Contains("Knee, left: 2 sites", doc.Root.Element(ns + "desc")!.Value, StringComparison.Ordinal);
        var sites = doc.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "site").ToList();
        Assert.Equal(13, sites.Count); // 5 regions × 2 sides + lumbar/sacroiliac left, midline, right
        var knee = sites.Single(g => (string?)g.Attribute("data-region") == "knee" && (string?)g.Attribute("data-side") == "left");
        Assert.Equal("2", knee.Attribute("data-count")!.Value);
        Assert.Equal("Knee, left: 2 sites", knee.Element(ns + "title")!.Value);
    }

    [Fact]
    public void Render_Dutch_UntreatedCourse()
    {
        var doc = XDocument.Parse(BodyDiagram.Render([], "nl"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("Nog geen plaatsen behandeld.", doc.Root!.Element(ns + "desc")!.Value);
    }
}
