using System.Globalization;
using NodaTime;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Statistics;
using ScottPlot;

namespace RegenClinic.Outcomes;

/// <summary>One scored measurement for plotting.</summary>
public readonly record struct MeasuredScore(LocalDate Date, double Score);

/// <summary>A staging scale's observations for the outcome plots' stage row (ARCO 2019, AAOMS 2022).</summary>
public sealed record StageSeries(StageScale Scale, IReadOnlyList<StageObservation> Points);

/// <summary>Outcome plots rendered on the server as SVG (ScottPlot), so pages print and need no script. Styled to stay
/// readable in black and white: black data line with filled markers, dashed grey session lines, a light grey band.</summary>
public static class OutcomePlots
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 450;

    /// <summary>A patient's scores over time on one instrument, with each treatment session as a dashed vertical line and,
    /// where the instrument has a meaningful-change threshold, the band of "no meaningful change" shaded around the
    /// first (baseline) score.</summary>
    /// <para>Imaging stages (<paramref name="stages"/>) are drawn on the same time axis against a second, right-hand axis
    /// of stage severity: a dark-grey dotted step line with open squares, each labelled with its stage, so a print in black
    /// and white still tells score, session and stage apart.</para>
    public static string MeasureOverTime(Instrument instrument, IReadOnlyList<MeasuredScore> scores, IReadOnlyList<LocalDate> sessionDates,
        int width = DefaultWidth, int height = DefaultHeight, IReadOnlyList<StageSeries>? stages = null)
    {
        var plot = new Plot();
        var ordered = scores.OrderBy(s => s.Date).ToArray();
        // ISO dates: 01/12/2027 reads as 12 January in one country and 1 December in the next.
        plot.Axes.DateTimeTicksBottom().TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        if (ordered.Length > 0 && instrument.MeaningfulChange is { } threshold)
        {
            var baseline = ordered[0].Score;
            var halfWidth = threshold.ThresholdAt(baseline);
            var band = plot.Add.VerticalSpan(baseline - halfWidth, baseline + halfWidth, Colors.Black.WithAlpha(0.12));
            band.LineStyle.Width = 0;
            band.LegendText = $"Within ±{Format(halfWidth)} of baseline (no meaningful change)";
        }

        var first = true;
        foreach (var session in sessionDates.Distinct().Order())
        {
            var line = plot.Add.VerticalLine(ToAxis(session), 1, Colors.Gray, LinePattern.Dashed);
            // One legend entry for all sessions.
            line.LegendText = first ? "Treatment session" : string.Empty;
            first = false;
        }

        if (ordered.Length > 0)
        {
            var series = plot.Add.Scatter(ordered.Select(s => ToAxis(s.Date)).ToArray(), ordered.Select(s => s.Score).ToArray(), Colors.Black);
            series.LineWidth = 2;
            series.MarkerShape = MarkerShape.FilledCircle;
            series.MarkerSize = 8;
            series.LegendText = instrument.Name;
        }

        AddStages(plot, stages ?? []);
        // The time axis spans scores, sessions and stages alike (a stage seen before the first score must not fall off the left).
        LocalDate[] dates = [.. ordered.Select(s => s.Date), .. sessionDates, .. (stages ?? []).SelectMany(s => s.Points).Select(p => p.Date)];
        if (dates.Length > 0)
        {
            var (min, max) = (ToAxis(dates.Min()), ToAxis(dates.Max()));
            var pad = Math.Max(3, (max - min) * 0.05);
            plot.Axes.SetLimitsX(min - pad, max + pad);
        }
        plot.Axes.SetLimitsY(instrument.ScoreRange.Minimum, instrument.ScoreRange.Maximum);
        plot.Title(instrument.Name);
        plot.YLabel($"Score ({Format(instrument.ScoreRange.Minimum)}–{Format(instrument.ScoreRange.Maximum)}, {(instrument.HigherIsBetter ? "higher is better" : "lower is better")})");
        plot.XLabel("Date");
        plot.ShowLegend(Alignment.UpperRight);
        return InlineSvg(plot.GetSvgXml(width, height));
    }

    /// <summary>Stage over time on the right-hand axis: severity 0 at the bottom, the scale's worst stage at the top, the
    /// stage labels as its ticks. A stage holds until the next observation (step line).</summary>
    private static void AddStages(Plot plot, IReadOnlyList<StageSeries> stages)
    {
        var drawn = stages.Where(s => s.Points.Count > 0).ToArray();
        if (drawn.Length == 0) return;
        var axis = plot.Axes.Right;
        var top = drawn.Max(s => s.Scale.Stages.Count) - 1;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var severity = 0; severity <= top; severity++)
        {
            var at = severity;
            ticks.AddMajor(at, string.Join(" / ", drawn.Where(s => at < s.Scale.Stages.Count).Select(s => s.Scale.Stages[at].Label)));
        }
        axis.TickGenerator = ticks;
        axis.Label.Text = "Stage (" + string.Join(", ", drawn.Select(s => ShortName(s.Scale))) + ")";
        LinePattern[] patterns = [LinePattern.Dotted, LinePattern.DenselyDashed];
        for (var i = 0; i < drawn.Length; i++)
        {
            var series = drawn[i];
            var points = series.Points.OrderBy(p => p.Date).ToArray();
            var xs = points.Select(p => ToAxis(p.Date)).ToArray();
            var ys = points.Select(p => (double)p.Stage.Severity).ToArray();
            var line = plot.Add.Scatter(xs, ys, Colors.DimGray);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LinePattern = patterns[i % patterns.Length];
            line.LineWidth = 2;
            line.MarkerShape = MarkerShape.OpenSquare;
            line.MarkerSize = 10;
            line.LegendText = $"{series.Scale.Name} (right axis)";
            line.Axes.YAxis = axis;
            foreach (var p in points)
            {
                var label = plot.Add.Text(p.Stage.Label, ToAxis(p.Date), p.Stage.Severity);
                label.LabelFontSize = 11;
                label.LabelFontColor = Colors.Black;
                label.LabelAlignment = Alignment.LowerLeft;
                label.LabelOffsetX = 6;
                label.Axes.YAxis = axis;
            }
        }
        plot.Axes.SetLimitsY(-0.5, top + 0.5, axis);
    }

    /// <summary>"ARCO 2019" from "ARCO 2019 femoral head osteonecrosis stage": the axis title must fit the plot's height.</summary>
    private static string ShortName(StageScale scale) => string.Join(' ', scale.Name.Split(' ').Take(2));

    /// <summary>A Kaplan–Meier step curve (event-free = no joint replacement or surgery) with censored patients marked
    /// "+" and the numbers at risk printed under the time axis at <paramref name="riskTimes"/>.</summary>
    public static string KaplanMeierCurve(KaplanMeierCurve curve, string title, string timeUnit, IReadOnlyList<double> riskTimes,
        int width = DefaultWidth, int height = DefaultHeight)
    {
        var plot = new Plot();
        var (xs, ys) = StepCoordinates(curve, riskTimes.Count > 0 ? riskTimes.Max() : 0);
        var steps = plot.Add.ScatterLine(xs, ys, Colors.Black);
        steps.LineWidth = 2;
        steps.LegendText = "No joint replacement or surgery (Kaplan–Meier)";

        var censored = curve.Observations.Where(o => !o.Event).ToArray();
        if (censored.Length > 0)
        {
            var marks = plot.Add.Markers(censored.Select(o => o.Time).ToArray(), censored.Select(o => curve.SurvivalAt(o.Time)).ToArray(),
                MarkerShape.Cross, 10, Colors.Black);
            marks.LegendText = "Censored";
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var t in riskTimes.Order())
        {
            ticks.AddMajor(t, $"{Format(t)}\nn={curve.AtRisk(t).ToString(CultureInfo.InvariantCulture)}");
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Title(title);
        plot.YLabel("Proportion event-free");
        plot.XLabel($"{timeUnit} since start of course (n = number at risk)");
        plot.ShowLegend(Alignment.LowerLeft);
        return InlineSvg(plot.GetSvgXml(width, height));
    }

    /// <summary>Corner points of the step function from time 0 to the later of the last observation and <paramref name="until"/>.</summary>
    internal static (double[] Xs, double[] Ys) StepCoordinates(KaplanMeierCurve curve, double until)
    {
        var xs = new List<double> { 0 };
        var ys = new List<double> { 1 };
        var level = 1.0;
        foreach (var step in curve.Steps)
        {
            xs.Add(step.Time);
            ys.Add(level);
            xs.Add(step.Time);
            ys.Add(step.Survival);
            level = step.Survival;
        }
        var end = Math.Max(until, curve.Observations.Count > 0 ? curve.Observations.Max(o => o.Time) : 0);
        xs.Add(end);
        ys.Add(level);
        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>Drops the XML declaration so the SVG can be placed inline in an HTML page.</summary>
    private static string InlineSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    private static double ToAxis(LocalDate date) => date.ToDateTimeUnspecified().ToOADate();

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
