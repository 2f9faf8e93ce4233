using System.Text.Json;
using static RegenClinic.Scheduling.JsonFields;

namespace RegenClinic.Scheduling;

/// <summary>Reads and writes <c>regenclinic-schedule/1</c>. Reading checks shape only; whether the sessions keep the
/// rules is <see cref="Checker"/>'s business.</summary>
public static class ScheduleJson
{
    public static string Write(ScheduleResult result)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", ScheduleResult.FormatName);
            w.WriteString("status", result.Status.ToString().ToLowerInvariant());
            w.WriteStartArray("sessions");
            foreach (var s in result.Sessions)
            {
                w.WriteStartObject();
                w.WriteString("course", s.Course);
                w.WriteNumber("index", s.Index);
                w.WriteString("date", Date(s.Date));
                w.WriteString("start", Time(s.Start));
                w.WriteString("end", Time(s.End));
                w.WriteString("resource", s.Resource);
                w.WriteStartArray("staff");
                foreach (var id in s.Staff)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("unscheduled");
            foreach (var u in result.Unscheduled)
            {
                w.WriteStartObject();
                w.WriteString("course", u.Course);
                w.WriteString("reason", u.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            var m = result.Metrics;
            w.WriteStartObject("metrics");
            w.WriteNumber("scheduledCourses", m.ScheduledCourses);
            w.WriteNumber("scheduledSessions", m.ScheduledSessions);
            w.WriteNumber("weightedSessions", m.WeightedSessions);
            w.WriteNumber("weightedLatenessDays", m.WeightedLatenessDays);
            w.WriteNumber("totalStartDelayDays", m.TotalStartDelayDays);
            w.WriteNumber("startTimeChanges", m.StartTimeChanges);
            w.WriteNumber("solveSeconds", m.SolveSeconds);
            w.WriteNumber("capacityBoundSessions", m.CapacityBoundSessions);
            w.WriteNumber("capacityBoundWeightedSessions", m.CapacityBoundWeightedSessions);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static ScheduleResult Read(string json)
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
            var root = document.RootElement;
            var format = String(Required(root, "format", ""), "format");
            if (format != ScheduleResult.FormatName)
            {
                throw new SchedulingFormatException("format", $"expected '{ScheduleResult.FormatName}', got '{format}'");
            }

            var status = Optional(root, "status") is { } st
                ? String(st, "status") switch
                {
                    "optimal" => ScheduleStatus.Optimal,
                    "feasible" => ScheduleStatus.Feasible,
                    "infeasible" => ScheduleStatus.Infeasible,
                    "unknown" => ScheduleStatus.Unknown,
                    var other => throw new SchedulingFormatException("status", $"unknown status '{other}'"),
                }
                : ScheduleStatus.Unknown;
            var sessions = Array(Required(root, "sessions", ""), "sessions", (e, p) => new ScheduledSession(
                String(Required(e, "course", p), $"{p}.course"),
                Int(Required(e, "index", p), $"{p}.index"),
                Date(Required(e, "date", p), $"{p}.date"),
                Minute(Required(e, "start", p), $"{p}.start"),
                Minute(Required(e, "end", p), $"{p}.end"),
                String(Required(e, "resource", p), $"{p}.resource"),
                Optional(e, "staff") is { } s ? Array(s, $"{p}.staff", String) : []));
            var unscheduled = Optional(root, "unscheduled") is { } u
                ? Array(u, "unscheduled", (e, p) => new UnscheduledCourse(
                    String(Required(e, "course", p), $"{p}.course"),
                    Optional(e, "reason") is { } r ? String(r, $"{p}.reason") : ""))
                : [];
            var metrics = Optional(root, "metrics") is { } m ? ReadMetrics(m) : new ScheduleMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0);
            return new ScheduleResult(status, sessions, unscheduled, metrics);
        }
    }

    private static ScheduleMetrics ReadMetrics(JsonElement m)
    {
        int I(string name) => Optional(m, name) is { } v && v.TryGetInt32(out var x) ? x : 0;
        var seconds = Optional(m, "solveSeconds") is { } s && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0;
        return new ScheduleMetrics(I("scheduledCourses"), I("scheduledSessions"), I("weightedSessions"), I("weightedLatenessDays"),
            I("totalStartDelayDays"), I("startTimeChanges"), seconds, I("capacityBoundSessions"), I("capacityBoundWeightedSessions"));
    }
}
