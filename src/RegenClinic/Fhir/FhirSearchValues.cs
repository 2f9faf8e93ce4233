using System.Globalization;
using System.Linq.Expressions;
using NodaTime;
using NodaTime.Text;

namespace RegenClinic.Fhir;

public static class FhirReferences
{
    /// <summary>"Patient/{guid}", "{base}/Patient/{guid}" or "{guid}" → the id; anything else → null.</summary>
    public static Guid? PatientId(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var text = reference.Trim();
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            var head = text[..slash];
            if (!(head == "Patient" || head.EndsWith("/Patient", StringComparison.Ordinal))) return null;
            text = text[(slash + 1)..];
        }
        return Guid.TryParse(text, out var id) ? id : null;
    }

    public static Guid? IdOf(string? id) => Guid.TryParse(id, out var g) ? g : null;
}

/// <summary>Token search values: <c>code</c>, <c>system|code</c>, <c>|code</c>, several separated by commas (any may match).</summary>
public static class FhirTokens
{
    /// <summary>The clinic's code for an enum member: HighPressure → high-pressure.</summary>
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The codes asked for in <paramref name="system"/> (or with no system given); codes in another system match nothing.</summary>
    public static List<string> CodesIn(string value, string? system, bool upper = false)
    {
        var codes = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bar = part.IndexOf('|', StringComparison.Ordinal);
            var (s, c) = bar < 0 ? (null, part) : (part[..bar], part[(bar + 1)..]);
            if (s is { Length: > 0 } && system is not null && s != system) continue;
            if (c.Length > 0) codes.Add(upper ? c.ToUpperInvariant() : c);
        }
        return codes;
    }
}

/// <summary>Date search values with the prefixes eq (default), ge, gt, le, lt: <c>ge2026-01-01</c>, <c>2026-03-04T10:00:00Z</c>.
/// A date covers its whole day in the clinic's zone.</summary>
public static class FhirDateSearch
{
    public static IQueryable<T> OnDate<T>(IQueryable<T> q, string value, Expression<Func<T, LocalDate>> column)
    {
        var (prefix, text) = Split(value);
        var date = LocalDatePattern.Iso.Parse(text.Length >= 10 ? text[..10] : text);
        if (!date.Success) throw FhirException.Invalid("date", $"'{value}' is not a date (yyyy-mm-dd, with an optional prefix eq, ge, gt, le, lt).");
        return Range(q, prefix, date.Value, date.Value.PlusDays(1), column);
    }

    public static IQueryable<T> OnNullableDate<T>(IQueryable<T> q, string value, Expression<Func<T, LocalDate?>> column)
    {
        var (prefix, text) = Split(value);
        var date = LocalDatePattern.Iso.Parse(text.Length >= 10 ? text[..10] : text);
        if (!date.Success) throw FhirException.Invalid("date", $"'{value}' is not a date (yyyy-mm-dd, with an optional prefix eq, ge, gt, le, lt).");
        return Range(q, prefix, (LocalDate?)date.Value, (LocalDate?)date.Value.PlusDays(1), column);
    }

    public static IQueryable<T> OnInstant<T>(IQueryable<T> q, string value, DateTimeZone zone, Expression<Func<T, Instant>> column)
    {
        var (prefix, text) = Split(value);
        Instant start, end;
        if (text.Contains('T', StringComparison.Ordinal))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || !HasZone(text))
                throw FhirException.Invalid("date", $"'{value}' is not a dateTime with a time zone.");
            start = Instant.FromDateTimeOffset(parsed);
            end = start.Plus(Duration.FromSeconds(1));
        }
        else
        {
            var date = LocalDatePattern.Iso.Parse(text);
            if (!date.Success) throw FhirException.Invalid("date", $"'{value}' is not a date (yyyy-mm-dd, with an optional prefix eq, ge, gt, le, lt).");
            start = date.Value.AtStartOfDayInZone(zone).ToInstant();
            end = date.Value.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        }
        return Range(q, prefix, start, end, column);
    }

    private static bool HasZone(string text)
    {
        var time = text[text.IndexOf('T', StringComparison.Ordinal)..];
        return time.EndsWith('Z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
    }

    private static (string Prefix, string Text) Split(string value) =>
        value.Length > 2 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetter(value[1]) ? (value[..2], value[2..]) : ("eq", value);

    /// <summary>[start, end) is the span the value covers; the prefix picks which side of it matches.</summary>
    private static IQueryable<T> Range<T, TValue>(IQueryable<T> q, string prefix, TValue start, TValue end, Expression<Func<T, TValue>> column)
    {
        var x = column.Body;
        var lo = Expression.Constant(start, typeof(TValue));
        var hi = Expression.Constant(end, typeof(TValue));
        Expression body = prefix switch
        {
            "eq" => Expression.AndAlso(Expression.GreaterThanOrEqual(x, lo), Expression.LessThan(x, hi)),
            "ge" => Expression.GreaterThanOrEqual(x, lo),
            "gt" => Expression.GreaterThanOrEqual(x, hi),
            "le" => Expression.LessThan(x, hi),
            "lt" => Expression.LessThan(x, lo),
            _ => throw FhirException.NotSupported("date", $"Date prefix '{prefix}' is not supported (eq, ge, gt, le, lt)."),
        };
        return q.Where(Expression.Lambda<Func<T, bool>>(body, column.Parameters));
    }
}
