using NodaTime;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Statistics;
using RegenClinic.Outcomes;

namespace RegenClinic.Tests.Outcomes;

public sealed class OutcomePlotsTests
{
    private static readonly LocalDate Start = new(2027, 1, 4);

    private static MeasuredScore[] NrsScores() =>
    [
        new(Start, 8), new(Start.PlusDays(11), 6), new(Start.PlusDays(25), 4), new(Start.PlusMonths(3).PlusDays(25), 3),
    ];

    [Fact]
    public void MeasureOverTime_Svg_HasSeriesSessionsAndBand()
    {
        var sessions = Enumerable.Range(0, 5).Select(i => Start.PlusDays(i * 5)).ToArray();
        var svg = OutcomePlots.MeasureOverTime(Instruments.PainNrs, NrsScores(), sessions);
        if (Environment.GetEnvironmentVariable("REGENCLINIC_PLOT_DIR") is { } dir)
        {
            File.WriteAllText(Path.Combine(dir, "measure.svg"), svg);
        }
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("Pain numeric rating scale", svg, StringComparison.Ordinal);
        Assert.Contains("Treatment session", svg, StringComparison.Ordinal);
        Assert.Contains("no meaningful change", svg, StringComparison.Ordinal);
        // Skia writes each dashed session line as a grey filled path of dash segments: 5 sessions plus the legend swatch.
        Assert.Equal(6, svg.Split("<path fill=\"gray\"").Length - 1);
        // The series line is drawn in black over the points.
        Assert.Contains("stroke=\"black\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureOverTime_WithArcoStages_StagesOnTheSamePlotWithRightAxisLabels()
    {
        var sessions = new[] { Start.PlusDays(5) };
        StageSeries[] stages = [new(StageScales.Arco2019,
            [new(Start.PlusDays(-10), StageScales.Arco2019.Parse("II")), new(Start.PlusMonths(3), StageScales.Arco2019.Parse("IIIA"))])];
        var svg = OutcomePlots.MeasureOverTime(Instruments.PainNrs, NrsScores(), sessions, stages: stages);
        if (Environment.GetEnvironmentVariable("REGENCLINIC_PLOT_DIR") is { } dir)
        {
            File.WriteAllText(Path.Combine(dir, "measure-stages.svg"), svg);
        }
        // Still one plot: scores, session, band and the stage series with its legend, axis title and each stage label.
        Assert.Single(svg.Split("<svg").Skip(1));
        Assert.Contains("Treatment session", svg, StringComparison.Ordinal);
        Assert.Contains("no meaningful change", svg, StringComparison.Ordinal);
        Assert.Contains("ARCO", svg, StringComparison.Ordinal);
        Assert.Contains("osteonecrosis stage (right axis)", svg, StringComparison.Ordinal);
        // Every ARCO stage is a tick on the right axis; the two observed stages are also labelled at their points.
        foreach (var label in StageScales.Arco2019.Stages.Select(s => s.Label))
        {
            var expected = label is "II" or "IIIA" ? 2 : 1;
            // Skia writes each text run on its own line inside <text>.
            Assert.Equal(expected, svg.Split('\n').Count(line => line.Trim() == label));
        }
    }

    [Fact]
    public void MeasureOverTime_NoStages_NoStageAxis()
    {
        var svg = OutcomePlots.MeasureOverTime(Instruments.PainNrs, NrsScores(), []);
        Assert.DoesNotContain("right axis", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureOverTime_NoThreshold_NoBand()
    {
        var svg = OutcomePlots.MeasureOverTime(Instruments.KoosJr, [new(Start, 50), new(Start.PlusMonths(3), 70)], []);
        Assert.Contains("KOOS JR", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("no meaningful change", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void KaplanMeier_Svg_HasCurveAndNumbersAtRisk()
    {
        SurvivalObservation[] observations =
        [
            new(6, true), new(6, true), new(6, true), new(6, false), new(7, true), new(9, false), new(10, true), new(10, false),
            new(11, false), new(13, true), new(16, true), new(17, false), new(19, false), new(20, false), new(22, true),
            new(23, true), new(25, false), new(32, false), new(32, false), new(34, false), new(35, false),
        ];
        var curve = KaplanMeier.Estimate(observations);
        var svg = OutcomePlots.KaplanMeierCurve(curve, "Time to hip replacement", "Weeks", [0, 10, 20, 30]);
        if (Environment.GetEnvironmentVariable("REGENCLINIC_PLOT_DIR") is { } dir)
        {
            File.WriteAllText(Path.Combine(dir, "km.svg"), svg);
        }
        Assert.Contains("Time to hip replacement", svg, StringComparison.Ordinal);
        Assert.Contains("Kaplan", svg, StringComparison.Ordinal);
        // Numbers at risk at 0, 10, 20, 30 weeks: 21, 15, 8, 4.
        Assert.Contains("n=21", svg, StringComparison.Ordinal);
        Assert.Contains("n=15", svg, StringComparison.Ordinal);
        Assert.Contains("n=8", svg, StringComparison.Ordinal);
        Assert.Contains("n=4", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void StepCoordinates_DropAtEachEventTime()
    {
        var curve = KaplanMeier.Estimate([new(5, true), new(5, false), new(8, true)]);
        var (xs, ys) = OutcomePlots.StepCoordinates(curve, 10);
        Assert.Equal([0.0, 5, 5, 8, 8, 10], xs);
        double[] expected = [1.0, 1, 2.0 / 3, 2.0 / 3, 0, 0];
        Assert.Equal(expected.Length, ys.Length);
        Assert.All(expected.Zip(ys), pair => Assert.Equal(pair.First, pair.Second, 10));
    }
}
