using System.Diagnostics;

namespace RegenClinic.Scheduling.Tests;

public sealed class RuinRecreateTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public void Improve_SeededInstance_ValidAndNeverBelowStart(int seed, int workers)
    {
        var problem = SchedulingProblem.Compile(InstanceGenerator.Generate(60, seed, days: 42));
        var start = FirstFit.Solve(problem);
        var (_, plan) = CapacityBounds.Solve(problem);

        var improved = RuinRecreate.Improve(problem, start.Sessions.ToList(), plan, TimeSpan.FromSeconds(1), Stopwatch.StartNew(), seed, workers, null,
            TestContext.Current.CancellationToken);

        var result = ScheduleResult.Create(problem, ScheduleStatus.Feasible, improved, [], 0, default);
        Assert.Empty(Checker.Validate(problem, result));
        Assert.True(result.Metrics.WeightedSessions >= start.Metrics.WeightedSessions);
    }

    [Fact]
    public void Solve_LargeSeededInstance_RuinRecreatePathCheckerAccepts()
    {
        // 120 courses over 12 weeks: more than 1,500 sessions, so the solver takes the large-instance path.
        var problem = SchedulingProblem.Compile(InstanceGenerator.Generate(120, 4));
        Assert.True(problem.Instance.Courses.Sum(c => c.Sessions) > 1500);

        var result = Solver.Solve(problem, TinyClinic.Quick, TestContext.Current.CancellationToken);

        Assert.Empty(Checker.Validate(problem, result));
        Assert.True(result.Metrics.WeightedSessions >= FirstFit.Solve(problem).Metrics.WeightedSessions);
        Assert.True(result.Metrics.WeightedSessions <= result.Metrics.CapacityBoundWeightedSessions);
    }
}
