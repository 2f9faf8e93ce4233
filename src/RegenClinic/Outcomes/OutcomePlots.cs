using System.Globalization;
using NodaTime;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Statistics;
using ScottPlot;

namespace RegenClinic.Outcomes;

/// <summary>One scored measurement for plotting.</summary>
public readonly record struct MeasuredScore(LocalDate Date, double Score);

/// <summary>Outcome plots rendered on the server as SVG (ScottPlot), so pages print and need no script. Styled to stay
/// readable in black and white: black data line with filled markers, dashed grey session lines, a light grey band.</summary>
public static class OutcomePlots
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 450;

    /// <summary>A patient's scores over time on one instrument, with each treatment session as a dashed vertical line and,
    /// where the instrument has a meaningful-change threshold, the band of "no meaningful change" shaded around the
    /// first (baseline) score.</summary>
    public static string MeasureOverTime(Instrument instrument, IReadOnlyList<MeasuredScore> scores, IReadOnlyList<LocalDate> sessionDates,
        int width = DefaultWidth, int height = DefaultHeight)
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

        plot.Axes.SetLimitsY(instrument.ScoreRange.Minimum, instrument.ScoreRange.Maximum);
        plot.Title(instrument.Name);
        plot.YLabel($"Score ({Format(instrument.ScoreRange.Minimum)}–{Format(instrument.ScoreRange.Maximum)}, {(instrument.HigherIsBetter ? "higher is better" : "lower is better")})");
        plot.XLabel("Date");
        plot.ShowLegend(Alignment.UpperRight);
        return InlineSvg(plot.GetSvgXml(width, height));
    }

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
