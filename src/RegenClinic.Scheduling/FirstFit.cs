using System.Diagnostics;

namespace RegenClinic.Scheduling;

/// <summary>In which order the first-fit baseline takes the courses.</summary>
public enum FirstFitOrder
{
    /// <summary>Fixed courses first, then priority, release, id: a coordinator who sorts the waiting list by urgency
    /// before booking (the stronger baseline; what the app uses for tentative schedules).</summary>
    Priority,

    /// <summary>Fixed courses first, then release date, id: a coordinator who books requests as they arrive, which is
    /// the "course by course, earliest feasible slot" taken literally (the benchmark's main baseline).</summary>
    Arrival,
}

/// <summary>The baseline: what a coordinator does by hand. Courses one by one (<see cref="FirstFitOrder"/>), each
/// placed whole at its earliest feasible start, never revisited.</summary>
public static class FirstFit
{
    public static ScheduleResult Solve(SchedulingProblem problem, int gridMinutes = 15) => Solve(problem, FirstFitOrder.Priority, gridMinutes);

    public static ScheduleResult Solve(SchedulingProblem problem, FirstFitOrder order, int gridMinutes = 15)
    {
        var clock = Stopwatch.StartNew();
        var calendar = new Calendar(problem);
        var sessions = new List<ScheduledSession>();
        var unscheduled = new List<UnscheduledCourse>();
        foreach (var c in order == FirstFitOrder.Arrival ? ArrivalOrder(problem) : Order(problem))
        {
            var placed = CoursePlacer.Place(problem, calendar, c, gridMinutes);
            if (placed is null)
            {
                unscheduled.Add(new UnscheduledCourse(c.Id, CoursePlacer.Reason(problem, c)));
            }
            else
            {
                sessions.AddRange(placed.Select(calendar.ToSession));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        // A course with fixed sessions that cannot be placed means the fixed sessions contradict each other or the rules.
        var infeasible = unscheduled.Exists(u => problem.Courses[problem.CourseIndex[u.Course]].Fixed.Count > 0);
        var result = ScheduleResult.Create(problem, infeasible ? ScheduleStatus.Infeasible : ScheduleStatus.Feasible, sessions, unscheduled, seconds,
            CapacityBounds.Compute(problem));
        if (!infeasible)
        {
            Solver.EnsureValid(problem, result);
        }

        return result;
    }

    /// <summary>Fixed courses first (their sessions are not negotiable), then priority, release, id.</summary>
    internal static IEnumerable<CourseInfo> Order(SchedulingProblem problem) => problem.Courses
        .OrderBy(c => c.Fixed.Count > 0 ? 0 : 1).ThenBy(c => c.Priority).ThenBy(c => c.Release).ThenBy(c => c.Id, StringComparer.Ordinal);

    /// <summary>Fixed courses first, then as the requests arrive: release date, id.</summary>
    internal static IEnumerable<CourseInfo> ArrivalOrder(SchedulingProblem problem) => problem.Courses
        .OrderBy(c => c.Fixed.Count > 0 ? 0 : 1).ThenBy(c => c.Release).ThenBy(c => c.Id, StringComparer.Ordinal);
}
