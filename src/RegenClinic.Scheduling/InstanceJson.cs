using System.Text.Json;
using static RegenClinic.Scheduling.JsonFields;

namespace RegenClinic.Scheduling;

/// <summary>Reads and writes <c>regenclinic-schedule-instance/1</c>. Reading checks the shape and the references
/// (unknown treatment, chamber kind, …) and throws <see cref="SchedulingFormatException"/> naming the field.</summary>
public static class InstanceJson
{
    public static ScheduleInstance Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SchedulingFormatException("$", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var instance = Read(document.RootElement);
            _ = SchedulingProblem.Compile(instance);
            return instance;
        }
    }

    private static ScheduleInstance Read(JsonElement root)
    {
        var format = String(Required(root, "format", ""), "format");
        if (format != ScheduleInstance.FormatName)
        {
            throw new SchedulingFormatException("format", $"expected '{ScheduleInstance.FormatName}', got '{format}'");
        }

        var c = Required(root, "clinic", "");
        var hours = new Dictionary<DayOfWeek, ClockRange>();
        Weekdays(Required(c, "hours", "clinic"), "clinic.hours", (d, e, p) => hours[d] = Range(e, p));
        var clinic = new ClinicCalendar(
            Optional(c, "timeZone") is { } tz ? String(tz, "clinic.timeZone") : "UTC",
            Date(Required(c, "start", "clinic"), "clinic.start"),
            Int(Required(c, "days", "clinic"), "clinic.days", 1, 3660),
            Optional(c, "closedDates") is { } cd ? Array(cd, "clinic.closedDates", Date) : [],
            hours);

        var treatments = Array(Required(root, "treatments", ""), "treatments", ReadTreatment);
        var chambers = Optional(root, "chambers") is { } ch ? Array(ch, "chambers", ReadChamber) : [];
        var rooms = Optional(root, "rooms") is { } r ? Array(r, "rooms", (e, p) => new Room(String(Required(e, "id", p), $"{p}.id"))) : [];
        var staff = Optional(root, "staff") is { } s ? Array(s, "staff", ReadStaff) : [];
        var courses = Array(Required(root, "courses", ""), "courses", ReadCourse);
        var fixedSessions = Optional(root, "fixed") is { } f ? Array(f, "fixed", ReadFixed) : [];
        return new ScheduleInstance(clinic, treatments, chambers, rooms, staff, courses, fixedSessions);
    }

    private static Treatment ReadTreatment(JsonElement e, string p)
    {
        var resource = String(Required(e, "resource", p), $"{p}.resource") switch
        {
            "chamber" => ResourceKind.Chamber,
            "room" => ResourceKind.Room,
            var other => throw new SchedulingFormatException($"{p}.resource", $"unknown resource '{other}' (expected chamber or room)"),
        };
        var table = Optional(e, "table") is { } t ? String(t, $"{p}.table") : null;
        if (resource == ResourceKind.Chamber && table is null)
        {
            throw new SchedulingFormatException($"{p}.table", "required for a chamber treatment");
        }

        return new Treatment(
            String(Required(e, "id", p), $"{p}.id"),
            Optional(e, "therapy") is { } th ? String(th, $"{p}.therapy") : "",
            Int(Required(e, "minutes", p), $"{p}.minutes", 1, 1440),
            table,
            resource,
            Optional(e, "staff") is { } s
                ? Array(s, $"{p}.staff", (x, q) => new StaffNeed(String(Required(x, "skill", q), $"{q}.skill"), Int(Required(x, "count", q), $"{q}.count", 0, 100)))
                : []);
    }

    private static Chamber ReadChamber(JsonElement e, string p) => new(
        String(Required(e, "id", p), $"{p}.id"),
        ParseKind(Required(e, "kind", p), $"{p}.kind"),
        Int(Required(e, "seats", p), $"{p}.seats", 1, 1000),
        Array(Required(e, "tables", p), $"{p}.tables", String));

    private static ChamberKind ParseKind(JsonElement e, string p) => String(e, p) switch
    {
        "monoplace" => ChamberKind.Monoplace,
        "multiplace" => ChamberKind.Multiplace,
        var other => throw new SchedulingFormatException(p, $"unknown chamber kind '{other}' (expected monoplace or multiplace)"),
    };

    private static StaffMember ReadStaff(JsonElement e, string p)
    {
        var shifts = new Dictionary<DayOfWeek, ClockRange>();
        if (Optional(e, "shifts") is { } s)
        {
            Weekdays(s, $"{p}.shifts", (d, x, q) => shifts[d] = Range(x, q));
        }

        return new StaffMember(
            String(Required(e, "id", p), $"{p}.id"),
            Array(Required(e, "skills", p), $"{p}.skills", String),
            shifts,
            Optional(e, "off") is { } off ? Array(off, $"{p}.off", Date) : []);
    }

    private static Course ReadCourse(JsonElement e, string p)
    {
        var pe = Required(e, "pattern", p);
        var pp = $"{p}.pattern";
        SessionPattern pattern = String(Required(pe, "kind", pp), $"{pp}.kind") switch
        {
            "weekdays" => new WeekdaysPattern(
                Optional(pe, "perDay") is { } pd ? Int(pd, $"{pp}.perDay", 1, 4) : 1,
                Optional(pe, "minGapMinutes") is { } g ? Int(g, $"{pp}.minGapMinutes", 0, 1440) : 240),
            "interval" => ReadInterval(pe, pp),
            var other => throw new SchedulingFormatException($"{pp}.kind", $"unknown pattern '{other}' (expected weekdays or interval)"),
        };

        Dictionary<DayOfWeek, IReadOnlyList<ClockRange>>? windows = null;
        if (Optional(e, "windows") is { } w)
        {
            windows = [];
            Weekdays(w, $"{p}.windows", (d, x, q) => windows[d] = Array(x, q, Range));
        }

        DateRange? stay = null;
        if (Optional(e, "stay") is { } st)
        {
            var from = Date(Required(st, "from", $"{p}.stay"), $"{p}.stay.from");
            var to = Date(Required(st, "to", $"{p}.stay"), $"{p}.stay.to");
            stay = to < from ? throw new SchedulingFormatException($"{p}.stay", "'to' is before 'from'") : new DateRange(from, to);
        }

        return new Course(
            String(Required(e, "id", p), $"{p}.id"),
            String(Required(e, "patient", p), $"{p}.patient"),
            String(Required(e, "treatment", p), $"{p}.treatment"),
            Int(Required(e, "sessions", p), $"{p}.sessions", 1, 1000),
            pattern,
            Date(Required(e, "release", p), $"{p}.release"),
            Date(Required(e, "due", p), $"{p}.due"),
            Int(Required(e, "priority", p), $"{p}.priority", 1, 3),
            Optional(e, "chamberKinds") is { } k ? Array(k, $"{p}.chamberKinds", ParseKind) : null,
            windows,
            Optional(e, "off") is { } off ? Array(off, $"{p}.off", Date) : null,
            stay);
    }

    private static IntervalPattern ReadInterval(JsonElement pe, string pp)
    {
        var min = Int(Required(pe, "minDays", pp), $"{pp}.minDays", 1, 3660);
        var max = Int(Required(pe, "maxDays", pp), $"{pp}.maxDays", 1, 3660);
        return max < min ? throw new SchedulingFormatException($"{pp}.maxDays", "smaller than minDays") : new IntervalPattern(min, max);
    }

    private static FixedSession ReadFixed(JsonElement e, string p)
    {
        var start = Minute(Required(e, "start", p), $"{p}.start");
        return new FixedSession(
            String(Required(e, "course", p), $"{p}.course"),
            Int(Required(e, "index", p), $"{p}.index", 1, 1000),
            Date(Required(e, "date", p), $"{p}.date"),
            start == 1440 ? throw new SchedulingFormatException($"{p}.start", "a session cannot start at 24:00") : new TimeOnly(start / 60, start % 60),
            String(Required(e, "resource", p), $"{p}.resource"),
            Optional(e, "staff") is { } s ? Array(s, $"{p}.staff", String) : []);
    }

    public static string Write(ScheduleInstance instance)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", ScheduleInstance.FormatName);
            w.WriteStartObject("clinic");
            w.WriteString("timeZone", instance.Clinic.TimeZone);
            w.WriteString("start", Date(instance.Clinic.Start));
            w.WriteNumber("days", instance.Clinic.Days);
            WriteDates(w, "closedDates", instance.Clinic.ClosedDates);
            w.WriteStartObject("hours");
            foreach (var key in WeekdayKeys)
            {
                var day = WeekdayOf(key, "");
                if (instance.Clinic.Hours.TryGetValue(day, out var range))
                {
                    w.WritePropertyName(key);
                    WriteRange(w, range);
                }
                else
                {
                    w.WriteNull(key);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("treatments");
            foreach (var t in instance.Treatments)
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                w.WriteString("therapy", t.Therapy);
                w.WriteNumber("minutes", t.Minutes);
                if (t.Table is not null)
                {
                    w.WriteString("table", t.Table);
                }

                w.WriteString("resource", t.Resource == ResourceKind.Chamber ? "chamber" : "room");
                w.WriteStartArray("staff");
                foreach (var need in t.Staff)
                {
                    w.WriteStartObject();
                    w.WriteString("skill", need.Skill);
                    w.WriteNumber("count", need.Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("chambers");
            foreach (var c in instance.Chambers)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("kind", KindName(c.Kind));
                w.WriteNumber("seats", c.Seats);
                WriteStrings(w, "tables", c.Tables);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rooms");
            foreach (var r in instance.Rooms)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("staff");
            foreach (var s in instance.Staff)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                WriteStrings(w, "skills", s.Skills);
                w.WriteStartObject("shifts");
                foreach (var key in WeekdayKeys)
                {
                    if (s.Shifts.TryGetValue(WeekdayOf(key, ""), out var range))
                    {
                        w.WritePropertyName(key);
                        WriteRange(w, range);
                    }
                }

                w.WriteEndObject();
                WriteDates(w, "off", s.Off);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("courses");
            foreach (var c in instance.Courses)
            {
                WriteCourse(w, c);
            }

            w.WriteEndArray();
            w.WriteStartArray("fixed");
            foreach (var f in instance.Fixed)
            {
                w.WriteStartObject();
                w.WriteString("course", f.Course);
                w.WriteNumber("index", f.Index);
                w.WriteString("date", Date(f.Date));
                w.WriteString("start", Time(f.Start.Hour * 60 + f.Start.Minute));
                w.WriteString("resource", f.Resource);
                WriteStrings(w, "staff", f.Staff);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCourse(Utf8JsonWriter w, Course c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("patient", c.Patient);
        w.WriteString("treatment", c.Treatment);
        w.WriteNumber("sessions", c.Sessions);
        w.WriteStartObject("pattern");
        switch (c.Pattern)
        {
            case WeekdaysPattern wd:
                w.WriteString("kind", "weekdays");
                w.WriteNumber("perDay", wd.PerDay);
                if (wd.PerDay > 1)
                {
                    w.WriteNumber("minGapMinutes", wd.MinGapMinutes);
                }

                break;
            case IntervalPattern iv:
                w.WriteString("kind", "interval");
                w.WriteNumber("minDays", iv.MinDays);
                w.WriteNumber("maxDays", iv.MaxDays);
                break;
            default:
                throw new ArgumentException($"unknown pattern {c.Pattern}", nameof(c));
        }

        w.WriteEndObject();
        w.WriteString("release", Date(c.Release));
        w.WriteString("due", Date(c.Due));
        w.WriteNumber("priority", c.Priority);
        if (c.ChamberKinds is not null)
        {
            WriteStrings(w, "chamberKinds", c.ChamberKinds.Select(KindName).ToList());
        }

        if (c.Windows is not null)
        {
            w.WriteStartObject("windows");
            foreach (var key in WeekdayKeys)
            {
                if (c.Windows.TryGetValue(WeekdayOf(key, ""), out var ranges))
                {
                    w.WriteStartArray(key);
                    foreach (var r in ranges)
                    {
                        WriteRange(w, r);
                    }

                    w.WriteEndArray();
                }
            }

            w.WriteEndObject();
        }

        if (c.Off is not null)
        {
            WriteDates(w, "off", c.Off);
        }

        if (c.Stay is { } stay)
        {
            w.WriteStartObject("stay");
            w.WriteString("from", Date(stay.From));
            w.WriteString("to", Date(stay.To));
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    internal static string KindName(ChamberKind kind) => kind == ChamberKind.Monoplace ? "monoplace" : "multiplace";

    private static void WriteRange(Utf8JsonWriter w, ClockRange range)
    {
        w.WriteStartArray();
        w.WriteStringValue(Time(range.Start));
        w.WriteStringValue(Time(range.End));
        w.WriteEndArray();
    }

    private static void WriteDates(Utf8JsonWriter w, string name, IEnumerable<DateOnly> dates)
    {
        w.WriteStartArray(name);
        foreach (var d in dates)
        {
            w.WriteStringValue(Date(d));
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
