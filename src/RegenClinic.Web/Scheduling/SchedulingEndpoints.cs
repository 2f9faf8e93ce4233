using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using RegenClinic.Scheduling;
using RegenClinic.Staff;

namespace RegenClinic.Web.Scheduling;

/// <summary>The patient's iCalendar feed (by link token, or for signed-in staff) and a run's progress as JSON.</summary>
public static class SchedulingEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/calendar/{token}/feed.ics", async (string token, PatientCalendar calendar, CancellationToken ct) =>
            await calendar.ForTokenAsync(token, ct) is { } view ? Results.Text(ToIcs(view), "text/calendar; charset=utf-8") : Results.NotFound())
            .AllowAnonymous().RequireRateLimiting(RegenClinic.Web.Infrastructure.RequestLimits.PublicLinkPolicy);
        app.MapGet("/api/patients/{id:guid}/calendar.ics", async (Guid id, PatientCalendar calendar, CancellationToken ct) =>
            Results.Text(ToIcs(await calendar.ForStaffAsync(id, ct)), "text/calendar; charset=utf-8")).RequireAuthorization(Policies.Demographics);
        app.MapGet("/api/scheduling/runs/{id:guid}", async (Guid id, ViewSchedule view, CancellationToken ct) =>
        {
            var run = (await view.RunAsync(id, null, 1, ct)).Run;
            return Results.Ok(new { run.Id, Status = run.Status.ToString(), run.Objective, run.Bound, run.Seconds, run.Message });
        }).RequireAuthorization(Policies.Scheduling);
    }

    /// <summary>UTC times, so any calendar client places the sessions right without a VTIMEZONE.</summary>
    public static string ToIcs(CalendarView view)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//RegenClinic//Patient calendar//EN" };
        foreach (var s in view.Sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{s.AppointmentId}@regenclinic",
                Summary = $"{Therapy(s.Therapy, view.Language)} · {view.SiteName}",
                Location = $"{view.SiteName}, {s.Place}",
                Start = Utc(s.StartAt),
                End = Utc(s.EndAt),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(NodaTime.Instant i)
    {
        var u = i.ToDateTimeUtc();
        return new CalDateTime(u.Year, u.Month, u.Day, u.Hour, u.Minute, u.Second, "UTC");
    }

    public static string Therapy(string therapy, string language) => (therapy, language) switch
    {
        ("hbot", "nl") => "Hyperbare zuurstoftherapie",
        ("hbot", _) => "Hyperbaric oxygen therapy",
        ("prolotherapy", "nl") => "Prolotherapie",
        ("prolotherapy", _) => "Prolotherapy",
        ("ozone-injection", "nl") => "Ozoninjectie",
        ("ozone-injection", _) => "Ozone injection",
        (_, "nl") when therapy.StartsWith("cell-therapy", StringComparison.Ordinal) => "Celtherapie",
        _ when therapy.StartsWith("cell-therapy", StringComparison.Ordinal) => "Cell therapy",
        _ => therapy,
    };
}
