using NodaTime;
using RegenClinic.Domain.Hyperbaric;
using ScottPlot;

namespace RegenClinic.Hyperbaric;

/// <summary>Planned versus actual dive profile (minutes × ATA) as an SVG string, rendered on the server so it prints and
/// needs no script. O2 periods are shaded (from the actual profile when there is one, else the planned).</summary>
public static class DiveProfilePlot
{
    public const string PlannedLegend = "Planned";
    public const string ActualLegend = "Actual";
    public const string OxygenLegend = "On O2";

    /// <summary>Planned and (optionally) actual profile, e.g. the dive log's <see cref="DiveLog.ActualProfile"/>.</summary>
    public static string Svg(DiveProfile planned, DiveProfile? actual, int width = 800, int height = 400, string? title = null) =>
        Render(planned, actual, actual is { Points.Count: > 1 } ? actual : planned, width, height, title);

    /// <summary>Telemetry as the actual series (minutes from <paramref name="compressionStart"/>). Telemetry carries no
    /// patient gas, so the planned O2 periods are shaded.</summary>
    public static string Svg(DiveProfile planned, IReadOnlyList<TelemetrySample> telemetry, Instant compressionStart, int width = 800, int height = 400, string? title = null)
    {
        var points = telemetry
            .Where(s => s.At >= compressionStart)
            .Select(s => new ProfilePoint((s.At - compressionStart).TotalMinutes, new Ata(Math.Clamp(s.Pressure.Value, DiveProfile.MinAta, DiveProfile.MaxAta)), BreathingGasExtensions.AirFio2))
            .ToList();
        return Render(planned, points.Count > 0 ? new DiveProfile(points) : null, planned, width, height, title);
    }

    private static string Render(DiveProfile planned, DiveProfile? actual, DiveProfile shading, int width, int height, string? title)
    {
        using var plot = new Plot();
        var first = true;
        foreach (var (from, to) in OxygenPeriods(shading))
        {
            var span = plot.Add.HorizontalSpan(from, to);
            span.FillStyle.Color = Colors.SkyBlue.WithAlpha(0.35);
            span.LineStyle.Width = 0;
            if (first)
            {
                span.LegendText = OxygenLegend;
                first = false;
            }
        }

        var plannedLine = plot.Add.ScatterLine(planned.Points.Select(p => p.Minute).ToArray(), planned.Points.Select(p => p.Pressure.Value).ToArray());
        plannedLine.LegendText = PlannedLegend;
        plannedLine.LineWidth = 2;
        plannedLine.LinePattern = LinePattern.Dashed;
        plannedLine.Color = Colors.Gray;

        var top = planned.Points.Select(p => p.Pressure.Value).DefaultIfEmpty(1).Max();
        if (actual is { Points.Count: > 0 })
        {
            var actualLine = plot.Add.ScatterLine(actual.Points.Select(p => p.Minute).ToArray(), actual.Points.Select(p => p.Pressure.Value).ToArray());
            actualLine.LegendText = ActualLegend;
            actualLine.LineWidth = 2;
            actualLine.Color = Colors.Navy;
            top = Math.Max(top, actual.Points.Max(p => p.Pressure.Value));
        }

        plot.XLabel("Minutes from start of compression");
        plot.YLabel("Chamber pressure (ATA)");
        if (title is not null)
        {
            plot.Title(title);
        }

        plot.Axes.SetLimitsY(0.9, top + 0.2);
        plot.ShowLegend(Alignment.LowerCenter);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>Minute ranges with fio2 ≥ 0.5 (an O2 period), adjacent segments merged.</summary>
    public static IReadOnlyList<(double From, double To)> OxygenPeriods(DiveProfile profile)
    {
        var periods = new List<(double From, double To)>();
        var points = profile.Points;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            if (points[i].Fio2 < 0.5)
            {
                continue;
            }

            if (periods.Count > 0 && periods[^1].To == points[i].Minute)
            {
                periods[^1] = (periods[^1].From, points[i + 1].Minute);
            }
            else
            {
                periods.Add((points[i].Minute, points[i + 1].Minute));
            }
        }

        return periods;
    }
}
