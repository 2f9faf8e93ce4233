using System.Diagnostics;
using Google.OrTools.Sat;

namespace RegenClinic.Scheduling;

/// <summary>Schedules courses with CP-SAT (README). The answer is always checked by <see cref="Checker"/> before it
/// is returned; a violation is a bug and throws.</summary>
public static class Solver
{
    public static ScheduleResult Solve(SchedulingProblem problem, SolveOptions options, CancellationToken cancellationToken = default) =>
        Run(problem, options, null, cancellationToken).Result;

    /// <summary>Re-plans after a change with the fewest moves of already-booked sessions. <paramref name="changed"/>
    /// is the new situation (a cancelled course removed, a chamber or staff member out, a course added…);
    /// sessions of <paramref name="previous"/> before <paramref name="nowDate"/> at <paramref name="nowMinute"/> stay exactly as they were.</summary>
    public static RepairResult Repair(SchedulingProblem changed, ScheduleResult previous, DateOnly nowDate, int nowMinute, SolveOptions options,
        CancellationToken cancellationToken = default)
    {
        var nowDay = changed.DayOf(nowDate);
        var keep = previous.Sessions.Where(s => changed.CourseIndex.ContainsKey(s.Course)
            && (changed.DayOf(s.Date) < nowDay || (changed.DayOf(s.Date) == nowDay && s.Start < nowMinute))).ToList();
        // Past sessions become fixed: the repaired problem is the changed instance plus them.
        var instance = changed.Instance with
        {
            Fixed = changed.Instance.Fixed.Concat(keep.Where(s => !changed.Instance.Fixed.Any(f => f.Course == s.Course && f.Index == s.Index))
                .Select(s => new FixedSession(s.Course, s.Index, s.Date, s.StartTime, s.Resource, s.Staff))).ToList(),
        };
        var problem = SchedulingProblem.Compile(instance);
        var before = previous.Sessions.ToDictionary(s => (s.Course, s.Index));
        var (result, _) = Run(problem, options, before, cancellationToken);
        var after = result.Sessions.ToDictionary(s => (s.Course, s.Index));
        var changedCourses = problem.Courses.Select(c => c.Id).Where(id =>
        {
            var a = before.Where(x => x.Key.Course == id).Select(x => x.Value).OrderBy(s => s.Index).ToList();
            var b = after.Where(x => x.Key.Course == id).Select(x => x.Value).OrderBy(s => s.Index).ToList();
            return a.Count != b.Count || a.Zip(b).Any(x => x.First.Date != x.Second.Date || x.First.Start != x.Second.Start
                || x.First.Resource != x.Second.Resource || !x.First.Staff.SequenceEqual(x.Second.Staff));
        }).ToList();
        var patients = changedCourses.Select(id => problem.Instance.Courses[problem.CourseIndex[id]].Patient).Distinct().ToList();
        var moved = result.Sessions.Count(s => before.TryGetValue((s.Course, s.Index), out var o) && (o.Date != s.Date || o.Start != s.Start));
        return new RepairResult(result, changedCourses, patients, moved);
    }

