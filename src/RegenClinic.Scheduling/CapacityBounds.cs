using Lp = Google.OrTools.LinearSolver;

namespace RegenClinic.Scheduling;

/// <summary>Upper bounds on what any schedule can place: a day-by-day LP relaxation solved with GLOP (README,
/// "Capacity bound"). Every feasible schedule is a point of the LP, so the LP optimum bounds it from above.</summary>
public static class CapacityBounds
{
    public static CapacityBound Compute(SchedulingProblem problem) => Solve(problem).Bound;

    /// <summary>The bound and the weighted LP's fractional plan (which courses, from which start day), which guides
    /// the solver's first schedule.</summary>
    /// <param name="limit">GLOP's time limit per LP (zero: no LP, the demand bound at once); an LP not solved to optimality in it gives the demand bound
    /// (every session of every course that some run fits), which is weak but still an upper bound.</param>
    internal static (CapacityBound Bound, LpPlan Plan) Solve(SchedulingProblem problem, TimeSpan? limit = null)
    {
        if (limit == TimeSpan.Zero)
        {
            var none = new LpPlan(new double[problem.Courses.Length], problem.Courses.Select(_ => new Dictionary<int, double>()).ToArray());
            var feasible = problem.Courses.Where(c => CoursePlacer.StaticObstacle(problem, c) is null).ToList();
            return (new CapacityBound(feasible.Sum(c => c.Sessions), feasible.Sum(c => c.Sessions * c.Weight)), none);
        }

        // The two LPs are independent: solve them side by side.
        var unweighted = Task.Run(() => SolveLp(problem, weighted: false, limit).Value);
        var (weighted, plan) = SolveLp(problem, weighted: true, limit);
        var sessions = unweighted.GetAwaiter().GetResult();
        return (new CapacityBound((int)Math.Floor(sessions + 1e-6), (int)Math.Floor(weighted + 1e-6)), plan);
    }

    /// <summary>Per course the LP's share of it (<see cref="Presence"/>, 0…1) and, for a weekdays course, its share per
    /// first-session day (<see cref="Starts"/>).</summary>
    internal sealed record LpPlan(double[] Presence, Dictionary<int, double>[] Starts);

    /// <summary>First-session days from which a weekdays course's whole run is open, available and keeps its fixed sessions.</summary>
    internal static IEnumerable<(int Start, int[] Days)> WeekdayRuns(SchedulingProblem p, CourseInfo c)
    {
        var minutes = p.Treatments[c.Treatment].Minutes;
        for (var s = Math.Max(0, c.Release); s < p.Days; s++)
        {
            var days = CoursePlacer.WeekdaySessionDays(p, c, s);
            if (days is null || !days.All(d => c.Available[d].Any(a => a.End - a.Start >= minutes))
                || c.Fixed.Any(f => days[(f.Key - 1) / c.PerDay] != f.Value.Day))
            {
                continue;
            }

            yield return (s, days);
        }
    }

