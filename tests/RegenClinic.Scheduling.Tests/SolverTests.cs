namespace RegenClinic.Scheduling.Tests;

public sealed class SolverTests
{
    [Fact]
    public void Solve_SmallClinicExample_ChecksAndStaysUnderBound()
    {
        var problem = SchedulingProblem.Compile(InstanceJson.Read(File.ReadAllText("small-clinic.json")));

        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Empty(Checker.Validate(problem, result));
        Assert.True(result.Metrics.ScheduledSessions > 0);
        Assert.True(result.Metrics.WeightedSessions <= result.Metrics.CapacityBoundWeightedSessions);
        Assert.True(result.Metrics.ScheduledSessions <= result.Metrics.CapacityBoundSessions);
        Assert.Equal(problem.Courses.Length, result.Metrics.ScheduledCourses + result.Unscheduled.Count);
        // Hand-checked: the four interval courses left out cannot fit their minimum spacing before the horizon ends
        // (e.g. c-0002: 8 sessions ≥ 5 days apart on weekdays from 2027-01-11 fit only 5 times (01-11, 01-18, 01-25, 02-01, 02-08) before the horizon ends on 2027-02-14),
        // so every other course is placed and the bound is reached.
        Assert.Equal(["c-0001", "c-0002", "c-0009", "c-x001"], result.Unscheduled.Select(u => u.Course));
        Assert.Equal(218, result.Metrics.WeightedSessions);
        Assert.Equal(218, result.Metrics.CapacityBoundWeightedSessions);
    }

    [Fact]
    public void Solve_OneSlotADayForTwoCourses_UrgentCourseWins()
    {
        // One monoplace, one 120-minute slot a day, ten weekdays: only one 10-session course fits.
        IReadOnlyList<ChamberKind> mono = [ChamberKind.Monoplace];
        var courses = new List<Course>
        {
            new("X", "px", "hbot", 10, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 3, mono),
            new("Y", "py", "hbot", 10, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 1, mono),
        };
        var problem = SchedulingProblem.Compile(TinyClinic.Build(courses, hours: TinyClinic.Weekly(480, 600)));

        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Equal(ScheduleStatus.Optimal, result.Status);
        Assert.All(result.Sessions, s => Assert.Equal("Y", s.Course));
        Assert.Equal(10, result.Metrics.ScheduledSessions);
        Assert.Equal(30, result.Metrics.WeightedSessions);
        Assert.Equal("X", Assert.Single(result.Unscheduled).Course);
        Assert.Equal(0, result.Metrics.WeightedLatenessDays);
        Assert.Equal(0, result.Metrics.StartTimeChanges);
    }