    private static (ScheduleResult Result, bool Optimal) Run(SchedulingProblem problem, SolveOptions options,
        Dictionary<(string, int), ScheduledSession>? previous, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // First fit (or the previous plan) first: a feasible schedule within a fraction of a second, whatever follows.
        var firstFit = Greedy(problem, previous, FirstFit.Order(problem).ToList());
        var firstFitWeighted = Score(problem, firstFit.Item1).Weighted;
        options.Progress?.Invoke(new SolveProgress(firstFitWeighted, double.NaN, clock.Elapsed.TotalSeconds));
        // The LP may take a share of the limit; past it the bound falls back to total demand (README). A repair within
        // a few seconds has no time for it at all: it reports the demand bound.
        var (bound, plan) = previous is not null && options.TimeLimit <= TimeSpan.FromSeconds(3)
            ? CapacityBounds.Solve(problem, TimeSpan.Zero)
            : CapacityBounds.Solve(problem, options.TimeLimit * 0.4);
        // The bound as soon as it is known: the greedies and plan packing that follow take a few seconds on large instances.
        options.Progress?.Invoke(new SolveProgress(firstFitWeighted, bound.WeightedSessions, clock.Elapsed.TotalSeconds));

        // An LP-guided greedy or first fit (or the previous plan) gives a complete hint and a fallback answer.
        var (greedySessions, greedyUnscheduled) = BestGreedy(problem, previous, firstFit, plan, options, clock);
        options.Progress?.Invoke(new SolveProgress(Score(problem, greedySessions).Weighted, bound.WeightedSessions, clock.Elapsed.TotalSeconds));
        CpModelBuilder? builder = null;
        // In a repair the kept plan plus first fit is the answer unless there is time to build and search the model.
        var searchRepair = previous is not null && options.TimeLimit - clock.Elapsed > TimeSpan.FromSeconds(3);
        if (previous is null && problem.Courses.Sum(c => c.Sessions) <= 1500 && options.TimeLimit >= TimeSpan.FromSeconds(10))
        {
            // Small instances, long limits: a fifth of the time in ruin and recreate makes a better hint for CP-SAT
            // (which keeps the rest and, on small instances, proves optimality). It starts from the best greedy, so the
            // hint is never worse.
            greedySessions = RuinRecreate.Improve(problem, greedySessions, plan, clock.Elapsed + options.TimeLimit * 0.2, clock, options.Seed,
                options.Workers, null, cancellationToken);
            var placedIds = greedySessions.Select(s => s.Course).ToHashSet(StringComparer.Ordinal);
            greedyUnscheduled = problem.Courses.Where(c => !placedIds.Contains(c.Id)).Select(c => new UnscheduledCourse(c.Id, CoursePlacer.Reason(problem, c))).ToList();
        }

        if (searchRepair || (previous is null && problem.Courses.Sum(c => c.Sessions) <= 1500))
        {
            builder = new CpModelBuilder(problem, previous is null ? null : (c, k) =>
                previous.TryGetValue((c.Id, k + 1), out var s) ? (problem.DayOf(s.Date), s.Start) : null);
            Hint(problem, builder, greedySessions);
        }

        // Large instances (> 1,500 sessions): CP-SAT over every course stalls after its first solution, so ruin and
        // recreate (RuinRecreate, one chain per worker) gets the time, and window search (WindowSearch, CP-SAT on 20-day
        // windows) the last tenth of runs over 30 s, to improve lateness and start times.
        var large = previous is null && problem.Courses.Sum(c => c.Sessions) > 1500;
        // Keep a margin for naming resources, first-fit fill and the final check, so the whole call keeps its limit.
        var margin = TimeSpan.FromSeconds(Math.Min(3, Math.Max(0.3, options.TimeLimit.TotalSeconds * 0.1)));
        var remaining = options.TimeLimit - margin - clock.Elapsed;
        var candidates = new List<(ScheduleResult Result, bool Optimal)>();
        if (builder is not null && remaining > TimeSpan.FromMilliseconds(50) && !cancellationToken.IsCancellationRequested)
        {
            using var solver = new CpSolver
            {
                StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"max_time_in_seconds:{remaining.TotalSeconds:0.###} num_workers:{Math.Max(1, options.Workers)} random_seed:{options.Seed}"),
            };
            using var registration = cancellationToken.Register(solver.StopSearch);
            var callback = new Progress(builder, options.Progress, bound, clock);
            var status = solver.Solve(builder.Model, callback);
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                var (sessions, unscheduled, clean) = Decode(problem, builder, solver);
                candidates.Add((ScheduleResult.Create(problem, ScheduleStatus.Feasible, sessions, unscheduled, 0, bound),
                    clean && status == CpSolverStatus.Optimal));
            }
        }

        if (large && !cancellationToken.IsCancellationRequested)
        {
            var polish = options.TimeLimit > TimeSpan.FromSeconds(30) ? options.TimeLimit * 0.1 : TimeSpan.Zero;
            var improved = RuinRecreate.Improve(problem, greedySessions, plan, options.TimeLimit - margin - polish, clock, options.Seed, options.Workers,
                w => options.Progress?.Invoke(new SolveProgress(w, bound.WeightedSessions, clock.Elapsed.TotalSeconds)), cancellationToken);
            if (polish > TimeSpan.Zero)
            {
                improved = WindowSearch.Improve(problem, improved, options, clock, bound.WeightedSessions, cancellationToken);
            }

            var placedIds = improved.Select(s => s.Course).ToHashSet(StringComparer.Ordinal);
            candidates.Add((ScheduleResult.Create(problem, ScheduleStatus.Feasible, improved,
                problem.Courses.Where(c => !placedIds.Contains(c.Id)).Select(c => new UnscheduledCourse(c.Id, CoursePlacer.Reason(problem, c))), 0, bound), false));
        }

        // In a repair the previous plan wins ties: moving nobody is the point.
        candidates.Insert(previous is null ? candidates.Count : 0,
            (ScheduleResult.Create(problem, ScheduleStatus.Feasible, greedySessions, greedyUnscheduled, 0, bound), false));
        // Only schedules that keep every rule compete; first fit misses a rule only when it cannot keep the fixed sessions.
        var valid = candidates.Where(c => Checker.Validate(problem, c.Result).Count == 0).ToList();
        if (valid.Count == 0)
        {
            var none = ScheduleResult.Create(problem, ScheduleStatus.Infeasible, [], problem.Courses.Select(c =>
                new UnscheduledCourse(c.Id, "no schedule keeps all fixed sessions")), clock.Elapsed.TotalSeconds, bound);
            return (none, false);
        }

        var best = valid.OrderByDescending(c => c.Result.Metrics.WeightedSessions)
            .ThenBy(c => c.Result.Metrics.WeightedLatenessDays + c.Result.Metrics.TotalStartDelayDays)
            .ThenBy(c => c.Result.Metrics.StartTimeChanges).First();
        if (previous is null && !best.Optimal)
        {
            // Steadier times for the patients, in part of the margin; a repair moves nobody it need not.
            var steady = SteadyTimes.Improve(problem, best.Result.Sessions.ToList(), clock.Elapsed + margin / 2, clock);
            best = (ScheduleResult.Create(problem, ScheduleStatus.Feasible, steady, best.Result.Unscheduled, 0, bound), false);
        }

        var result = best.Result with
        {
            Status = best.Optimal ? ScheduleStatus.Optimal : ScheduleStatus.Feasible,
            Metrics = best.Result.Metrics with { SolveSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3) },
        };
        EnsureValid(problem, result);
        return (result, best.Optimal);
    }

    /// <summary>The best of: first fit in its own order; LP-guided greedies (courses the weighted LP takes most fully
    /// first, each tried first at the start days the LP gives it, then at every other); the LP's plan packed day by day
    /// (<see cref="PlanPacker"/>); and, for up to a tenth of the time limit, shuffles of both orders within their
    /// classes. The best becomes the hint. In a repair, each course is first tried where it was.</summary>
    private static (List<ScheduledSession>, List<UnscheduledCourse>) BestGreedy(SchedulingProblem problem,
        Dictionary<(string, int), ScheduledSession>? previous, (List<ScheduledSession>, List<UnscheduledCourse>) firstFit, CapacityBounds.LpPlan plan,
        SolveOptions options, Stopwatch clock)
    {
        var order = FirstFit.Order(problem).ToList();
        var best = firstFit;
        if (previous is not null)
        {
            return best;
        }

        var bestScore = Score(problem, best.Item1);
        void Consider((List<ScheduledSession>, List<UnscheduledCourse>) candidate)
        {
            var score = Score(problem, candidate.Item1);
            if (score.CompareTo(bestScore) > 0)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        // LP-guided: the LP's share of a course (rounded, so that near-equal shares keep a useful secondary order),
        // then value; a course's start days in decreasing LP share, then from release on.
        double Share(CourseInfo c) => Math.Round(plan.Presence[c.Index], 1);
        double LpStart(CourseInfo c) => plan.Starts[c.Index].Count == 0 ? c.Release
            : plan.Starts[c.Index].Sum(kv => kv.Key * kv.Value) / plan.Starts[c.Index].Values.Sum();
        IEnumerable<int> Starts(CourseInfo c) => plan.Starts[c.Index].OrderByDescending(kv => kv.Value).Select(kv => kv.Key)
            .Concat(Enumerable.Range(Math.Max(0, c.Release), Math.Max(0, problem.Days - Math.Max(0, c.Release))));
        var guided = problem.Courses.OrderBy(c => c.Fixed.Count > 0 ? 0 : 1).ThenByDescending(Share).ThenByDescending(c => c.Weight)
            .ThenBy(LpStart).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var chronological = problem.Courses.OrderBy(c => c.Fixed.Count > 0 ? 0 : 1).ThenByDescending(Share).ThenBy(LpStart)
            .ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        foreach (var o in new[] { guided, chronological })
        {
            foreach (var pack in new[] { false, true })
            {
                foreach (var grid in new[] { CoursePlacer.Slotted, 15 })
                {
                    // Short limits on a busy machine: keep the time limit rather than try every variant.
                    if (clock.Elapsed < options.TimeLimit * 0.6)
                    {
                        Consider(Greedy(problem, null, o, Starts, pack, grid));
                    }
                }
            }
        }

        // The LP's own plan, packed day by day.
        if (clock.Elapsed < options.TimeLimit * 0.6)
        {
            if (PlanPacker.Pack(problem, plan, guided, Starts, options, clock.Elapsed + options.TimeLimit * 0.2, clock) is { } packed)
            {
                Consider(packed);
            }
        }

        var random = new Random(options.Seed);
        var budget = options.TimeLimit.TotalSeconds / 10;
        for (var round = 0; round < 50 && clock.Elapsed.TotalSeconds < budget; round++)
        {
            if (round % 2 == 0)
            {
                Consider(Greedy(problem, null, guided.GroupBy(c => (c.Fixed.Count > 0 ? 0 : 1, Share(c), c.Weight))
                    .SelectMany(g => g.OrderBy(_ => random.Next())).ToList(), Starts, round % 4 == 2, round % 8 < 4 ? 15 : CoursePlacer.Slotted));
            }
            else
            {
                Consider(Greedy(problem, null, order.GroupBy(c => (c.Fixed.Count > 0 ? 0 : 1, c.Priority))
                    .SelectMany(g => g.OrderBy(_ => random.Next())).ToList()));
            }
        }

        return best;
    }

    private static (long Weighted, long NegativeLateness) Score(SchedulingProblem problem, List<ScheduledSession> sessions)
    {
        var m = ScheduleResult.Create(problem, ScheduleStatus.Unknown, sessions, [], 0, default).Metrics;
        return (m.WeightedSessions, -(m.WeightedLatenessDays + m.TotalStartDelayDays));
    }

    private static (List<ScheduledSession>, List<UnscheduledCourse>) Greedy(SchedulingProblem problem, Dictionary<(string, int), ScheduledSession>? previous,
        List<CourseInfo> order, Func<CourseInfo, IEnumerable<int>>? starts = null, bool packDives = false, int grid = 15)
    {
        var calendar = new Calendar(problem);
        var sessions = new List<ScheduledSession>();
        var unscheduled = new List<UnscheduledCourse>();
        // In a repair every course is first put back exactly where it was, all of them before any is placed anew, so
        // that a re-placed course cannot take the place of one that has not been put back yet.
        var kept = new Dictionary<int, List<Calendar.Booking>>();
        foreach (var c in previous is null ? [] : order.Where(c => previous.ContainsKey((c.Id, 1))))
        {
            List<Calendar.Booking>? placed = [];
            for (var k = 1; k <= c.Sessions && placed is not null; k++)
            {
                var b = previous!.TryGetValue((c.Id, k), out var s) && problem.ResourceIndex.TryGetValue(s.Resource, out var r)
                    && s.Staff.All(problem.StaffIndex.ContainsKey)
                    ? calendar.TryBook(c, k, problem.DayOf(s.Date), s.Start, x => x == r, s.Staff.Select(m => problem.StaffIndex[m]).ToArray())
                    : null;
                if (b is null)
                {
                    CoursePlacer.Undo(calendar, placed);
                    placed = null;
                }
                else
                {
                    placed.Add(b);
                }
            }

            // The course alone against the changed rules; other courses' fixed sessions are naturally missing here.
            var own = $"course {c.Id}:";
            if (placed is not null && !Checker.Validate(problem, ScheduleResult.Create(problem, ScheduleStatus.Unknown,
                    placed.Select(calendar.ToSession), [], 0, default)).All(v => v.Rule == 2
                    || (v.Rule == 8 && v.Message.StartsWith("course ", StringComparison.Ordinal) && !v.Message.StartsWith(own, StringComparison.Ordinal))))
            {
                CoursePlacer.Undo(calendar, placed);
                placed = null;
            }

            if (placed is not null)
            {
                kept[c.Index] = placed;
            }
        }


        foreach (var c in order)
        {
            if (kept.TryGetValue(c.Index, out var again))
            {
                sessions.AddRange(again.Select(calendar.ToSession));
                continue;
            }

            List<Calendar.Booking>? placed = null;
            if (placed is null && starts is not null)
            {
                var tried = new HashSet<int>();
                foreach (var day in starts(c))
                {
                    if (tried.Add(day) && (placed = CoursePlacer.PlaceAt(problem, calendar, c, day, grid, packDives)) is not null)
                    {
                        break;
                    }
                }
            }

            placed ??= starts is null ? CoursePlacer.Place(problem, calendar, c, 15) : null;
            if (placed is null)
            {
                unscheduled.Add(new UnscheduledCourse(c.Id, CoursePlacer.Reason(problem, c)));
            }
            else
            {
                sessions.AddRange(placed.Select(calendar.ToSession));
            }
        }

        return (sessions, unscheduled);
    }

    internal static void Hint(SchedulingProblem problem, CpModelBuilder builder, List<ScheduledSession> sessions)
    {
        var placed = new Dictionary<(int, int), (int, int, int)>();
        var dives = new HashSet<(int, int, int, int)>();
        foreach (var s in sessions.Where(s => problem.CourseIndex.ContainsKey(s.Course)))
        {
            var course = problem.Courses[problem.CourseIndex[s.Course]];
            var resource = problem.ResourceIndex[s.Resource];
            var day = problem.DayOf(s.Date);
            placed[(course.Index, s.Index)] = (day, s.Start, resource);
            if (problem.IsChamber(resource) && problem.Chambers[resource].Kind == ChamberKind.Multiplace)
            {
                dives.Add((resource, day, s.Start, problem.Treatments[course.Treatment].Table));
            }
        }

        builder.AddHints(new CpModelBuilder.HintSource(placed, dives));
    }

    /// <summary>Turns the pooled answer into named chambers, rooms and staff, in time order (interval colouring is
    /// exact for pooled identical chambers); a course whose staff cannot be named is re-placed by first fit.</summary>
    internal static (List<ScheduledSession>, List<UnscheduledCourse>, bool Clean) Decode(SchedulingProblem problem, CpModelBuilder builder, CpSolver solver,
        IReadOnlyList<ScheduledSession>? reserved = null)
    {
        var calendar = new Calendar(problem);
        var booked = new Dictionary<int, List<Calendar.Booking>>();
        // Kept sessions first, exactly as they were (window search).
        foreach (var r in (reserved ?? []).OrderBy(r => r.Date).ThenBy(r => r.Start))
        {
            var course = problem.Courses[problem.CourseIndex[r.Course]];
            var resource = problem.ResourceIndex[r.Resource];
            var b = calendar.TryBook(course, r.Index, problem.DayOf(r.Date), r.Start, x => x == resource, r.Staff.Select(m => problem.StaffIndex[m]).ToArray())
                ?? throw new InvalidOperationException($"scheduler bug: kept session {r.Course}#{r.Index} cannot be booked again");
            if (!booked.TryGetValue(course.Index, out var kept))
            {
                booked[course.Index] = kept = [];
            }

            kept.Add(b);
        }

        var wanted = new List<(CourseInfo Course, int Index, long Start, CpModelBuilder.Pool Pool)>();
        foreach (var cv in builder.Courses)
        {
            if (cv is null || !solver.BooleanValue(cv.Present))
            {
                continue;
            }

            foreach (var sv in cv.Sessions)
            {
                var pool = sv.Options.First(o => solver.BooleanValue(o.Lit)).Pool;
                wanted.Add((cv.Course, sv.Index + 1, solver.Value(sv.Start), pool));
            }
        }

        var failed = new HashSet<int>();
        foreach (var w in wanted.OrderBy(w => w.Course.Fixed.ContainsKey(w.Index) ? 0 : 1).ThenBy(w => w.Start))
        {
            if (failed.Contains(w.Course.Index))
            {
                continue;
            }

            var day = builder.DayOfTime(w.Start);
            var minute = (int)(w.Start % 1440);
            var b = w.Course.Fixed.TryGetValue(w.Index, out var f)
                ? calendar.TryBook(w.Course, w.Index, day, minute, r => r == f.Resource, f.Staff)
                : calendar.TryBook(w.Course, w.Index, day, minute, r => w.Pool.Resources.Contains(r));
            if (b is null)
            {
                failed.Add(w.Course.Index);
                if (booked.Remove(w.Course.Index, out var partial))
                {
                    CoursePlacer.Undo(calendar, partial);
                }

                continue;
            }

            if (!booked.TryGetValue(w.Course.Index, out var list))
            {
                booked[w.Course.Index] = list = [];
            }

            list.Add(b);
        }

        // Fill: courses the model left out or whose staff could not be named, by first fit on what is left.
        var unscheduled = new List<UnscheduledCourse>();
        foreach (var c in FirstFit.Order(problem).Where(c => !booked.ContainsKey(c.Index)))
        {
            var placed = CoursePlacer.Place(problem, calendar, c, 15);
            if (placed is null)
            {
                unscheduled.Add(new UnscheduledCourse(c.Id, CoursePlacer.Reason(problem, c)));
            }
            else
            {
                booked[c.Index] = placed;
            }
        }

        var sessions = booked.Values.SelectMany(l => l).OrderBy(b => b.Course.Index).ThenBy(b => b.Index).Select(calendar.ToSession).ToList();
        return (sessions, unscheduled, failed.Count == 0);
    }

    /// <summary>The last line of defence: a schedule that breaks a hard rule never leaves the solver.</summary>
    internal static void EnsureValid(SchedulingProblem problem, ScheduleResult result)
    {
        var violations = Checker.Validate(problem, result);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException($"scheduler bug: the schedule breaks {violations.Count} rule(s), first: {violations[0]}");
        }
    }

    private sealed class Progress(CpModelBuilder builder, Action<SolveProgress>? report, CapacityBound bound, Stopwatch clock) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback() =>
            report?.Invoke(new SolveProgress(Value(builder.Gain), bound.WeightedSessions, clock.Elapsed.TotalSeconds));
    }
}

/// <summary>A repaired schedule and what changed against the previous one (to tell the patients concerned).</summary>
public sealed record RepairResult(ScheduleResult Schedule, IReadOnlyList<string> ChangedCourses, IReadOnlyList<string> ChangedPatients, int MovedSessions);
