using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Plans;
using RegenClinic.Scheduling;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Scheduling;

/// <summary>The coordinator's path through the demo clinic: propose in the background, confirm, book and move by hand
/// (refused with the rule when it breaks one; soft rules overridden with a reason), repair, and the patient's calendar.</summary>
public sealed partial class SchedulingFlowTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string FrontDesk = "frontdesk@regenclinic.demo";

    [Fact]
    public async Task Propose_RunsInTheBackground_IsChecked_AndConfirmBooksTheCourses()
    {
        var client = await app.SignedInAsync(FrontDesk);
        var board = await client.GetStringAsync("/scheduling");
        Assert.Contains("<h1>Schedule board</h1>", board, StringComparison.Ordinal);
        Assert.Contains("class=\"board-svg\"", board, StringComparison.Ordinal);

        var run = await ProposeAsync(client);
        var page = await SchedulingTestRuns.WaitForAsync(client, run);
        Assert.Contains("Checked by the independent checker", page, StringComparison.Ordinal);
        Assert.Matches("id=\"run-objective\">[1-9]", page);

        var response = await client.SubmitFormAsync($"/scheduling/runs/{run}", new() { ["_handler"] = "confirm" });
        var confirmed = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirmed\"", confirmed, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>();
        Assert.Equal(ScheduleRunStatus.Confirmed, (await db.ScheduleRuns.SingleAsync(r => r.Id == run)).Status);
        var planned = await db.Courses.Where(c => c.Goals == "Demo: planned course awaiting a schedule").Select(c => c.Id).ToListAsync();
        var booked = await db.Appointments.Where(a => a.CourseId != null && planned.Contains(a.CourseId.Value) && a.Status == AppointmentStatus.Booked).ToListAsync();
        Assert.NotEmpty(booked);
        Assert.All(booked.Where(a => a.ChamberId != null), a => Assert.True(a.Seat >= 1));
        Assert.All(booked, a => Assert.NotEmpty(a.Staff));
    }

    [Fact]
    public async Task Board_NurseWithoutTheSchedulingRole_IsDenied()
    {
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var response = await nurse.GetAsync("/scheduling");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_OntoAnOccupiedMonoplace_IsRefusedWithTheRule_AndToAFreeSlotIsMoved()
    {
        var client = await app.SignedInAsync(FrontDesk);
        Appointment a, b;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>();
            var hbot = await db.Appointments.AsNoTracking().Where(x => x.Therapy == "hbot" && x.Status == AppointmentStatus.Booked && x.ChamberId != null && x.CourseId == null)
                .OrderBy(x => x.Start).ToListAsync();
            var now = scope.ServiceProvider.GetRequiredService<RegenClinic.Clinic.ClinicTime>().Now;
            var future = hbot.Where(x => x.Start > now + Duration.FromDays(1)).ToList();
            a = future.First();
            b = future.First(x => x.Start == a.Start && x.ChamberId != a.ChamberId);
        }
        var time = app.Services.GetRequiredService<RegenClinic.Clinic.ClinicTime>();
        var local = time.Local(a.Start);
        var path = $"/scheduling/appointments/{a.Id}/move";
        var refused = await (await client.SubmitFormAsync(path, Fields(b.ChamberId!.Value, local.Date, local.TimeOfDay))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"hard\"", refused, StringComparison.Ordinal);
        Assert.Contains("Mono", refused, StringComparison.Ordinal);

        // Beyond every proposal's horizon, so the chamber is free whatever else this class has booked.
        var later = local.Date.PlusWeeks(10);
        var moved = await client.SubmitFormAsync(path, Fields(a.ChamberId!.Value, later, new LocalTime(9, 0)));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using var check = app.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>().Appointments.SingleAsync(x => x.Id == a.Id);
        Assert.Equal(later.At(new LocalTime(9, 0)), time.Local(stored.Start).LocalDateTime);
        Assert.Equal(1, stored.Seat);
    }

    [Fact]
    public async Task Book_OutsideThePatientsAvailability_NeedsAReason_ThenIsBookedWithIt()
    {
        var client = await app.SignedInAsync(FrontDesk);
        Guid course, chamber = default;
        LocalDate date;
        var start = default(LocalTime);
        var time = app.Services.GetRequiredService<RegenClinic.Clinic.ClinicTime>();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>();
            var stay = await db.PatientAvailabilities.SingleAsync();
            course = await db.Courses.Where(c => c.PatientId == stay.PatientId && c.Status == CourseStatus.Active).Select(c => c.Id).SingleAsync();
            date = stay.StayFrom!.Value.PlusDays(3);
            // An afternoon slot (the patient said mornings only) on a monoplace that is free, where the fewest other sessions run.
            var day = await db.Appointments.AsNoTracking().Where(a => a.Status != AppointmentStatus.Cancelled && a.Start >= time.ToInstant(date.AtMidnight())
                && a.Start < time.ToInstant(date.PlusDays(1).AtMidnight())).ToListAsync();
            var monos = await db.Chambers.Where(c => c.Kind == RegenClinic.Domain.Clinic.ChamberKind.Monoplace).Select(c => c.Id).ToListAsync();
            var best = int.MaxValue;
            for (var m = 13 * 60 + 30; m <= 16 * 60 + 30; m += 15)
            {
                var from = time.ToInstant(date.At(new LocalTime(m / 60, m % 60)));
                var to = from + Duration.FromMinutes(120);
                var busy = day.Where(a => a.Start < to && from < a.End).ToList();
                var free = monos.FirstOrDefault(c => busy.All(a => a.ChamberId != c) );
                if (free != Guid.Empty && busy.Count < best) (best, chamber, start) = (busy.Count, free, new LocalTime(m / 60, m % 60));
            }
        }
        var fields = Fields(chamber, date, start);
        fields["Posted.Course"] = course.ToString();
        var refused = await (await client.SubmitFormAsync("/scheduling/book", fields)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"soft\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"hard\"", refused, StringComparison.Ordinal);

        fields["Posted.Override"] = "Patient asked by phone for the afternoon";
        var booked = await client.SubmitFormAsync("/scheduling/book", fields);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        using var check = app.Services.CreateScope();
        var db2 = check.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>();
        var stored = await db2.Appointments.SingleAsync(x => x.CourseId == course && x.OverrideReason != null);
        Assert.Equal("Patient asked by phone for the afternoon", stored.OverrideReason);
        Assert.True(await db2.AuditEntries.AnyAsync(e => e.EntityType == nameof(Appointment) && e.EntityId == stored.Id.ToString()));
    }

    [Fact]
    public async Task Repair_CancelledSession_ShowsWhoToTell_AndConfirmCancelsIt()
    {
        // A clinic of its own: confirming a repair re-plans the demo's bookings, which the other tests here rely on.
        await using var own = new ClinicAppFactory();
        var client = await own.SignedInAsync(FrontDesk);
        var form = await client.GetStringAsync("/scheduling/repair");
        var appointment = Guid.Parse(FirstOption().Match(form[form.IndexOf("id=\"appointment\"", StringComparison.Ordinal)..]).Groups[1].Value);
        var response = await client.SubmitFormAsync("/scheduling/repair", new() { ["CancelForm.Appointment"] = appointment.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        var page = await SchedulingTestRuns.WaitForAsync(client, run);
        Assert.Contains("id=\"tell\"", page, StringComparison.Ordinal);
        var confirmed = await client.SubmitFormAsync($"/scheduling/runs/{run}", new() { ["_handler"] = "confirm" });
        using var scope = own.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>();
        var status = (await db.Appointments.SingleAsync(a => a.Id == appointment)).Status;
        Assert.True(status == AppointmentStatus.Cancelled,
            $"still {status}; the confirmation answered {(int)confirmed.StatusCode}: " + ErrorText(await confirmed.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Calendar_StaffPageLinkAndFeed_ShowThePatientsSessions_AndABadTokenShowsNothing()
    {
        var client = await app.SignedInAsync(FrontDesk);
        Guid patient;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>();
            patient = await db.Appointments.Where(a => a.Therapy == "hbot" && a.Status == AppointmentStatus.Booked).Select(a => a.PatientId).FirstAsync();
        }
        var page = await client.GetStringAsync($"/patients/{patient}/calendar");
        Assert.Contains("id=\"calendar-sessions\"", page, StringComparison.Ordinal);
        var issued = await (await client.SubmitFormAsync($"/patients/{patient}/calendar", [])).Content.ReadAsStringAsync();
        var token = LinkToken().Match(issued).Groups[1].Value;
        Assert.NotEmpty(token);

        var anonymous = app.Client();
        var own = await anonymous.GetStringAsync($"/calendar/{token}");
        Assert.Matches("Your treatment schedule|Uw behandelschema", own);
        var feed = await anonymous.GetStringAsync($"/calendar/{token}/feed.ics");
        Assert.StartsWith("BEGIN:VCALENDAR", feed, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", feed, StringComparison.Ordinal);
        var unknown = await anonymous.GetAsync("/calendar/not-a-token/feed.ics");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("/not-found", unknown.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Link expired", await anonymous.GetStringAsync("/calendar/not-a-token"), StringComparison.Ordinal);
        var print = await client.GetStringAsync($"/patients/{patient}/calendar/print");
        Assert.Matches("Your treatment schedule|Uw behandelschema", print);
    }

    private static Dictionary<string, string> Fields(Guid resource, LocalDate date, LocalTime start) => new()
    {
        ["Posted.Resource"] = resource.ToString(), ["Posted.Date"] = date.ToString("uuuu-MM-dd", null), ["Posted.Time"] = start.ToString("HH:mm", null),
    };

    private async Task<Guid> ProposeAsync(HttpClient client)
    {
        var time = app.Services.GetRequiredService<RegenClinic.Clinic.ClinicTime>();
        var response = await client.SubmitFormAsync("/scheduling", new()
        {
            ["Posted.Start"] = time.Today.ToString("uuuu-MM-dd", null), ["Posted.Days"] = "21", ["Posted.TimeLimit"] = "4",
        });
        return SchedulingTestRuns.RunOf(response);
    }

    /// <summary>What the page says went wrong (its error paragraphs), so a failed confirmation explains itself.</summary>
    private static string ErrorText(string page) => string.Join(" | ", ErrorParagraph().Matches(page).Select(m => m.Groups[1].Value));

    [GeneratedRegex("class=\"(?:error|field-error)[^\"]*\"[^>]*>([^<]*)<")]
    private static partial Regex ErrorParagraph();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex FirstOption();

    [GeneratedRegex("href=\"/calendar/([A-Za-z0-9_-]{20,})\"")]
    private static partial Regex LinkToken();
}

/// <summary>docs/permissions.md, the scheduling rows: coordinators are front desk, physicians and administrators.</summary>
public sealed class SchedulingPermissionTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Theory]
    [InlineData("/scheduling", "frontdesk", true)]
    [InlineData("/scheduling", "physician", true)]
    [InlineData("/scheduling", "admin", true)]
    [InlineData("/scheduling", "nurse", false)]
    [InlineData("/scheduling", "operator", false)]
    [InlineData("/scheduling/repair", "frontdesk", true)]
    [InlineData("/scheduling/repair", "operator", false)]
    [InlineData("/scheduling/book", "physician", true)]
    [InlineData("/scheduling/book", "nurse", false)]
    [InlineData("/scheduling/staff", "frontdesk", true)]
    [InlineData("/scheduling/staff", "admin", true)]
    [InlineData("/scheduling/staff", "nurse", false)]
    [InlineData("/scheduling/staff", "operator", false)]
    public async Task SchedulingPage_ForRole_IsAllowedOnlyByTheMatrix(string route, string role, bool allowed)
    {
        var client = await app.SignedInAsync($"{role}@regenclinic.demo");
        var response = await client.GetAsync(route);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/access-denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }
}
