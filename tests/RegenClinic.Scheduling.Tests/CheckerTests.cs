namespace RegenClinic.Scheduling.Tests;

public sealed class CheckerTests
{
    private static (SchedulingProblem Problem, ScheduleResult Schedule) Valid()
    {
        var problem = SchedulingProblem.Compile(TinyClinic.Build());
        return (problem, FirstFit.Solve(problem));
    }

    private static ScheduledSession Get(ScheduleResult s, string course, int index) => s.Sessions.Single(x => x.Course == course && x.Index == index);

    private static ScheduleResult Replace(ScheduleResult s, string course, int index, Func<ScheduledSession, ScheduledSession> change) =>
        s with { Sessions = s.Sessions.Select(x => x.Course == course && x.Index == index ? change(x) : x).ToList() };

    private static List<int> Rules(SchedulingProblem p, ScheduleResult s) => Checker.Validate(p, s).Select(v => v.Rule).Distinct().ToList();

    [Fact]
    public void Validate_FirstFitOnTinyClinic_NoViolation()
    {
        var (problem, schedule) = Valid();

        Assert.Empty(Checker.Validate(problem, schedule));
        Assert.Equal(4, schedule.Metrics.ScheduledCourses);
    }

    [Fact]
    public void Validate_SessionOnClosedSaturday_Rule1()
    {
        var (p, s) = Valid();

        Assert.Contains(1, Rules(p, Replace(s, "A", 3, x => x with { Date = TinyClinic.Monday.AddDays(5) })));
    }

    [Fact]
    public void Validate_SessionAfterClosing_Rule1()
    {
        var (p, s) = Valid();

        Assert.Contains(1, Rules(p, Replace(s, "A", 3, x => x with { Start = 17 * 60, End = 19 * 60 })));
    }

    [Fact]
    public void Validate_SessionAfterClosing_CodeClinicHoursWithTheHours()
    {
        var (p, s) = Valid();

        var v = Checker.Validate(p, Replace(s, "A", 3, x => x with { Start = 17 * 60, End = 19 * 60 })).Single(v => v.Rule == 1);

        Assert.Equal(("clinic-hours", "08:00–18:00"), (v.Code, v.Subject));
    }

    [Fact]
    public void Validate_TwoSessionsInOneMonoplace_CodeResourceBusyNamingTheChamber()
    {
        var (p, s) = Valid();
        var a1 = Get(s, "A", 1);

        var broken = Replace(Replace(s, "A", 1, x => x with { Resource = "mono-1" }), "A", 2,
            x => x with { Date = a1.Date, Start = a1.Start + 30, End = a1.End + 30, Resource = "mono-1" });

        Assert.Contains(Checker.Validate(p, broken), v => v is { Code: "resource-busy", Subject: "mono-1" });
    }

    [Fact]
    public void Validate_PartOfCourse_Rule2()
    {
        var (p, s) = Valid();

        var broken = s with { Sessions = s.Sessions.Where(x => !(x.Course == "A" && x.Index == 3)).ToList() };

        Assert.Equal([2], Rules(p, broken));
    }

    [Fact]
    public void Validate_ChamberTreatmentInRoom_Rule3()
    {
        var (p, s) = Valid();

        Assert.Contains(3, Rules(p, Replace(s, "A", 1, x => x with { Resource = "proc-1" })));
    }

    [Fact]
    public void Validate_MultiplaceOnlyCourseInMonoplace_Rule3()
    {
        var (p, s) = Valid();

        Assert.Contains(3, Rules(p, Replace(s, "B", 1, x => x with { Resource = "mono-1" })));
    }

    [Fact]
    public void Validate_OverlappingDivesWithDifferentStarts_Rule3()
    {
        var (p, s) = Valid();
        var b1 = Get(s, "B", 1);
        var intruder = new ScheduledSession("A", 1, b1.Date, b1.Start + 30, b1.End + 30, "multi-1", ["op-2"]);

        var broken = s with { Sessions = s.Sessions.Where(x => !(x.Course == "A" && x.Index == 1)).Append(intruder).ToList() };

        Assert.Contains(3, Rules(p, broken));
    }

    [Fact]
    public void Validate_TwoSessionsInOneMonoplace_Rule3()
    {
        var (p, s) = Valid();
        var a1 = Get(s, "A", 1);

        var broken = Replace(Replace(s, "A", 1, x => x with { Resource = "mono-1" }), "B", 1,
            x => x with { Date = a1.Date, Start = a1.Start, End = a1.End, Resource = "mono-1" });

        Assert.Contains(3, Rules(p, broken));
    }

    [Fact]
    public void Validate_TwoSessionsInOneRoom_Rule4()
    {
        var (p, s) = Valid();
        var c1 = Get(s, "C", 1);

        var broken = Replace(s, "D", 1, x => x with { Date = c1.Date, Start = c1.Start + 15, End = c1.Start + 60, Resource = "proc-1" });

        Assert.Contains(4, Rules(p, broken));
    }

