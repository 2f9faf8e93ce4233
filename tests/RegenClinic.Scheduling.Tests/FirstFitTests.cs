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

    // Arrival order books X, which asked first (10 sessions of weight 1); priority order books the urgent Y (8 sessions of
    // weight 3); the other course is turned away whole.
    [Theory]
    [InlineData(FirstFitOrder.Arrival, "X", 10, "Y")]
    [InlineData(FirstFitOrder.Priority, "Y", 24, "X")]
    public void Solve_ContestedMonoplace_TheOrderDecidesWhoIsBookedAndWhoIsTurnedAway(FirstFitOrder order, string booked, int weighted, string turnedAway)
    {
        var result = FirstFit.Solve(Contested(), order);

        Assert.All(result.Sessions, s => Assert.Equal(booked, s.Course));
        Assert.Equal(weighted, result.Metrics.WeightedSessions);
        Assert.Equal(turnedAway, Assert.Single(result.Unscheduled).Course);
    }
}
