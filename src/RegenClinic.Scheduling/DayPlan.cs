using Google.OrTools.Sat;

namespace RegenClinic.Scheduling;

/// <summary>The day-level master of the chamber schedule (README, "Day plan"): which daily chamber courses run, and
/// from which start day, as a CP-SAT model with one literal per course and feasible start day (the whole run, as in
/// the LP) and, per open day, Hall-type capacity rows: for every set of chambers E that some course is limited to and
/// every part of the day B that some patient is limited to, the chamber minutes of the courses limited to E and B
/// fit in what E offers within B (monoplaces: whole sessions in B; multiplaces: dives of the timetable inside B ×
/// seats). Times of day, tables, staff and patients' other courses are left to the calendar that places the plan, so
/// a course the plan takes may still not fit there; ruin and recreate repairs that afterwards.</summary>
internal static class DayPlan
{
    private const int FirstStarts = 10;
    private const int SpreadStarts = 8;

    /// <summary>Start day per planned course index, or null when no course is eligible or CP-SAT found nothing.
    /// <paramref name="current"/> (a valid schedule) fixes the use of every course not in the model and hints the rest.</summary>
    internal static Dictionary<int, int>? Solve(SchedulingProblem p, IReadOnlyList<ScheduledSession> current, TimeSpan limit, int workers, int seed,
        CancellationToken cancellationToken)
    {
        var courses = p.Courses.Where(c => c.Fixed.Count == 0 && c.Weekdays && p.Treatments[c.Treatment].Table >= 0
            && CoursePlacer.StaticObstacle(p, c) is null).ToList();
        if (courses.Count == 0 || limit < TimeSpan.FromSeconds(0.5))
        {
            return null;
        }

        var model = new CpModel();
        var slot = p.Treatments.Where(t => t.Table >= 0).Select(t => t.Minutes).Max();
        var anchor = CoursePlacer.DiveAnchor(p);
        var inModel = courses.Select(c => c.Index).ToHashSet();
        var chambers = Enumerable.Range(0, p.Chambers.Length).ToArray();

        // Chamber minutes a chamber offers on a day within [from, to).
        long Offer(int r, int day, int from, int to)
        {
            var o = p.Open[day]!.Value;
            (from, to) = (Math.Max(from, o.Start), Math.Min(to, o.End));
            if (to <= from)
            {
                return 0;
            }

            if (p.Chambers[r].Kind == ChamberKind.Monoplace)
            {
                return (to - from) / slot * slot;
            }

            var dives = 0;
            for (var s = anchor; s + slot <= to; s += slot)
            {
                dives += s >= from ? 1 : 0;
            }

            return (long)dives * slot * p.Chambers[r].Seats;
        }

        // What a set of chambers can run within [from, to) with the operators on shift at each dive time: a dive seats
        // many for one crew, so crews go to dives first, then to monoplaces.
        var skills = p.Treatments.Where(t => t.Table >= 0).SelectMany(t => t.Needs).GroupBy(n => n.Skill).Select(g => (Skill: g.Key, Count: g.Max(n => n.Count))).ToList();
        long Staffed(int[] set, int day, int from, int to)
        {
            var o = p.Open[day]!.Value;
            var multis = set.Where(r => p.Chambers[r].Kind == ChamberKind.Multiplace).Select(r => p.Chambers[r].Seats).OrderDescending().ToList();
            var monos = set.Count(r => p.Chambers[r].Kind == ChamberKind.Monoplace);
            long total = 0;
            for (var s = anchor; s + slot <= Math.Min(to, o.End); s += slot)
            {
                if (s < Math.Max(from, o.Start))
                {
                    continue;
                }

                var crews = skills.Count == 0 ? int.MaxValue : skills.Min(k => p.Staff.Count(m => m.Skills.Contains(k.Skill)
                    && m.Shift[day] is { } sh && sh.Contains(s, s + slot)) / Math.Max(1, k.Count));
                var dives = Math.Min(crews, multis.Count);
                total += (multis.Take(dives).Sum() + Math.Min(monos, crews - dives)) * (long)slot;
            }

            return total;
        }

        (int From, int To) Band(CourseInfo c, int day) => (c.Available[day].Min(a => a.Start), c.Available[day].Max(a => a.End));

        // The literals, and per day the (literal, minutes, course) terms of the sessions they put there.
        var z = new Dictionary<int, List<(int Start, BoolVar Lit)>>();
        var terms = new List<(BoolVar Lit, long Minutes, CourseInfo Course)>[p.Days];
        for (var d = 0; d < p.Days; d++)
        {
            terms[d] = [];
        }

        var firstDay = current.GroupBy(s => s.Course).ToDictionary(g => g.Key, g => g.Min(s => p.DayOf(s.Date)), StringComparer.Ordinal);
        var objectiveVars = new List<BoolVar>();
        var objectiveCoefs = new List<long>();
        var penalty = new Dictionary<(int, int), long>();
        long worst = 0;
        foreach (var c in courses)
        {
            var list = z[c.Index] = [];
            long worstHere = 0;
            // The first start days (little delay), then a spread over the rest, and the current start: the model stays
            // small enough for a loaded machine (every run day of every start is a term of that day's rows).
            var runs = CapacityBounds.WeekdayRuns(p, c).ToList();
            var step = Math.Max(1, (runs.Count - FirstStarts) / SpreadStarts);
            var currentStart = firstDay.TryGetValue(c.Id, out var cs) ? cs : -1;
            foreach (var (s, run) in runs.Where((r, i) => i < FirstStarts || (i - FirstStarts) % step == 0 || r.Start == currentStart))
            {
                var lit = model.NewBoolVar("");
                list.Add((s, lit));
                var minutes = p.Treatments[c.Treatment].Minutes;
                for (var r = 0; r < run.Length; r++)
                {
                    terms[run[r]].Add((lit, (long)Math.Min(c.PerDay, c.Sessions - r * c.PerDay) * minutes, c));
                }

                var pen = (long)Math.Max(0, s - c.Due) * c.Weight + Math.Max(0, s - c.Release);
                penalty[(c.Index, s)] = pen;
                worstHere = Math.Max(worstHere, pen);
            }

            worst += worstHere;
            model.AddAtMostOne(list.Select(x => x.Lit));
        }

        // One weighted session outweighs all lateness and delay (the objective's order).
        var big = worst + 1;
        foreach (var c in courses)
        {
            foreach (var (s, lit) in z[c.Index])
            {
                objectiveVars.Add(lit);
                objectiveCoefs.Add(big * c.Weight * c.Sessions - penalty[(c.Index, s)]);
            }
        }

        model.Maximize(LinearExpr.WeightedSum(objectiveVars, objectiveCoefs));

        // The chamber sets courses are limited to (plus all chambers), each once.
        var sets = courses.Select(c => c.Eligible.Where(p.IsChamber).Order().ToArray()).Append(chambers)
            .DistinctBy(e => string.Join(',', e)).ToList();
        var others = current.Where(s => !inModel.Contains(p.CourseIndex[s.Course]) && p.ResourceIndex.TryGetValue(s.Resource, out var r) && p.IsChamber(r))
            .GroupBy(s => p.DayOf(s.Date)).ToDictionary(g => g.Key, g => g.ToList());
        for (var d = 0; d < p.Days; d++)
        {
            if (p.Open[d] is not { } open || terms[d].Count == 0)
            {
                continue;
            }

            var bands = terms[d].Select(t => Band(t.Course, d)).Append((open.Start, open.End)).Distinct().ToList();
            foreach (var e in sets)
            {
                var set = e.ToHashSet();
                foreach (var (from, to) in bands)
                {
                    var inside = terms[d].Where(t => t.Course.Eligible.Where(p.IsChamber).All(set.Contains)
                        && Band(t.Course, d) is var b && b.From >= from && b.To <= to).ToList();
                    if (inside.Count == 0)
                    {
                        continue;
                    }

                    var offer = Math.Min(e.Sum(r => Offer(r, d, from, to)), Staffed(e, d, from, to));
                    // Sessions of courses outside the model (fixed, interval) that use these chambers in the band.
                    var used = others.TryGetValue(d, out var taken)
                        ? taken.Where(s => set.Contains(p.ResourceIndex[s.Resource]) && s.Start < to && s.End > from).Sum(s => (long)(s.End - s.Start))
                        : 0;
                    if (inside.Sum(t => t.Minutes) <= offer - used)
                    {
                        continue;
                    }

                    model.Add(LinearExpr.WeightedSum(inside.Select(t => t.Lit), inside.Select(t => t.Minutes)) <= Math.Max(0, offer - used));
                }
            }
        }

        // Hint: the current schedule's start days.
        foreach (var c in courses)
        {
            var start = firstDay.TryGetValue(c.Id, out var f) ? f : -1;
            foreach (var (s, lit) in z[c.Index])
            {
                model.AddHint(lit, s == start);
            }
        }

        using var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{limit.TotalSeconds:0.###} num_workers:{Math.Max(1, workers)} random_seed:{seed}"),
        };
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }

        var plan = new Dictionary<int, int>();
        foreach (var c in courses)
        {
            foreach (var (s, lit) in z[c.Index])
            {
                if (solver.BooleanValue(lit))
                {
                    plan[c.Index] = s;
                }
            }
        }

        return plan;
    }
}
