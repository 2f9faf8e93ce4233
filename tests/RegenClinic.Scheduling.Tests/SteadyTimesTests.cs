using System.Diagnostics;

namespace RegenClinic.Scheduling.Tests;

public sealed class SteadyTimesTests
{
    /// <summary>One monoplace open 08:00–12:00 (two sessions a day), two 3-session courses, each changing time twice.</summary>
    private static (SchedulingProblem Problem, List<ScheduledSession> Sessions) Clinic(int[] timesA, int[] timesB)
    {
        var problem = SchedulingProblem.Compile(TinyClinic.Build(
        [
            new Course("A", "pa", "hbot", 3, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 2, ChamberKinds: [ChamberKind.Monoplace]),
            new Course("B", "pb", "hbot", 3, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 2, ChamberKinds: [ChamberKind.Monoplace]),
        ], hours: TinyClinic.Weekly(480, 720)));
        ScheduledSession At(string course, int k, int start) =>
            new(course, k + 1, TinyClinic.Monday.AddDays(k), start, start + 120, "mono-1", [start == 480 ? "op-1" : "op-2"]);
        return (problem, timesA.Select((t, k) => At("A", k, t)).Concat(timesB.Select((t, k) => At("B", k, t))).ToList());
    }

    [Fact]
    public void Improve_TwoPatientsAlternating_SwapsThemToTheirOwnTimes()
    {
        // A: 08:00, 10:00, 08:00 and B the other way round; the monoplace is full, so only swaps help.
        var (problem, sessions) = Clinic([480, 600, 480], [600, 480, 600]);
        var before = ScheduleResult.Create(problem, ScheduleStatus.Feasible, sessions, [], 0, default);
        Assert.Empty(Checker.Validate(problem, before));
        Assert.Equal(4, before.Metrics.StartTimeChanges);

        var steady = SteadyTimes.Improve(problem, sessions, TimeSpan.FromSeconds(5), Stopwatch.StartNew());

        var after = ScheduleResult.Create(problem, ScheduleStatus.Feasible, steady, [], 0, default);
        Assert.Empty(Checker.Validate(problem, after));
        Assert.Equal(0, after.Metrics.StartTimeChanges);
        Assert.Equal(sessions.Select(s => (s.Course, s.Index, s.Date)).Order(), steady.Select(s => (s.Course, s.Index, s.Date)).Order());
    }

    [Fact]
    public void Improve_OneSessionOffItsTime_MovesOrSwapsIntoTheCoursesTime()
    {
        // B only on the first day, at 10:00: A either moves its middle session to the free 08:00 or swaps with B on
        // the first day and moves the last session to 10:00; either way A keeps one time.
        var (problem, sessions) = Clinic([480, 600, 480], []);
        sessions = [.. sessions, new ScheduledSession("B", 1, TinyClinic.Monday, 600, 720, "mono-1", ["op-2"])];
        problem = SchedulingProblem.Compile(problem.Instance with
        {
            Courses = [problem.Instance.Courses[0], problem.Instance.Courses[1] with { Sessions = 1 }],
        });

        var steady = SteadyTimes.Improve(problem, sessions, TimeSpan.FromSeconds(5), Stopwatch.StartNew());

        var after = ScheduleResult.Create(problem, ScheduleStatus.Feasible, steady, [], 0, default);
        Assert.Empty(Checker.Validate(problem, after));
        Assert.Equal(0, after.Metrics.StartTimeChanges);
        Assert.Single(steady.Where(s => s.Course == "A").Select(s => s.Start).Distinct());
        Assert.Equal(4, steady.Count);
    }
}
