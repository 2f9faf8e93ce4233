using System.Globalization;
using System.Text;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Statistics;

namespace RegenClinic.Outcomes;

/// <summary>The analytics table as CSV (RFC 4180, comma, invariant culture): one row per therapy × condition × measure.
/// Suppressed figures stay empty with the reason in their note column; n is always given ("&lt; 5" when suppressed).</summary>
public static class AnalyticsCsv
{
    public static readonly string[] Header =
    [
        "therapy", "condition", "measure", "patients",
        "completion_n", "completion_rate", "completion_ci_low", "completion_ci_high",
        "mean_change_n", "mean_change", "mean_change_ci_low", "mean_change_ci_high",
        "responder_n", "responder_rate", "responder_ci_low", "responder_ci_high",
        "adverse_events_n", "adverse_events", "sessions", "adverse_events_per_session",
        "surgery_n", "surgery_events", "surgery_free_at_12_months",
        "notes", "caveat",
    ];

    public static string Write(IReadOnlyList<CohortReport> reports)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var r in reports)
        {
            var notes = new[] { r.Completion.NotShownBecause, r.MeanChange.NotShownBecause, r.Responders.NotShownBecause, r.AdverseEvents.NotShownBecause, r.TimeToSurgery.NotShownBecause }
                .Where(n => n is not null).Distinct().ToArray();
            string[] cells =
            [
                r.Therapy, r.Condition, Instruments.Get(r.InstrumentId).Name, r.DisplayPatients,
                r.Completion.DisplayN, F(r.Completion.Value?.Proportion), F(r.Completion.Value?.Lower), F(r.Completion.Value?.Upper),
                r.MeanChange.DisplayN, F(r.MeanChange.Value?.Mean), F(r.MeanChange.Value?.Lower), F(r.MeanChange.Value?.Upper),
                r.Responders.DisplayN, F(r.Responders.Value?.Proportion), F(r.Responders.Value?.Lower), F(r.Responders.Value?.Upper),
                r.AdverseEvents.DisplayN, I(r.AdverseEvents.Value?.Events), I(r.AdverseEvents.Value?.Sessions), F(r.AdverseEvents.Value?.PerSession),
                r.TimeToSurgery.DisplayN, I(r.TimeToSurgery.Value?.Events), F(r.TimeToSurgery.Value?.SurvivalAt(12)),
                string.Join(" ", notes), r.Caveat,
            ];
            sb.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        }
        return sb.ToString();
    }

    private static string F(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string I(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
