namespace RegenClinic.Scheduling.Tests;

public sealed class RepairTests
{
    [Fact]
    public void Repair_CancellationInSeededInstanceWithFixedSessions_NothingElseMoves()
    {
        // Generated instances carry already-booked (fixed) courses; a repair used to reject every kept course because
        // the other courses' fixed sessions are missing when one course is checked alone.
        var instance = InstanceGenerator.Generate(120, 4);
        Assert.NotEmpty(instance.Fixed);
        var solved = Solver.Solve(SchedulingProblem.Compile(instance), TinyClinic.Quick, TestContext.Current.CancellationToken);
        var cancelled = solved.Sessions.GroupBy(x => x.Course).Where(g => instance.Fixed.All(f => f.Course != g.Key))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var changed = SchedulingProblem.Compile(instance with { Courses = instance.Courses.Where(c => c.Id != cancelled).ToList() });

        var repair = Solver.Repair(changed, solved, instance.Clinic.Start, 0, new SolveOptions(TimeSpan.FromSeconds(1), 1, 1),
            TestContext.Current.CancellationToken);

        Assert.Empty(Checker.Validate(changed, repair.Schedule));
        Assert.Equal(0, repair.MovedSessions);
        Assert.True(repair.Schedule.Metrics.WeightedSessions >= solved.Metrics.WeightedSessions - solved.Sessions.Count(s => s.Course == cancelled) * 3);
        Assert.True(repair.Schedule.Metrics.WeightedSessions <= repair.Schedule.Metrics.CapacityBoundWeightedSessions);
    }
}