    private static (double Value, LpPlan Plan) SolveLp(SchedulingProblem p, bool weighted, TimeSpan? limit)
    {
        using var lp = Lp.Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        if (limit is { } l)
        {
            lp.SetTimeLimit((long)Math.Max(1, l.TotalMilliseconds));
        }

        var days = p.Days;
        var chamberMinutes = p.Treatments.Where(t => t.Table >= 0).Select(t => t.Minutes).Distinct().ToList();
        var uniform = chamberMinutes.Count == 1 ? chamberMinutes[0] : 0;
        var monos = p.Chambers.Count(c => c.Kind == ChamberKind.Monoplace);

        // Capacity rows per day: monoplace minutes, multiplace seat-minutes, room minutes, staff minutes per skill.
        var mono = new Lp.Constraint[days];
        var multi = new Lp.Constraint[days];
        var rooms = new Lp.Constraint[days];
        var staff = new Lp.Constraint[days, p.SkillCount];
        for (var d = 0; d < days; d++)
        {
            var open = p.Open[d] is { } o ? o.End - o.Start : 0;
            var usable = uniform > 0 ? open / uniform * uniform : open;
            mono[d] = lp.MakeConstraint(double.NegativeInfinity, monos * usable);
            multi[d] = lp.MakeConstraint(double.NegativeInfinity, p.Chambers.Where(c => c.Kind == ChamberKind.Multiplace).Sum(c => c.Seats * usable));
            rooms[d] = lp.MakeConstraint(double.NegativeInfinity, p.RoomCount * open);
            for (var k = 0; k < p.SkillCount; k++)
            {
                var minutes = 0;
                foreach (var s in p.Staff.Where(s => s.Skills.Contains(k)))
                {
                    if (s.Shift[d] is { } sh && p.Open[d] is { } op)
                    {
                        minutes += Math.Max(0, Math.Min(sh.End, op.End) - Math.Max(sh.Start, op.Start));
                    }
                }

                staff[d, k] = lp.MakeConstraint(double.NegativeInfinity, minutes);
            }
        }

        var objective = lp.Objective();
        objective.SetMaximization();
        var presence = new Lp.Variable[p.Courses.Length];
        var starts = new Dictionary<int, Lp.Variable>[p.Courses.Length];
        foreach (var c in p.Courses)
        {
            var t = p.Treatments[c.Treatment];
            starts[c.Index] = [];
            var x = presence[c.Index] = lp.MakeNumVar(0, CoursePlacer.StaticObstacle(p, c) is null ? 1 : 0, "");
            objective.SetCoefficient(x, c.Sessions * (weighted ? c.Weight : 1));
            if (x.Ub() == 0)
            {
                continue;
            }

            var canMono = c.Eligible.Any(r => p.IsChamber(r) && p.Chambers[r].Kind == ChamberKind.Monoplace);
            var canMulti = c.Eligible.Any(r => p.IsChamber(r) && p.Chambers[r].Kind == ChamberKind.Multiplace);
            var seats = canMulti ? c.Eligible.Where(r => p.IsChamber(r) && p.Chambers[r].Kind == ChamberKind.Multiplace).Max(r => p.Chambers[r].Seats) : 1;
            var kinds = (t.Table >= 0 ? new[] { (canMono, false), (canMulti, true) } : [(true, false)]).Where(k => k.Item1).Select(k => k.Item2).ToList();

            // One session of the course on day d in a resource kind: its minutes in that kind's row, its staff minutes
            // (a dive's staff serve up to `seats` occupants at once).
            void Use(Lp.Variable v, int d, double n, bool dive)
            {
                (t.Table < 0 ? rooms[d] : dive ? multi[d] : mono[d]).SetCoefficient(v, n * t.Minutes);
                foreach (var (skill, count) in t.Needs)
                {
                    staff[d, skill].SetCoefficient(v, n * count * t.Minutes / (dive ? (double)seats : 1));
                }
            }

            // Σ sessions placed = sessions × x (interval courses), or Σ start shares = x (weekdays courses).
            var total = lp.MakeConstraint(0, 0);
            total.SetCoefficient(x, c.Weekdays ? -1 : -c.Sessions);
            if (c.Weekdays)
            {
                // A weekdays course runs on consecutive open days: one variable per first-session day, covering its
                // whole run, so capacity left before a release or after the horizon cannot be counted.
                var perDay = new Dictionary<int, List<(Lp.Variable Z, int N)>>();
                foreach (var (s, run) in WeekdayRuns(p, c))
                {
                    var z = lp.MakeNumVar(0, 1, "");
                    starts[c.Index][s] = z;
                    total.SetCoefficient(z, 1);
                    for (var r = 0; r < run.Length; r++)
                    {
                        var n = Math.Min(c.PerDay, c.Sessions - r * c.PerDay);
                        if (kinds.Count == 1)
                        {
                            Use(z, run[r], n, kinds[0]);
                        }
                        else
                        {
                            if (!perDay.TryGetValue(run[r], out var list))
                            {
                                perDay[run[r]] = list = [];
                            }

                            list.Add((z, n));
                        }
                    }
                }

                if (starts[c.Index].Count == 0)
                {
                    x.SetUb(0);
                    continue;
                }

                // Both chamber kinds allowed: the day's sessions split between them.
                foreach (var (d, list) in perDay)
                {
                    var link = lp.MakeConstraint(0, 0);
                    foreach (var (z, n) in list)
                    {
                        link.SetCoefficient(z, -n);
                    }

                    foreach (var dive in kinds)
                    {
                        var y = lp.MakeNumVar(0, c.PerDay, "");
                        link.SetCoefficient(y, 1);
                        Use(y, d, 1, dive);
                    }
                }

                continue;
            }

            var dayUse = new Dictionary<int, List<Lp.Variable>>();
            for (var d = Math.Max(0, c.Release); d < days; d++)
            {
                if (!c.Available[d].Any(a => a.End - a.Start >= t.Minutes))
                {
                    continue;
                }

                // At most one session a day, and only when the course is placed: y ≤ x.
                var dayRow = lp.MakeConstraint(double.NegativeInfinity, 0);
                dayRow.SetCoefficient(x, -1);
                dayUse[d] = [];
                foreach (var dive in kinds)
                {
                    var y = lp.MakeNumVar(0, 1, "");
                    total.SetCoefficient(y, 1);
                    dayRow.SetCoefficient(y, 1);
                    Use(y, d, 1, dive);
                    dayUse[d].Add(y);
                }
            }

            // Sessions at least minDays apart: any minDays consecutive days hold at most one.
            if (c.MinDays > 1)
            {
                for (var from = Math.Max(0, c.Release); from + 1 < days; from++)
                {
                    var window = Enumerable.Range(from, Math.Min(c.MinDays, days - from)).Where(dayUse.ContainsKey).ToList();
                    if (window.Count < 2 || !dayUse.ContainsKey(from))
                    {
                        continue;
                    }

                    var row = lp.MakeConstraint(double.NegativeInfinity, 0);
                    row.SetCoefficient(x, -1);
                    foreach (var y in window.SelectMany(d => dayUse[d]))
                    {
                        row.SetCoefficient(y, 1);
                    }
                }
            }
        }

        // Only an optimal LP value bounds every schedule (a merely feasible LP point is below the optimum).
        if (lp.Solve() != Lp.Solver.ResultStatus.OPTIMAL)
        {
            // No LP answer: the demand bound, and no guidance.
            return (p.Courses.Where(c => presence[c.Index].Ub() > 0).Sum(c => c.Sessions * (weighted ? c.Weight : 1)),
                new LpPlan(new double[p.Courses.Length], p.Courses.Select(_ => new Dictionary<int, double>()).ToArray()));
        }

        var plan = new LpPlan(presence.Select(v => v.SolutionValue()).ToArray(),
            starts.Select(s => s.Where(kv => kv.Value.SolutionValue() > 1e-6).ToDictionary(kv => kv.Key, kv => kv.Value.SolutionValue())).ToArray());
        return (objective.Value(), plan);
    }
}
