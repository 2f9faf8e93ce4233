namespace RegenClinic.Scheduling.Tests;

public sealed class FirstFitTests
{
    // One monoplace, one 120-minute slot a day, ten weekdays. X (priority 3) asks first for all ten days; Y (priority 1)
    // asks a day later for eight.
    private static SchedulingProblem Contested()
    {
        IReadOnlyList<ChamberKind> mono = [ChamberKind.Monoplace];
        var courses = new List<Course>
        {
            new("X", "px", "hbot", 10, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 3, mono),
            new("Y", "py", "hbot", 8, new WeekdaysPattern(), TinyClinic.Monday.AddDays(1), TinyClinic.Monday.AddDays(1), 1, mono),
        };
        return SchedulingProblem.Compile(TinyClinic.Build(courses, hours: TinyClinic.Weekly(480, 600)));
    }

    [Fact]
    public void Solve_ArrivalOrder_BooksTheEarlierRequestAndTurnsAwayTheUrgentOne()
    {
        var result = FirstFit.Solve(Contested(), FirstFitOrder.Arrival);

        Assert.All(result.Sessions, s => Assert.Equal("X", s.Course));
        Assert.Equal(10, result.Metrics.WeightedSessions);
        Assert.Equal("Y", Assert.Single(result.Unscheduled).Course);
    }

    [Fact]
    public void Solve_PriorityOrder_BooksTheUrgentRequestFirst()
    {
        var result = FirstFit.Solve(Contested(), FirstFitOrder.Priority);

        Assert.All(result.Sessions, s => Assert.Equal("Y", s.Course));
        Assert.Equal(24, result.Metrics.WeightedSessions);
        Assert.Equal("X", Assert.Single(result.Unscheduled).Course);
    }
}
