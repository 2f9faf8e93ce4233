namespace RegenClinic.Scheduling;

public enum ScheduleStatus { Optimal, Feasible, Infeasible, Unknown }

/// <summary>One booked session. <see cref="Start"/> and <see cref="End"/> are minutes after local midnight
/// (<see cref="StartTime"/> for display); <see cref="Index"/> counts from 1 in time order within the course.</summary>
public sealed record ScheduledSession(string Course, int Index, DateOnly Date, int Start, int End, string Resource, IReadOnlyList<string> Staff)
{
    public TimeOnly StartTime => new(Start / 60, Start % 60);
}

public sealed record UnscheduledCourse(string Course, string Reason);

/// <summary>Figures of a schedule as the format names them, plus <see cref="WeightedSessions"/> (the quantity
/// judged against <see cref="CapacityBoundWeightedSessions"/>).</summary>
public sealed record ScheduleMetrics(
    int ScheduledCourses,
    int ScheduledSessions,
    int WeightedSessions,
    int WeightedLatenessDays,
    int TotalStartDelayDays,
    int StartTimeChanges,
    double SolveSeconds,
    int CapacityBoundSessions,
    int CapacityBoundWeightedSessions);

/// <summary>A <c>regenclinic-schedule/1</c> schedule: what the solver, first fit and repair return.</summary>
public sealed record ScheduleResult(ScheduleStatus Status, IReadOnlyList<ScheduledSession> Sessions, IReadOnlyList<UnscheduledCourse> Unscheduled,
    ScheduleMetrics Metrics)
{
    public const string FormatName = "regenclinic-schedule/1";

    /// <summary>Builds the result and its metrics from sessions; the order of sessions is normalised (date, start, course).</summary>
    public static ScheduleResult Create(SchedulingProblem problem, ScheduleStatus status, IEnumerable<ScheduledSession> sessions,
        IEnumerable<UnscheduledCourse> unscheduled, double solveSeconds, CapacityBound bound)
    {
        var list = sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).ThenBy(s => s.Course, StringComparer.Ordinal).ThenBy(s => s.Index).ToList();
        var byCourse = list.GroupBy(s => s.Course).ToList();
        int weighted = 0, lateness = 0, delay = 0, changes = 0;
        foreach (var g in byCourse)
        {
            if (!problem.CourseIndex.TryGetValue(g.Key, out var ci))
            {
                continue;
            }

            var course = problem.Courses[ci];
            var ordered = g.OrderBy(s => s.Index).ToList();
            weighted += course.Weight * ordered.Count;
            var first = problem.DayOf(ordered[0].Date);
            lateness += Math.Max(0, first - course.Due) * course.Weight;
            delay += Math.Max(0, first - course.Release);
            for (var k = course.PerDay; k < ordered.Count; k++)
            {
                if (ordered[k].Start != ordered[k - course.PerDay].Start)
                {
                    changes++;
                }
            }
        }

        var metrics = new ScheduleMetrics(byCourse.Count, list.Count, weighted, lateness, delay, changes, Math.Round(solveSeconds, 3),
            bound.Sessions, bound.WeightedSessions);
        return new ScheduleResult(status, list, unscheduled.OrderBy(u => u.Course, StringComparer.Ordinal).ToList(), metrics);
    }
}
