using System.Diagnostics;
using Google.OrTools.Sat;

namespace RegenClinic.Scheduling;

/// <summary>Large-neighbourhood search for big instances, where one CP-SAT model over every course stalls after its
/// first solution: pick a window of days, free the courses that touch it (plus unscheduled courses that could start
/// in it), freeze every other course exactly as it is (as fixed sessions), and let CP-SAT re-plan the small rest.
/// A neighbour is kept only when it is better on the objective's order.</summary>
internal static class WindowSearch
{
    internal static List<ScheduledSession> Improve(SchedulingProblem problem, List<ScheduledSession> current, SolveOptions options, Stopwatch clock,
        double bound, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed + 17);
        var best = current;
        var bestScore = Score(problem, best);
        var openDays = Enumerable.Range(0, problem.Days).Where(d => problem.Open[d] is not null).ToArray();
        const int window = 20;
        while (!cancellationToken.IsCancellationRequested && clock.Elapsed < options.TimeLimit - TimeSpan.FromSeconds(3))
        {
            var from = openDays[random.Next(Math.Max(1, openDays.Length - window))];
            var to = openDays[Math.Min(openDays.Length - 1, Array.IndexOf(openDays, from) + window)];
            var byCourse = best.GroupBy(s => s.Course).ToDictionary(g => g.Key, g => g.ToList());
            var free = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, sessions) in byCourse)
            {
                var first = problem.DayOf(sessions.Min(s => s.Date));
                if (first >= from && first <= to && problem.Courses[problem.CourseIndex[id]].Fixed.Count == 0)
                {
                    free.Add(id);
                }
            }

            // Unscheduled courses that could start by the window's end, most valuable first, a bounded number.
            foreach (var c in problem.Courses.Where(c => !byCourse.ContainsKey(c.Id) && c.Release <= to && CoursePlacer.StaticObstacle(problem, c) is null)
                         .OrderByDescending(c => c.Weight * c.Sessions + random.Next(10)).Take(40))
            {
                free.Add(c.Id);
            }

            var kept = best.Where(s => !free.Contains(s.Course)).ToList();
            var builder = new CpModelBuilder(problem, null, free.Select(id => problem.CourseIndex[id]).ToHashSet(), kept);
            Solver.Hint(problem, builder, best);
            var seconds = Math.Min(4, (options.TimeLimit - clock.Elapsed).TotalSeconds - 2);
            if (seconds < 1)
            {
                break;
            }

            using var solver = new CpSolver
            {
                StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"max_time_in_seconds:{seconds:0.###} num_workers:{Math.Max(1, options.Workers)} random_seed:{random.Next(1000)} cp_model_presolve:false"),
            };
            using var registration = cancellationToken.Register(solver.StopSearch);
            var status = solver.Solve(builder.Model);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                continue;
            }

            var (candidate, _, _) = Solver.Decode(problem, builder, solver, kept);
            var score = Score(problem, candidate);
            if (score.CompareTo(bestScore) > 0 && Checker.Validate(problem, ScheduleResult.Create(problem, ScheduleStatus.Feasible, candidate, [], 0, default)).Count == 0)
            {
                (best, bestScore) = (candidate, score);
                options.Progress?.Invoke(new SolveProgress(score.Item1, bound, clock.Elapsed.TotalSeconds));
            }
        }

        return best;
    }

    internal static (long, long, long) Score(SchedulingProblem problem, List<ScheduledSession> sessions)
    {
        var m = ScheduleResult.Create(problem, ScheduleStatus.Unknown, sessions, [], 0, default).Metrics;
        return (m.WeightedSessions, -(m.WeightedLatenessDays + m.TotalStartDelayDays), -m.StartTimeChanges);
    }
}