    [Fact]
    public void Solve_TinyClinic_AllCoursesOnTimeAtSameDailyTime()
    {
        var problem = SchedulingProblem.Compile(TinyClinic.Build());

        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Empty(result.Unscheduled);
        Assert.Equal(9, result.Metrics.ScheduledSessions);
        Assert.Equal(0, result.Metrics.WeightedLatenessDays);
        Assert.Equal(0, result.Metrics.StartTimeChanges);
        // D's patient is off on Monday: one day of delay is the least possible.
        Assert.Equal(1, result.Metrics.TotalStartDelayDays);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Solve_SeededRandomInstance_CheckerAccepts(int seed)
    {
        var problem = SchedulingProblem.Compile(InstanceGenerator.Generate(14, seed, days: 28));

        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Empty(Checker.Validate(problem, result));
        Assert.True(result.Metrics.WeightedSessions >= FirstFit.Solve(problem).Metrics.WeightedSessions);
        Assert.True(result.Metrics.WeightedSessions <= result.Metrics.CapacityBoundWeightedSessions);
    }

    [Fact]
    public void Repair_CourseCancelled_OthersKeepTheirSessions()
    {
        var instance = TinyClinic.Build();
        var before = Solver.Solve(SchedulingProblem.Compile(instance), TinyClinic.Quick, TestContext.Current.CancellationToken);
        var changed = SchedulingProblem.Compile(instance with { Courses = instance.Courses.Where(c => c.Id != "C").ToList() });

        var repair = Solver.Repair(changed, before, TinyClinic.Monday.AddDays(1), 0, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Equal(0, repair.MovedSessions);
        Assert.Empty(repair.ChangedCourses);
        Assert.Empty(Checker.Validate(changed, repair.Schedule));
        Assert.Equal(before.Metrics.ScheduledSessions - 2, repair.Schedule.Metrics.ScheduledSessions);
    }

    [Fact]
    public void FirstFit_SeededInstance_ValidAndBelowBound()
    {
        var problem = SchedulingProblem.Compile(InstanceGenerator.Generate(30, 5, days: 42));

        var result = FirstFit.Solve(problem);

        Assert.Empty(Checker.Validate(problem, result));
        Assert.True(result.Metrics.WeightedSessions <= result.Metrics.CapacityBoundWeightedSessions);
        Assert.All(result.Unscheduled, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
    }
}

public sealed class SolverEdgeTests
{
    [Fact]
    public void Solve_FixedDiveOffTheSlotGrid_KeptAsGiven()
    {
        // Dive slots run from 08:00 every 120 minutes; a booked dive at 09:15 must stay exactly there.
        var fixedDive = new FixedSession("B", 1, TinyClinic.Monday.AddDays(1), new TimeOnly(9, 15), "multi-1", ["op-1"]);
        var problem = SchedulingProblem.Compile(TinyClinic.Build(fixedSessions: [fixedDive]));

        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Empty(Checker.Validate(problem, result));
        var b1 = result.Sessions.Single(s => s.Course == "B" && s.Index == 1);
        Assert.Equal((9 * 60 + 15, "multi-1"), (b1.Start, b1.Resource));
        Assert.Equal(["op-1"], b1.Staff);
    }

    [Fact]
    public void Solve_NoStaffWithNeededSkill_CourseUnscheduledWithReason()
    {
        var instance = TinyClinic.Build();
        var problem = SchedulingProblem.Compile(instance with { Staff = instance.Staff.Where(s => !s.Skills.Contains("injector")).ToList() });

        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Empty(Checker.Validate(problem, result));
        var reasons = result.Unscheduled.Where(u => u.Course is "C" or "D").Select(u => u.Reason).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, r => Assert.Contains("skill", r, StringComparison.Ordinal));
        Assert.Equal(6, result.Metrics.ScheduledSessions);
    }

    [Fact]
    public void FirstFit_ContradictoryFixedSessions_Infeasible()
    {
        // Two courses of the same patient fixed at the same time cannot both be kept.
        IReadOnlyList<Course> courses =
        [
            new("A", "p", "hbot", 1, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 1),
            new("B", "p", "hbot", 1, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 1),
        ];
        var problem = SchedulingProblem.Compile(TinyClinic.Build(courses, fixedSessions:
        [
            new FixedSession("A", 1, TinyClinic.Monday, new TimeOnly(8, 0), "mono-1", ["op-1"]),
            new FixedSession("B", 1, TinyClinic.Monday, new TimeOnly(8, 0), "multi-1", ["op-2"]),
        ]));

        Assert.Equal(ScheduleStatus.Infeasible, FirstFit.Solve(problem).Status);
        Assert.Equal(ScheduleStatus.Infeasible, Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken).Status);
    }

    [Fact]
    public void Solve_LargeInstance_ReportsFirstFitAtOnceThenTheBoundThenNeverLess()
    {
        var problem = SchedulingProblem.Compile(InstanceGenerator.Generate(120, 4));
        var reports = new List<SolveProgress>();

        var result = Solver.Solve(problem, TinyClinic.Quick with { Progress = p => { lock (reports) { reports.Add(p); } } },
            TestContext.Current.CancellationToken);

        Assert.True(double.IsNaN(reports[0].Bound));
        Assert.Equal(FirstFit.Solve(problem).Metrics.WeightedSessions, reports[0].Objective);
        // The bound is reported as soon as the LP has it, before the greedies improve on first fit.
        Assert.Equal((reports[0].Objective, (double)result.Metrics.CapacityBoundWeightedSessions), (reports[1].Objective, reports[1].Bound));
        Assert.True(result.Metrics.WeightedSessions > reports[0].Objective);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Objective >= pair.First.Objective));
        Assert.True(result.Metrics.WeightedSessions >= reports[^1].Objective);
    }
}
