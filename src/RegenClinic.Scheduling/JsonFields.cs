using System.Globalization;
using System.Text.Json;

namespace RegenClinic.Scheduling;

/// <summary>Reads typed fields out of a <see cref="JsonElement"/>, naming the JSON path in every error.</summary>
internal static class JsonFields
{
    internal static readonly string[] WeekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    internal static DayOfWeek WeekdayOf(string key, string path) => key switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => throw new SchedulingFormatException(path, $"unknown weekday '{key}' (expected mon…sun)"),
    };

    internal static string KeyOf(DayOfWeek day) => WeekdayKeys[((int)day + 6) % 7];

    internal static JsonElement Required(JsonElement obj, string name, string path)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new SchedulingFormatException(path, "expected an object");
        }

        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new SchedulingFormatException(Join(path, name), "required field missing");
        }

        return value;
    }

    internal static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    internal static string String(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new SchedulingFormatException(path, "expected a string");

    internal static int Int(JsonElement e, string path, int min = int.MinValue, int max = int.MaxValue)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var value))
        {
            throw new SchedulingFormatException(path, "expected an integer");
        }

        return value < min || value > max
            ? throw new SchedulingFormatException(path, $"{value} is out of range [{min}, {max}]")
            : value;
    }

    internal static DateOnly Date(JsonElement e, string path)
    {
        var text = String(e, path);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SchedulingFormatException(path, $"'{text}' is not a date YYYY-MM-DD");
    }

    /// <summary>"HH:MM" as minutes after midnight; "24:00" allowed to end a day.</summary>
    internal static int Minute(JsonElement e, string path)
    {
        var text = String(e, path);
        if (text.Length == 5 && text[2] == ':'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m < 60 && (h < 24 || (h == 24 && m == 0)))
        {
            return h * 60 + m;
        }

        throw new SchedulingFormatException(path, $"'{text}' is not a time HH:MM");
    }

    internal static ClockRange Range(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != 2)
        {
            throw new SchedulingFormatException(path, "expected [\"HH:MM\", \"HH:MM\"]");
        }

        var start = Minute(e[0], $"{path}[0]");
        var end = Minute(e[1], $"{path}[1]");
        return end <= start ? throw new SchedulingFormatException(path, "end must be after start") : new ClockRange(start, end);
    }

    internal static List<T> Array<T>(JsonElement e, string path, Func<JsonElement, string, T> item)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw new SchedulingFormatException(path, "expected an array");
        }

        var list = new List<T>(e.GetArrayLength());
        var i = 0;
        foreach (var element in e.EnumerateArray())
        {
            list.Add(item(element, $"{path}[{i}]"));
            i++;
        }

        return list;
    }

    internal static void Weekdays(JsonElement e, string path, Action<DayOfWeek, JsonElement, string> each)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new SchedulingFormatException(path, "expected an object keyed by weekday");
        }

        foreach (var property in e.EnumerateObject())
        {
            var p = Join(path, property.Name);
            var day = WeekdayOf(property.Name, p);
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                each(day, property.Value, p);
            }
        }
    }

    internal static string Time(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
