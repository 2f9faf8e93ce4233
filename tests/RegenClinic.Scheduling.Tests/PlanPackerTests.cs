using System.Diagnostics;

namespace RegenClinic.Scheduling.Tests;

public sealed class PlanPackerTests
{
    private static (List<ScheduledSession> Sessions, List<UnscheduledCourse> Unscheduled) Pack(SchedulingProblem problem, CapacityBounds.LpPlan plan) =>
        PlanPacker.Pack(problem, plan, FirstFit.Order(problem).ToList(), c => plan.Starts[c.Index].Keys, TinyClinic.Quick with { TimeLimit = TimeSpan.FromSeconds(30) },
            TimeSpan.FromSeconds(30), Stopwatch.StartNew())!.Value;

    [Fact]
    public void Pack_MorningPatientBesideAnAllDayPatient_BothFitWhereFirstFitLosesOne()
    {
        // One monoplace open 08:00–12:00 (dives at 08:00 and 10:00), two ten-session courses over the ten open days.
        // First fit books the urgent all-day patient at 08:00 every day, which leaves nothing for the patient free only
        // 08:00–10:00; packing each day as a whole puts her at 08:00 and the all-day patient at 10:00.
        var morning = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => (IReadOnlyList<ClockRange>)[new ClockRange(480, 600)]);
        var problem = SchedulingProblem.Compile(TinyClinic.Build(
        [
            new Course("A", "pa", "hbot", 10, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 1, ChamberKinds: [ChamberKind.Monoplace]),
            new Course("B", "pb", "hbot", 10, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 3, ChamberKinds: [ChamberKind.Monoplace],
                Windows: morning),
        ], hours: TinyClinic.Weekly(480, 720)));
        Assert.Equal(["B"], FirstFit.Solve(problem).Unscheduled.Select(u => u.Course));
        var (_, plan) = CapacityBounds.Solve(problem);

        var (sessions, unscheduled) = Pack(problem, plan);

        Assert.Empty(unscheduled);
        Assert.All(sessions.Where(s => s.Course == "B"), s => Assert.Equal(480, s.Start));
        Assert.All(sessions.Where(s => s.Course == "A"), s => Assert.Equal(600, s.Start));
        Assert.Empty(Checker.Validate(problem, ScheduleResult.Create(problem, ScheduleStatus.Feasible, sessions, unscheduled, 0, default)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Pack_SeededInstance_ValidAndStartsCoursesWhereTheLpDoes(int seed)
    {
        // Twelve weeks with fixed sessions, twice-daily courses, windows, stays and two tables in the multiplace.
        var problem = SchedulingProblem.Compile(InstanceGenerator.Generate(120, seed));
        Assert.Contains(problem.Courses, c => c.PerDay == 2);
        Assert.Contains(problem.Courses, c => c.Fixed.Count > 0);
        var (_, plan) = CapacityBounds.Solve(problem);

        var (sessions, unscheduled) = Pack(problem, plan);

        Assert.Empty(Checker.Validate(problem, ScheduleResult.Create(problem, ScheduleStatus.Feasible, sessions, unscheduled, 0, default)));
        Assert.Equal(problem.Courses.Length, sessions.Select(s => s.Course).Distinct().Count() + unscheduled.Count);
        // Chamber courses the LP takes whole from one start day: nearly all of them start there.
        var planned = problem.Courses.Where(c => c.Fixed.Count == 0 && c.Weekdays && problem.Treatments[c.Treatment].Table >= 0
            && plan.Starts[c.Index].Count == 1 && plan.Presence[c.Index] > 0.99).ToList();
        var firstDay = sessions.GroupBy(s => s.Course).ToDictionary(g => g.Key, g => problem.DayOf(g.Min(s => s.Date)));
        var onPlan = planned.Count(c => firstDay.TryGetValue(c.Id, out var d) && d == plan.Starts[c.Index].Keys.Single());
        Assert.True(onPlan >= planned.Count * 0.9, $"{onPlan} of {planned.Count} planned courses start on the LP's day");
    }
}
