namespace RegenClinic.Scheduling.Tests;

public sealed class CapacityBoundsTests
{
    [Fact]
    public void Compute_TwoRunsNeedTheSameDays_BoundIsOneCourse()
    {
        // One 120-minute slot a day on the monoplace, ten weekdays; two 6-session weekday courses. Per day there is room
        // for ten sessions, but every 6-day run within ten weekdays covers weekdays 5 and 6, so only one course fits:
        // the start-day LP sees it (a per-day LP without runs would allow 10).
        IReadOnlyList<ChamberKind> mono = [ChamberKind.Monoplace];
        var courses = new List<Course>
        {
            new("X", "px", "hbot", 6, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 3, mono),
            new("Y", "py", "hbot", 6, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 1, mono),
        };
        var problem = SchedulingProblem.Compile(TinyClinic.Build(courses, hours: TinyClinic.Weekly(480, 600)));

        var bound = CapacityBounds.Compute(problem);

        Assert.Equal(6, bound.Sessions);
        Assert.Equal(18, bound.WeightedSessions);
        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);
        Assert.Equal(18, result.Metrics.WeightedSessions);
    }

    [Fact]
    public void Compute_ThreeShortCoursesFitSideBySide_BoundIsAllSessions()
    {
        // Same clinic, three 3-session courses: weekdays 1–3, 4–6 and 7–9 hold them one after the other.
        IReadOnlyList<ChamberKind> mono = [ChamberKind.Monoplace];
        var courses = Enumerable.Range(1, 3).Select(i =>
            new Course($"C{i}", $"p{i}", "hbot", 3, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday.AddDays(14), 2, mono)).ToList();
        var problem = SchedulingProblem.Compile(TinyClinic.Build(courses, hours: TinyClinic.Weekly(480, 600)));

        var bound = CapacityBounds.Compute(problem);

        Assert.Equal(9, bound.Sessions);
        Assert.Equal(18, bound.WeightedSessions);
    }
}
