using System.Xml.Linq;
using NodaTime;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class DiveProfilePlotTests
{
    [Fact]
    public void Svg_PlannedAndTelemetry_IsValidSvgWithBothSeriesAndO2Shading()
    {
        var t0 = Instant.FromUtc(2027, 1, 4, 9, 0);
        var table = TreatmentTables.Elective24;
        var telemetry = ChamberSimulator.Simulate(table, ChamberKind.Multiplace, t0, 1, SimulatedFaults.None);

        var svg = DiveProfilePlot.Svg(table.PlannedProfile(), telemetry, t0, 800, 400, "2.4-90");

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Contains(DiveProfilePlot.PlannedLegend, svg, StringComparison.Ordinal);
        Assert.Contains(DiveProfilePlot.ActualLegend, svg, StringComparison.Ordinal);
        Assert.Contains(DiveProfilePlot.OxygenLegend, svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_PlannedOnly_HasNoActualSeries()
    {
        var svg = DiveProfilePlot.Svg(TreatmentTables.Monoplace25.PlannedProfile(), actual: null);
        Assert.Equal("svg", XDocument.Parse(svg).Root!.Name.LocalName);
        Assert.Contains(DiveProfilePlot.PlannedLegend, svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + DiveProfilePlot.ActualLegend + "<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void OxygenPeriods_Elective24_ThreePeriodsMergedAcrossDecompression()
    {
        Assert.Equal([(15.0, 45.0), (50.0, 80.0), (85.0, 125.0)], DiveProfilePlot.OxygenPeriods(TreatmentTables.Elective24.PlannedProfile()));
    }
}