    [Fact]
    public void Validate_NoStaff_Rule5()
    {
        var (p, s) = Valid();

        Assert.Equal([5], Rules(p, Replace(s, "A", 2, x => x with { Staff = [] })));
    }

    [Fact]
    public void Validate_StaffWithoutSkill_Rule5()
    {
        var (p, s) = Valid();

        Assert.Contains(5, Rules(p, Replace(s, "A", 2, x => x with { Staff = ["inj-1"] })));
    }

    [Fact]
    public void Validate_OperatorInTwoPlacesAtOnce_Rule5()
    {
        var (p, s) = Valid();
        var a1 = Get(s, "A", 1);
        var b1 = Get(s, "B", 1);
        // Put A's first session at the same time as B's dive, but in the monoplace with the dive's operator.
        var broken = Replace(s, "A", 1, x => x with { Date = b1.Date, Start = b1.Start, End = b1.End, Staff = b1.Staff, Resource = "mono-1" });
        broken = broken with { Sessions = broken.Sessions.Where(x => x.Course != "A" || x.Index == 1).ToList() };

        Assert.Contains(5, Rules(p, broken));
        Assert.NotNull(a1);
    }

    [Fact]
    public void Validate_OutsidePatientWindow_Rule6()
    {
        var (p, s) = Valid();

        Assert.Contains(6, Rules(p, Replace(s, "B", 2, x => x with { Start = 13 * 60, End = 15 * 60 })));
    }

    [Fact]
    public void Validate_OnPatientOffDate_Rule6()
    {
        var (p, s) = Valid();

        Assert.Contains(6, Rules(p, Replace(s, "D", 1, x => x with { Date = TinyClinic.Monday })));
    }

    [Fact]
    public void Validate_OutsideStay_Rule6()
    {
        var courses = TinyClinic.Build().Courses.Select(c => c.Id == "C"
            ? c with { Stay = new DateRange(TinyClinic.Monday, TinyClinic.Monday.AddDays(6)) }
            : c).ToList();
        var p = SchedulingProblem.Compile(TinyClinic.Build(courses));
        var s = FirstFit.Solve(p);
        Assert.Empty(Checker.Validate(p, s));

        var moved = Replace(s, "C", 2, x => x with { Date = TinyClinic.Monday.AddDays(7) });

        Assert.Contains(6, Rules(p, moved));
    }

    [Fact]
    public void Validate_GapDayInWeekdayCourse_Rule7()
    {
        var (p, s) = Valid();

        Assert.Equal([7], Rules(p, Replace(s, "A", 3, x => x with { Date = x.Date.AddDays(1) })));
    }

    [Fact]
    public void Validate_IntervalOutsideRange_Rule7()
    {
        var (p, s) = Valid();

        Assert.Equal([7], Rules(p, Replace(s, "C", 2, x => x with { Date = Get(s, "C", 1).Date.AddDays(7) })));
    }

    [Fact]
    public void Validate_IndexesNotInTimeOrder_Rule7()
    {
        var (p, s) = Valid();
        var c1 = Get(s, "C", 1);
        var c2 = Get(s, "C", 2);

        var swapped = s with { Sessions = s.Sessions.Select(x => x.Course == "C" ? x with { Index = 3 - x.Index } : x).ToList() };

        Assert.Contains(7, Rules(p, swapped));
        Assert.True(c1.Date < c2.Date);
    }

    [Fact]
    public void Validate_BeforeRelease_Rule8()
    {
        var (p, s) = Valid();
        var b1 = Get(s, "B", 1);
        Assert.Equal(TinyClinic.Monday.AddDays(1), b1.Date);

        Assert.Contains(8, Rules(p, Replace(s, "B", 1, x => x with { Date = TinyClinic.Monday })));
    }

    [Fact]
    public void Validate_FixedSessionMoved_Rule8()
    {
        var (first, firstSchedule) = Valid();
        var a1 = Get(firstSchedule, "A", 1);
        var instance = TinyClinic.Build(fixedSessions: [new FixedSession("A", 1, a1.Date, a1.StartTime, a1.Resource, a1.Staff)]);
        var p = SchedulingProblem.Compile(instance);
        Assert.Empty(Checker.Validate(p, firstSchedule));

        Assert.Contains(8, Rules(p, Replace(firstSchedule, "A", 1, x => x with { Staff = ["op-2"] })));
        Assert.NotNull(first);
    }

    [Fact]
    public void Validate_EndNotStartPlusMinutes_Malformed()
    {
        var (p, s) = Valid();

        Assert.Equal([0], Rules(p, Replace(s, "A", 1, x => x with { End = x.End + 5 })));
    }

    [Fact]
    public void Validate_UnknownCourse_Malformed()
    {
        var (p, s) = Valid();

        Assert.Contains(0, Rules(p, Replace(s, "A", 1, x => x with { Course = "ZZ" })));
    }
}
