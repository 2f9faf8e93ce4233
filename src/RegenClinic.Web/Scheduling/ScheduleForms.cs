using NodaTime;
using NodaTime.Text;

namespace RegenClinic.Web.Scheduling;

/// <summary>Parsing of the scheduling forms' week grids and date lists (ISO dates, 24-hour times).</summary>
public static class ScheduleForms
{
    /// <summary>The weekdays of a form's week grid, Monday first; field index = (int)day − 1.</summary>
    public static readonly IsoDayOfWeek[] Week =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static string Format(LocalTime? t) => t is { } x ? Time.Format(x) : "";

    public static string Format(LocalDate? d) => d is { } x ? LocalDatePattern.Iso.Format(x) : "";

    /// <summary>A time field: blank = none; null result with <paramref name="ok"/> false = not a time.</summary>
    public static LocalTime? ParseTime(string? text, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var r = Time.Parse(text.Trim());
        ok = r.Success;
        return r.Success ? r.Value : null;
    }

    public static LocalDate? ParseDate(string? text, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var r = LocalDatePattern.Iso.Parse(text.Trim());
        ok = r.Success;
        return r.Success ? r.Value : null;
    }

    /// <summary>Dates separated by commas, spaces or new lines; null when one of them is not a date.</summary>
    public static List<LocalDate>? ParseDates(string? text)
    {
        var list = new List<LocalDate>();
        foreach (var part in (text ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var r = LocalDatePattern.Iso.Parse(part);
            if (!r.Success) return null;
            list.Add(r.Value);
        }
        return list;
    }

    /// <summary>The week grid's rows that have both times: (day, from, until); <paramref name="bad"/> names the first field that is not a time.</summary>
    public static List<(IsoDayOfWeek Day, LocalTime From, LocalTime Until)> ParseWeek(IReadOnlyList<string?> from, IReadOnlyList<string?> until, out string? bad)
    {
        bad = null;
        var rows = new List<(IsoDayOfWeek, LocalTime, LocalTime)>();
        for (var i = 0; i < Week.Length; i++)
        {
            var f = ParseTime(i < from.Count ? from[i] : null, out var okF);
            var u = ParseTime(i < until.Count ? until[i] : null, out var okU);
            if (!okF || !okU || (f is null) != (u is null))
            {
                bad ??= $"week.{i}";
                continue;
            }
            if (f is { } a && u is { } b) rows.Add((Week[i], a, b));
        }
        return rows;
    }
}
