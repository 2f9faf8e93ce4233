namespace RegenClinic.Scheduling.Tests;

public sealed class DayPlanTests
{
    private static readonly IReadOnlyList<ChamberKind> Mono = [ChamberKind.Monoplace];

    private static SchedulingProblem OneSlotADay(params Course[] courses) =>
        SchedulingProblem.Compile(TinyClinic.Build(courses, hours: TinyClinic.Weekly(480, 600)));

    [Fact]
    public void Solve_TwoRunsFitOneAfterTheOther_PlansBothWithoutOverlap()
    {
        var problem = OneSlotADay(
            new Course("X", "px", "hbot", 4, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 2, Mono),
            new Course("Y", "py", "hbot", 4, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 2, Mono));

        var plan = DayPlan.Solve(problem, [], TimeSpan.FromSeconds(2), 1, 7, TestContext.Current.CancellationToken);

        Assert.NotNull(plan);
        Assert.Equal(2, plan.Count);
        var days = plan.Select(kv => CoursePlacer.WeekdaySessionDays(problem, problem.Courses[kv.Key], kv.Value)!).ToList();
        Assert.Empty(days[0].Intersect(days[1]));
        // Least delay: one starts on Monday, the other on Friday (day 4) right after it.
        Assert.Equal(new[] { 0, 4 }, plan.Values.Order().ToArray());
    }

    [Fact]
    public void Solve_OnlyOneFits_PlansTheMoreValuableCourse()
    {
        var problem = OneSlotADay(
            new Course("X", "px", "hbot", 10, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 3, Mono),
            new Course("Y", "py", "hbot", 8, new WeekdaysPattern(), TinyClinic.Monday.AddDays(1), TinyClinic.Monday.AddDays(1), 1, Mono));

        var plan = DayPlan.Solve(problem, [], TimeSpan.FromSeconds(2), 1, 7, TestContext.Current.CancellationToken);

        Assert.NotNull(plan);
        var (course, start) = Assert.Single(plan);
        Assert.Equal("Y", problem.Courses[course].Id);
        Assert.Equal(1, start);
    }
}
