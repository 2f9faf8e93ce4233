using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Plans;
using RegenClinic.Scheduling;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Scheduling;

/// <summary>Repair with the fewest changes and safe confirmation, in a clinic of this class's own (its tests confirm
/// plans and book far-future slots the flow tests do not touch).</summary>
public sealed class SchedulingRepairTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string FrontDesk = "frontdesk@regenclinic.demo";

    [Fact]
    public async Task Repair_CancelledCourseSession_MovesNoOtherBooking_AndBooksItsReplacementAfterTheCourse()
    {
        var client = await app.SignedInAsync(FrontDesk);
        var time = app.Services.GetRequiredService<ClinicTime>();
        var propose = await client.SubmitFormAsync("/scheduling", new()
        {
            ["Posted.Start"] = time.Today.ToString("uuuu-MM-dd", null), ["Posted.Days"] = "35", ["Posted.TimeLimit"] = "4",
        });
        var proposal = SchedulingTestRuns.RunOf(propose);
        await SchedulingTestRuns.WaitForAsync(client, proposal);
        await client.SubmitFormAsync($"/scheduling/runs/{proposal}", new() { ["_handler"] = "confirm" });

        // A daily course (one session a day) whose last booking is early in the repair's four weeks: cancel a session in its middle.
        Appointment cancelled;
        LocalDate lastBefore;
        List<Appointment> before;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            before = await db.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Booked).ToListAsync();
            // One of the demo's planned courses the proposal booked, for a patient who stated no availability.
            var stated = db.PatientAvailabilities.Select(a => a.PatientId);
            var daily = await db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Active && c.Goals == "Demo: planned course awaiting a schedule"
                && c.Pattern.Kind == SessionPatternKind.Weekdays && c.Pattern.PerDay == 1 && !stated.Contains(c.PatientId)).Select(c => c.Id).ToListAsync();
            var course = before.Where(a => a.CourseId is { } c && daily.Contains(c)).GroupBy(a => a.CourseId!.Value)
                .OrderBy(g => g.Max(a => a.Start)).First(g => g.Count() >= 3);
            var sessions = course.OrderBy(a => a.Start).ToList();
            cancelled = sessions[1];
            lastBefore = time.Local(sessions[^1].Start).Date;
        }

        var response = await client.SubmitFormAsync("/scheduling/repair", new() { ["CancelForm.Appointment"] = cancelled.Id.ToString() });
        var run = SchedulingTestRuns.RunOf(response);
        var page = await SchedulingTestRuns.WaitForAsync(client, run);
        Assert.Contains("Checked by the independent checker", page, StringComparison.Ordinal);
        Assert.Contains("id=\"tell\"", page, StringComparison.Ordinal);

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var stored = await db.ScheduleRuns.AsNoTracking().SingleAsync(r => r.Id == run);
            var result = ScheduleJson.Read(stored.ResultJson!);
            Assert.Empty(Checker.Validate(SchedulingProblem.Compile(InstanceJson.Read(stored.InstanceJson!)), result));
            var booked = before.ToDictionary(a => a.Id);
            var moved = result.Sessions.Where(s => ClinicInstance.AppointmentOf(s.Course) is { } id
                && (time.ToInstant(LocalDate.FromDateOnly(s.Date).At(LocalTime.FromMinutesSinceMidnight(s.Start))) != booked[id].Start
                    || s.Resource != (booked[id].ChamberId ?? booked[id].RoomId).ToString())).ToList();
            Assert.Empty(moved);
            Assert.True(result.Sessions.Any(s => s.Course == cancelled.CourseId.ToString()),
                "no replacement; unscheduled: " + string.Join("; ", result.Unscheduled.Select(u => $"{u.Course}: {u.Reason}")));
            var replacement = Assert.Single(result.Sessions, s => s.Course == cancelled.CourseId.ToString());
            Assert.True(LocalDate.FromDateOnly(replacement.Date) > lastBefore, $"replacement on {replacement.Date}, course ended {lastBefore}");
            Assert.Contains(cancelled.PatientId.ToString(), stored.PatientsToTell ?? "", StringComparison.Ordinal);
        }

        var confirmed = await client.SubmitFormAsync($"/scheduling/runs/{run}", new() { ["_handler"] = "confirm" });
        Assert.Contains("id=\"confirmed\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.Equal(AppointmentStatus.Cancelled, (await after.Appointments.SingleAsync(a => a.Id == cancelled.Id)).Status);
        var live = await after.Appointments.Where(a => a.CourseId == cancelled.CourseId && a.Status == AppointmentStatus.Booked).ToListAsync();
        Assert.Equal(before.Count(a => a.CourseId == cancelled.CourseId), live.Count);
        Assert.True(time.Local(live.Max(a => a.Start)).Date > lastBefore);
    }

    [Fact]
    public async Task Repair_StaffMemberOffSick_ReplansOnlyThatDaysSessionsNeedingTheSkill_WithoutThem_AndConfirmRecordsTheDay()
    {
        var client = await app.SignedInAsync(FrontDesk);
        var time = app.Services.GetRequiredService<ClinicTime>();
        string sick;
        LocalDate day;
        List<Appointment> before;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            sick = (await db.Users.SingleAsync(u => u.Email == "operator@regenclinic.demo")).Id;
            before = await db.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Booked && a.Start > time.Now).ToListAsync();
            // The first weekday after tomorrow with chamber sessions booked.
            day = before.Where(a => a.ChamberId != null).Select(a => time.Local(a.Start).Date).Where(d => d > time.Today.PlusDays(1)).Order().First();
        }
        var form = await client.SubmitFormAsync("/scheduling/repair", new()
        {
            ["_handler"] = "repair-staff", ["StaffForm.Staff"] = sick, ["StaffForm.From"] = day.ToString("uuuu-MM-dd", null), ["StaffForm.To"] = day.ToString("uuuu-MM-dd", null),
        });
        var run = SchedulingTestRuns.RunOf(form);
        var page = await SchedulingTestRuns.WaitForAsync(client, run);
        Assert.Contains("Checked by the independent checker", page, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var stored = await db.ScheduleRuns.AsNoTracking().SingleAsync(r => r.Id == run);
            var instance = InstanceJson.Read(stored.InstanceJson!);
            Assert.Contains(day.ToDateOnly(), instance.Staff.Single(m => m.Id == sick).Off);
            var result = ScheduleJson.Read(stored.ResultJson!);
            Assert.Empty(Checker.Validate(SchedulingProblem.Compile(instance), result));
            Assert.DoesNotContain(result.Sessions, s => s.Date == day.ToDateOnly() && s.Staff.Contains(sick));
            // Bookings on other days, and room sessions (another skill), stay exactly where they are.
            var booked = before.ToDictionary(a => a.Id);
            foreach (var s in result.Sessions)
            {
                if (ClinicInstance.AppointmentOf(s.Course) is not { } id || !booked.TryGetValue(id, out var a)) continue;
                // A chamber session booked on the sick day may move, to another day too: judge it by where it was booked.
                if (time.Local(a.Start).Date == day && a.ChamberId != null) continue;
                var at = time.ToInstant(LocalDate.FromDateOnly(s.Date).At(LocalTime.FromMinutesSinceMidnight(s.Start)));
                Assert.True(a.Start == at, $"{a.Therapy} booking at {a.Start} (chamber {a.ChamberId}, room {a.RoomId}, staff [{string.Join(",", a.Staff)}]) moved to {at}");
            }
        }
        var confirmed = await client.SubmitFormAsync($"/scheduling/runs/{run}", new() { ["_handler"] = "confirm" });
        Assert.Contains("id=\"confirmed\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var check = app.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.True(await after.StaffOffDays.AnyAsync(o => o.StaffUserId == sick && o.Date == day));
        var from = time.ToInstant(day.AtMidnight());
        var to = time.ToInstant(day.PlusDays(1).AtMidnight());
        Assert.DoesNotContain(await after.Appointments.Where(a => a.Status == AppointmentStatus.Booked && a.Start >= from && a.Start < to).ToListAsync(),
            a => a.Staff.Contains(sick));
    }

    [Fact]
    public async Task Confirm_TwoBookingsSwapRooms_AndTwoSwapMonoplaceSeats_InOneTransaction()
    {
        var client = await app.SignedInAsync(FrontDesk);
        var (run, swaps) = await SwapRunAsync(weeks: 13, foreign: false);
        var confirmed = await client.SubmitFormAsync($"/scheduling/runs/{run}", new() { ["_handler"] = "confirm" });
        Assert.Contains("id=\"confirmed\"", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        foreach (var (id, resource) in swaps)
        {
            var a = await db.Appointments.SingleAsync(x => x.Id == id);
            Assert.Equal(resource, a.ChamberId ?? a.RoomId);
            Assert.Equal(AppointmentStatus.Booked, a.Status);
            if (a.ChamberId is not null) Assert.Equal(1, a.Seat);
        }
    }

    [Fact]
    public async Task Confirm_SwapWhenSomeoneElseBookedInBetween_IsRefused_AndNothingMoves()
    {
        var client = await app.SignedInAsync(FrontDesk);
        var (run, swaps) = await SwapRunAsync(weeks: 14, foreign: true);
        var refused = await client.SubmitFormAsync($"/scheduling/runs/{run}", new() { ["_handler"] = "confirm" });
        Assert.DoesNotContain("id=\"confirmed\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        foreach (var (id, resource) in swaps) Assert.NotEqual(resource, (await db.Appointments.SingleAsync(x => x.Id == id)) is var a ? a.ChamberId ?? a.RoomId : null);
        Assert.Equal(ScheduleRunStatus.Ready, (await db.ScheduleRuns.SingleAsync(r => r.Id == run)).Status);
    }

    /// <summary>Books two monoplace sessions and two room sessions at the same times on a weekday <paramref name="weeks"/> ahead
    /// and stores a checked proposal that swaps each pair; with <paramref name="foreign"/> another booking is then made
    /// on the day, as if by someone else after the proposal.</summary>
    private async Task<(Guid Run, List<(Guid Id, Guid Resource)> Swaps)> SwapRunAsync(int weeks, bool foreign)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var time = scope.ServiceProvider.GetRequiredService<ClinicTime>();
        var site = await scope.ServiceProvider.GetRequiredService<ViewSchedule>().DefaultSiteAsync();
        var date = time.Today.PlusWeeks(weeks);
        while (date.DayOfWeek != IsoDayOfWeek.Wednesday) date = date.PlusDays(1);
        var monos = await db.Chambers.Where(c => c.SiteId == site && c.Kind == RegenClinic.Domain.Clinic.ChamberKind.Monoplace && c.Status == EquipmentStatus.InService)
            .OrderBy(c => c.Name).Select(c => c.Id).Take(3).ToListAsync();
        var rooms = await db.Rooms.Where(r => r.SiteId == site).OrderBy(r => r.Name).Select(r => r.Id).Take(2).ToListAsync();
        Assert.True(monos.Count >= 3 && rooms.Count >= 2, "the demo clinic has three monoplaces and two rooms");
        var patients = await db.Patients.Where(p => p.SiteId == site).OrderBy(p => p.RecordNumber).Select(p => p.Id).Take(5).ToListAsync();
        Interval Slot(int hour, int minutes) => new(time.ToInstant(date.At(new LocalTime(hour, 0))), time.ToInstant(date.At(new LocalTime(hour, 0))) + Duration.FromMinutes(minutes));
        var made = new List<Appointment>
        {
            Appointment.Book(patients[0], site, "hbot", monos[0], null, Slot(9, 120), "test", time.Now),
            Appointment.Book(patients[1], site, "hbot", monos[1], null, Slot(9, 120), "test", time.Now),
            Appointment.Book(patients[2], site, "prolotherapy", null, rooms[0], Slot(10, 45), "test", time.Now),
            Appointment.Book(patients[3], site, "prolotherapy", null, rooms[1], Slot(10, 45), "test", time.Now),
        };
        foreach (var a in made)
        {
            a.Place(a.ChamberId is null ? null : 1, a.ChamberId is null ? null : "2.4-90", [], null);
            db.Appointments.Add(a);
        }
        await db.SaveChangesAsync();

        var built = await ClinicInstance.BuildAsync(db, time, site, date, 1, null);
        var swap = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ClinicInstance.AppointmentCourse(made[0].Id)] = monos[1].ToString(), [ClinicInstance.AppointmentCourse(made[1].Id)] = monos[0].ToString(),
            [ClinicInstance.AppointmentCourse(made[2].Id)] = rooms[1].ToString(), [ClinicInstance.AppointmentCourse(made[3].Id)] = rooms[0].ToString(),
        };
        var instance = built.Instance with { Fixed = [.. built.Instance.Fixed.Where(f => !swap.ContainsKey(f.Course))] };
        var problem = SchedulingProblem.Compile(instance);
        var sessions = built.BookedSessions.Select(s => swap.TryGetValue(s.Course, out var r) ? s with { Resource = r } : s).ToList();
        var result = ScheduleResult.Create(problem, ScheduleStatus.Feasible, sessions, [], 0, default);
        Assert.Empty(Checker.Validate(problem, result));
        var run = ScheduleRun.Queue(site, ScheduleRunKind.Repair, null, date, 1, 5, "test", time.Now);
        run.Finish(InstanceJson.Write(instance), ScheduleJson.Write(result), null, ScheduleRunner.Fingerprint(built.BookedSessions), 0, 0, 0, time.Now);
        db.ScheduleRuns.Add(run);
        if (foreign)
        {
            var other = Appointment.Book(patients[4], site, "hbot", monos[2], null, Slot(9, 120), "someone else", time.Now);
            other.Place(1, "2.4-90", [], null);
            db.Appointments.Add(other);
        }
        await db.SaveChangesAsync();
        return (run.Id, [(made[0].Id, monos[1]), (made[1].Id, monos[0]), (made[2].Id, rooms[1]), (made[3].Id, rooms[0])]);
    }
}
