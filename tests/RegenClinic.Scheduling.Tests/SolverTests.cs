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
