using System.Diagnostics;

namespace RegenClinic.Scheduling.Tests;

public sealed class WindowSearchTests
{
    [Fact]
    public void Improve_FromFirstFit_ValidAndNeverWorse()
    {
        var problem = SchedulingProblem.Compile(InstanceGenerator.Generate(40, 11, days: 42));
        var start = FirstFit.Solve(problem).Sessions.ToList();

        var improved = WindowSearch.Improve(problem, start, new SolveOptions(TimeSpan.FromSeconds(5.5), Workers: 1, Seed: 2), Stopwatch.StartNew(), 0,
            TestContext.Current.CancellationToken);

        var result = ScheduleResult.Create(problem, ScheduleStatus.Feasible, improved, [], 0, default);
        Assert.Empty(Checker.Validate(problem, result));
        Assert.True(WindowSearch.Score(problem, improved).CompareTo(WindowSearch.Score(problem, start)) >= 0);
    }
}
