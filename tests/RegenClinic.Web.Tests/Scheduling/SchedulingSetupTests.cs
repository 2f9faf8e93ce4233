using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using SessionPattern = RegenClinic.Domain.Plans.SessionPattern;
using RegenClinic.Scheduling;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Scheduling;

/// <summary>What the scheduler plans with: staff shifts and days off, a patient's availability, cell-therapy follow-up
/// visits; and refusals of a manual move in the reader's language.</summary>
public sealed class SchedulingSetupTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string FrontDesk = "frontdesk@regenclinic.demo";

    [Fact]
    public async Task Instance_CourseThatCannotStartInsideTheHorizon_IsListedWithItsReason_NotLeftOut()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var time = scope.ServiceProvider.GetRequiredService<ClinicTime>();
        var site = await scope.ServiceProvider.GetRequiredService<ViewSchedule>().DefaultSiteAsync();
        var course = await db.Courses.AsNoTracking().Where(c => c.SiteId == site && c.Status == CourseStatus.Active).OrderBy(c => c.Id).FirstAsync();
        var start = course.EarliestStart.PlusDays(-30);

        var built = await ClinicInstance.BuildAsync(db, time, site, start, 10, null);

        Assert.DoesNotContain(built.Instance.Courses, c => c.Id == course.Id.ToString());
        var outside = Assert.Single(built.OutsideHorizon, u => u.Course == course.Id.ToString());
        Assert.Contains($"after the planning horizon ({start:uuuu-MM-dd} to {start.PlusDays(9):uuuu-MM-dd})", outside.Reason, StringComparison.Ordinal);
        var board = ScheduleBoard.Of(built, ScheduleResult.Create(SchedulingProblem.Compile(built.Instance), ScheduleStatus.Feasible, [], [], 0, default), start, 10);
        Assert.Contains(board.Unplaced, u => u.Course == course.Id.ToString() && u.Reason == outside.Reason);
    }

    [Fact]
    public async Task StaffPage_SavesShiftsAndDaysOff_Audited_AndTheInstanceUsesThem()
    {
        var client = await app.SignedInAsync(FrontDesk);
        var time = app.Services.GetRequiredService<ClinicTime>();
        var list = await client.GetStringAsync("/scheduling/staff");
        Assert.Contains("id=\"staff-schedules\"", list, StringComparison.Ordinal);
        Assert.Contains("chamber operator", list, StringComparison.Ordinal);
        string id;
        Guid site;
        using (var scope = app.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ClinicDb>().Users.SingleAsync(u => u.Email == "operator2@regenclinic.demo")).Id;
            site = await scope.ServiceProvider.GetRequiredService<ViewSchedule>().DefaultSiteAsync();
        }
        var off = time.Today.PlusDays(3);
        var fields = Week(("08:00", "14:00"), null, ("09:00", "17:00"), null, null, null, null);
        fields["Posted.Off"] = off.ToString("uuuu-MM-dd", null);

        var wrong = new Dictionary<string, string>(fields) { ["Posted.From[0]"] = "8 o'clock" };
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync($"/scheduling/staff/{id}", wrong)).StatusCode);

        var saved = await client.SubmitFormAsync($"/scheduling/staff/{id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<ClinicDb>();
        var shifts = await db.StaffShifts.Where(s => s.StaffUserId == id).OrderBy(s => s.Day).ToListAsync();
        Assert.Equal([(IsoDayOfWeek.Monday, 480, 840), (IsoDayOfWeek.Wednesday, 540, 1020)], shifts.Select(s => (s.Day, s.StartMinute, s.EndMinute)));
        Assert.True(await db.StaffOffDays.AnyAsync(o => o.StaffUserId == id && o.Date == off));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(StaffOffDay)));

        var built = await ClinicInstance.BuildAsync(db, time, site, time.Today, 14, null);
        var member = built.Instance.Staff.Single(m => m.Id == id);
        Assert.Equal(new ClockRange(480, 840), member.Shifts[DayOfWeek.Monday]);
        Assert.False(member.Shifts.ContainsKey(DayOfWeek.Tuesday));
        Assert.Contains(off.ToDateOnly(), member.Off);
    }

    [Fact]
    public async Task AvailabilityPage_FromTheCalendar_SavesWeeklyTimesDatesAndStay_AndTheCourseIsPlannedInsideThem()
    {
        var client = await app.SignedInAsync(FrontDesk);
        var time = app.Services.GetRequiredService<ClinicTime>();
        var (patient, course, site) = await NewCourseAsync("hbot", "2.4-90", 10, SessionPattern.Weekdays());
        Assert.Contains($"href=\"/patients/{patient}/availability\"", await client.GetStringAsync($"/patients/{patient}/calendar"), StringComparison.Ordinal);

        var away = time.Today.PlusDays(9);
        var fields = Week(("08:00", "12:00"), ("08:00", "12:00"), ("08:00", "12:00"), ("13:00", "17:00"), ("08:00", "12:00"), null, null);
        fields["Posted.Unavailable"] = away.ToString("uuuu-MM-dd", null);
        fields["Posted.StayFrom"] = time.Today.ToString("uuuu-MM-dd", null);
        fields["Posted.StayTo"] = time.Today.PlusDays(40).ToString("uuuu-MM-dd", null);
        var backwards = new Dictionary<string, string>(fields) { ["Posted.StayTo"] = time.Today.PlusDays(-1).ToString("uuuu-MM-dd", null) };
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync($"/patients/{patient}/availability", backwards)).StatusCode);

        var saved = await client.SubmitFormAsync($"/patients/{patient}/availability", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var stored = await db.PatientAvailabilities.SingleAsync(a => a.PatientId == patient);
        Assert.Equal(["mon 08:00-12:00", "tue 08:00-12:00", "wed 08:00-12:00", "thu 13:00-17:00", "fri 08:00-12:00"], stored.WeeklyWindows);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(PatientAvailability) && e.EntityId == stored.Id.ToString()));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "PatientAvailability" && e.Action == RegenClinic.Audit.AuditActions.Read));

        var built = await ClinicInstance.BuildAsync(db, time, site, time.Today, 28, null);
        var planned = built.Instance.Courses.Single(c => c.Id == course.ToString());
        Assert.Equal([new ClockRange(780, 1020)], planned.Windows![DayOfWeek.Thursday]);
        Assert.False(planned.Windows.ContainsKey(DayOfWeek.Saturday));
        Assert.Contains(away.ToDateOnly(), planned.Off!);
        Assert.Equal(time.Today.PlusDays(40).ToDateOnly(), planned.Stay!.Value.To);
    }

    [Fact]
    public async Task CellTherapyFollowUp_OpenVisit_IsAVisitInItsWindow_AndTheSolverPlacesItThere()
    {
        var time = app.Services.GetRequiredService<ClinicTime>();
        var (patient, course, site) = await NewCourseAsync("cell-therapy-bmac", "bmac-knee", 1, SessionPattern.Interval(1, 1));
        // A procedure done 0–2 days ago, so that its 48–72 h follow-up window lies ahead and holds a weekday's 10:00–12:00.
        var at = Enumerable.Range(0, 3).Select(k => time.Now - Duration.FromDays(k)).First(p => Enumerable.Range(2, 2).Any(d =>
        {
            var day = time.Local(p).Date.PlusDays(d);
            return day.DayOfWeek < IsoDayOfWeek.Saturday && time.ToInstant(day.At(new LocalTime(10, 0))) >= p + Duration.FromHours(48)
                && time.ToInstant(day.At(new LocalTime(12, 0))) <= p + Duration.FromHours(72);
        }));
        Guid followUp;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var record = ProcedureRecord.Chart(patient, course, 1, ProcedureFamily.CellTherapy, "cell-therapy-bmac", time.Local(at).Date, at, "test", "{}", null, 4m,
                "BMAC knee", "test", [], [], "test", time.Now);
            db.ProcedureRecords.Add(record);
            var f = ProcedureFollowUp.For(patient, FollowUpTask.Create(record.Id.ToString(), at, FollowUpKind.Visit, FollowUpRule.Default));
            db.FollowUps.Add(f);
            await db.SaveChangesAsync();
            followUp = f.Id;
        }

        using var check = app.Services.CreateScope();
        var cdb = check.ServiceProvider.GetRequiredService<ClinicDb>();
        var built = await ClinicInstance.BuildAsync(cdb, time, site, time.Today, 14, null);
        var visit = built.Instance.Courses.Single(c => c.Id == ClinicInstance.FollowUpPrefix + followUp);
        var from = time.Local(at + Duration.FromHours(48));
        var until = time.Local(at + Duration.FromHours(72));
        Assert.Equal(new DateRange(from.Date.ToDateOnly(), until.Date.ToDateOnly()), visit.Stay);
        // The window's minutes lie inside it: its first whole minute at or after 48 h.
        Assert.Equal(from.Hour * 60 + from.Minute + (from.Second > 0 || from.NanosecondOfSecond > 0 ? 1 : 0), visit.Windows![from.Date.ToDateOnly().DayOfWeek][0].Start);
        Assert.Equal(until.Hour * 60 + until.Minute, visit.Windows[until.Date.ToDateOnly().DayOfWeek][0].End);
        Assert.Equal(ResourceKind.Room, built.Instance.Treatments.Single(t => t.Id == visit.Treatment).Resource);

        var problem = SchedulingProblem.Compile(built.Instance);
        var result = Solver.Solve(problem, new SolveOptions(TimeSpan.FromSeconds(3), 1, 0));
        Assert.Empty(Checker.Validate(problem, result));
        var placed = Assert.Single(result.Sessions, s => s.Course == visit.Id);
        var start = time.ToInstant(LocalDate.FromDateOnly(placed.Date).At(LocalTime.FromMinutesSinceMidnight(placed.Start)));
        Assert.InRange(start, at + Duration.FromHours(48), at + Duration.FromHours(72));
    }

    [Theory]
    [InlineData("en", "is already in use at that time")]
    [InlineData("nl", "is op dat tijdstip al bezet")]
    public async Task Move_OntoAnOccupiedMonoplace_RefusalIsSaidInTheReadersLanguage(string culture, string expected)
    {
        var client = await app.SignedInAsync(FrontDesk);
        var time = app.Services.GetRequiredService<ClinicTime>();
        Appointment a, b;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var hbot = await db.Appointments.AsNoTracking().Where(x => x.Therapy == "hbot" && x.Status == AppointmentStatus.Booked && x.ChamberId != null)
                .OrderBy(x => x.Start).ToListAsync();
            var future = hbot.Where(x => x.Start > time.Now + Duration.FromDays(1)).ToList();
            a = future.First(x => future.Any(y => y.Start == x.Start && y.ChamberId != x.ChamberId));
            b = future.First(x => x.Start == a.Start && x.ChamberId != a.ChamberId);
        }
        var local = time.Local(a.Start);
        var page = await (await client.SubmitFormAsync($"/scheduling/appointments/{a.Id}/move?culture={culture}", new()
        {
            ["Posted.Resource"] = b.ChamberId!.Value.ToString(), ["Posted.Date"] = local.Date.ToString("uuuu-MM-dd", null),
            ["Posted.Time"] = local.TimeOfDay.ToString("HH:mm", null),
        })).Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"resource-busy\"", page, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Week(params (string From, string Until)?[] days)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < 7; i++)
        {
            fields[$"Posted.From[{i}]"] = days[i]?.From ?? "";
            fields[$"Posted.Until[{i}]"] = days[i]?.Until ?? "";
        }
        return fields;
    }

    /// <summary>A new patient of the demo site with an active course of its own (so that nothing else this class does books it).</summary>
    private async Task<(Guid Patient, Guid Course, Guid Site)> NewCourseAsync(string therapy, string protocol, int sessions, SessionPattern pattern)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var time = scope.ServiceProvider.GetRequiredService<ClinicTime>();
        var site = await scope.ServiceProvider.GetRequiredService<ViewSchedule>().DefaultSiteAsync();
        var number = 900000 + await db.Patients.CountAsync();
        var p = Patient.Register(new PatientDetails("Planner", "Test", new LocalDate(1970, 1, 1), Sex.Female, null, null, null, "nl", null),
            RegenClinic.Patients.RegisterPatient.RecordNumber(number), site, "test", time.Now, time.Today);
        db.Patients.Add(p);
        var c = TreatmentCourse.Prescribe(p.Id, site, therapy, protocol, sessions, pattern, time.Today.PlusDays(1), null, 2, "Test goals", "test", time.Now);
        c.LinkScreening(Guid.CreateVersion7());
        c.LinkConsent(Guid.CreateVersion7());
        c.Activate();
        db.Courses.Add(c);
        await db.SaveChangesAsync();
        return (p.Id, c.Id, site);
    }
}
