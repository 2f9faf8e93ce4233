using System.Diagnostics;
using Google.OrTools.Sat;

namespace RegenClinic.Scheduling;

/// <summary>Turns the weighted LP's plan into bookings. The LP decides well which courses to take and on which days
/// (on the generated instances it is integral and takes the end of the horizon that greedy placement leaves empty);
/// what it ignores is the day's inside: tables per dive, patients' windows, twice-daily gaps, operators' shifts.
/// So chamber courses start on the LP's start day, and each day's chamber sessions are packed onto the dive
/// timetable by a small exact CP-SAT model (README, "Plan packing"); a course one of whose days cannot be packed is
/// dropped whole. Everything else (rooms, interval courses, what the LP or the packing left out) is then placed as
/// the LP-guided greedy places it. Every booking goes through the calendar, so the result is valid by construction.</summary>
internal static class PlanPacker
{
    /// <summary>The packed schedule and the courses left out; null when the budget ran out before the last day.</summary>
    internal static (List<ScheduledSession> Sessions, List<UnscheduledCourse> Unscheduled)? Pack(SchedulingProblem p, CapacityBounds.LpPlan plan, IReadOnlyList<CourseInfo> order,
        Func<CourseInfo, IEnumerable<int>> starts, SolveOptions options, TimeSpan until, Stopwatch clock)
    {
        var cal = new Calendar(p);
        var placed = new Dictionary<int, List<Calendar.Booking>>();
        foreach (var c in order.Where(c => c.Fixed.Count > 0))
        {
            if (CoursePlacer.Place(p, cal, c, 15) is { } fixedCourse)
            {
                placed[c.Index] = fixedCourse;
            }
        }

        // Chamber courses the LP takes (at least half), on their run from the start day the LP gives most of them.
        var runs = new Dictionary<int, int[]>();
        foreach (var c in order.Where(c => c.Fixed.Count == 0 && c.Weekdays && p.Treatments[c.Treatment].Table >= 0 && plan.Presence[c.Index] >= 0.5
                     && plan.Starts[c.Index].Count > 0))
        {
            if (CoursePlacer.WeekdaySessionDays(p, c, plan.Starts[c.Index].MaxBy(kv => kv.Value).Key) is { } days)
            {
                runs[c.Index] = days;
            }
        }

        var dropped = new HashSet<int>();
        var yesterday = new Dictionary<int, int>();
        // Identical chambers (kind, seats, tables) form one pool, so the day models have no symmetry between them.
        var pools = Enumerable.Range(0, p.Chambers.Length)
            .GroupBy(r => (p.Chambers[r].Kind, p.Chambers[r].Seats, Tables: string.Join(',', p.Chambers[r].Tables.Order())))
            .Select(g => g.ToArray()).ToList();
        var openDays = Enumerable.Range(0, p.Days).Count(d => p.Open[d] is not null);
        var done = 0;
        for (var d = 0; d < p.Days; d++)
        {
            if (p.Open[d] is null)
            {
                continue;
            }

            var today = runs.Where(kv => !dropped.Contains(kv.Key) && Array.IndexOf(kv.Value, d) >= 0)
                .Select(kv => (Course: p.Courses[kv.Key], Run: Array.IndexOf(kv.Value, d))).ToList();
            var left = until - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // Days solve to optimality in well under a second; a share of what is left keeps the whole within its budget.
            var limit = TimeSpan.FromSeconds(Math.Min(left.TotalSeconds, Math.Clamp(left.TotalSeconds / Math.Max(1, openDays - done++) * 4, 0.2, 2)));
            var packed = today.Count == 0 ? [] : PackDay(p, cal, d, pools,
                today.Select(t => (t.Course, Math.Min(t.Course.PerDay, t.Course.Sessions - t.Run * t.Course.PerDay))).ToList(), yesterday, options, limit);
            foreach (var (c, run) in today)
            {
                if (!packed.TryGetValue(c.Index, out var times) || !Book(cal, c, d, run, times, placed))
                {
                    dropped.Add(c.Index);
                    if (placed.Remove(c.Index, out var partial))
                    {
                        CoursePlacer.Undo(cal, partial);
                    }

                    continue;
                }

                yesterday[c.Index] = times[0].Start;
            }
        }

        // The rest, in the LP-guided order: at the LP's start days first, then wherever it fits.
        var sessions = new List<ScheduledSession>();
        var unscheduled = new List<UnscheduledCourse>();
        foreach (var c in order)
        {
            if (!placed.TryGetValue(c.Index, out var booked))
            {
                booked = starts(c).Distinct().Select(s => CoursePlacer.PlaceAt(p, cal, c, s, CoursePlacer.Slotted)).FirstOrDefault(b => b is not null)
                    ?? CoursePlacer.Place(p, cal, c, 15);
                if (booked is null)
                {
                    unscheduled.Add(new UnscheduledCourse(c.Id, CoursePlacer.Reason(p, c)));
                    continue;
                }

                placed[c.Index] = booked;
            }

            sessions.AddRange(booked.Select(cal.ToSession));
        }

        return (sessions, unscheduled);
    }

    /// <summary>Books the day's sessions of a course where the day's model put them; false when the calendar refuses
    /// one (the caller then drops the course), which happens only when staff cannot be named (the model pools them by skill).</summary>
    private static bool Book(Calendar cal, CourseInfo c, int day, int run, List<(int Start, int[] Pool)> times, Dictionary<int, List<Calendar.Booking>> placed)
    {
        if (!placed.TryGetValue(c.Index, out var list))
        {
            placed[c.Index] = list = [];
        }

        for (var k = 0; k < times.Count; k++)
        {
            var (start, pool) = times[k];
            if (cal.TryBook(c, run * c.PerDay + k + 1, day, start, r => Array.IndexOf(pool, r) >= 0) is not { } b)
            {
                return false;
            }

            list.Add(b);
        }

        return true;
    }

    /// <summary>One day: every session on a dive time inside the patient's availability; per pool of identical chambers
    /// and time, at most its free monoplaces, or dives of one table each (joining a running dive first) up to the seats;
    /// staff per skill and time; one session per patient and time; the twice-daily gap. Keeps the most valuable
    /// courses (weight × sessions), then yesterday's times. The calendar names the chamber when booking.</summary>
    private static Dictionary<int, List<(int Start, int[] Pool)>> PackDay(SchedulingProblem p, Calendar cal, int day, List<int[]> pools,
        List<(CourseInfo Course, int Count)> today, Dictionary<int, int> yesterday, SolveOptions options, TimeSpan limit)
    {
        var open = p.Open[day]!.Value;
        var slot = cal.DiveSlot;
        var times = new List<int>();
        for (var s = cal.DiveAnchor; s + slot <= open.End; s += slot)
        {
            if (s >= open.Start)
            {
                times.Add(s);
            }
        }

        var model = new CpModel();
        var objective = new List<(ILiteral Lit, long Coefficient)>();
        var choices = new List<(CourseInfo Course, int Start, int[] Pool, BoolVar Lit)>();
        var use = new Dictionary<(int[] Pool, int Start, int Table), List<ILiteral>>();
        var patientUse = new Dictionary<(int, int), List<ILiteral>>();
        var staffUse = new Dictionary<(int Start, int Skill), List<(LinearExpr Use, long Count)>>();
        void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(value);
        }

        foreach (var (c, count) in today)
        {
            var t = p.Treatments[c.Treatment];
            var mine = new List<(int Start, BoolVar Lit)>();
            foreach (var start in times.Where(s => s + t.Minutes <= open.End && cal.PatientFree(c, day, s)))
            {
                foreach (var pool in pools.Where(pool => c.Eligible.Contains(pool[0])))
                {
                    var lit = model.NewBoolVar("");
                    mine.Add((start, lit));
                    choices.Add((c, start, pool, lit));
                    Add(use, (pool, start, t.Table), (ILiteral)lit);
                    Add(patientUse, (c.Patient, start), (ILiteral)lit);
                    if (p.Chambers[pool[0]].Kind == ChamberKind.Monoplace)
                    {
                        foreach (var (skill, n) in t.Needs)
                        {
                            Add(staffUse, (start, skill), ((LinearExpr)lit, (long)n));
                        }
                    }

                    if (yesterday.TryGetValue(c.Index, out var y) && y == start)
                    {
                        objective.Add((lit, 1));
                    }
                }
            }

            var k = model.NewBoolVar("");
            model.Add(LinearExpr.Sum(mine.Select(m => m.Lit)) == count * (LinearExpr)k);
            objective.Add((k, 1000L * c.Weight * c.Sessions));
            if (count > 1)
            {
                // Twice daily: the second session starts at least the treatment plus the gap after the first.
                foreach (var a in times)
                {
                    foreach (var b in times.Where(b => b > a && b < a + t.Minutes + c.MinGap))
                    {
                        model.Add(LinearExpr.Sum(mine.Where(m => m.Start == a || m.Start == b).Select(m => m.Lit)) <= 1);
                    }
                }
            }
        }

        foreach (var lits in patientUse.Values)
        {
            model.AddAtMostOne(lits);
        }

        foreach (var group in use.GroupBy(kv => (kv.Key.Pool, kv.Key.Start)))
        {
            var (pool, start) = group.Key;
            if (p.Chambers[pool[0]].Kind == ChamberKind.Monoplace)
            {
                model.Add(LinearExpr.Sum(group.SelectMany(g => g.Value)) <= pool.Count(r => cal.ResourceFree(r, day, start, start + slot)));
                continue;
            }

            // Multiplaces: seats left in dives already running then, and new dives (one table each) in the free ones.
            var seats = p.Chambers[pool[0]].Seats;
            var at = pool.Select(r => cal.DiveAt(r, day, start, start + slot)).ToList();
            var free = at.Count(x => x.Free);
            var opened = new List<LinearExpr>();
            foreach (var (key, lits) in group)
            {
                var running = at.Where(x => x.Running is { } d && d.Table == key.Table).Sum(x => seats - x.Running!.Occupants);
                var dives = model.NewIntVar(0, free, "");
                opened.Add(dives);
                model.Add(LinearExpr.Sum(lits) <= running + seats * (LinearExpr)dives);
                foreach (var (skill, n) in p.Treatments.Where(x => x.Table == key.Table).SelectMany(x => x.Needs).GroupBy(x => x.Skill)
                             .Select(g => (g.Key, g.Max(x => x.Count))))
                {
                    Add(staffUse, (start, skill), ((LinearExpr)dives, (long)n));
                }
            }

            model.Add(LinearExpr.Sum(opened) <= free);
        }

        foreach (var ((start, skill), uses) in staffUse)
        {
            model.Add(LinearExpr.Sum(uses.Select(u => u.Use * u.Count)) <= cal.FreeStaff(skill, day, start, start + slot));
        }

        model.Maximize(LinearExpr.WeightedSum(objective.Select(o => o.Lit), objective.Select(o => o.Coefficient)));
        using var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.05, limit.TotalSeconds):0.###} num_workers:{Math.Max(1, options.Workers)} random_seed:{options.Seed}"),
        };
        var status = solver.Solve(model);
        var result = new Dictionary<int, List<(int, int[])>>();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return result;
        }

        foreach (var o in choices.Where(o => solver.BooleanValue(o.Lit)).OrderBy(o => o.Start))
        {
            Add(result, o.Course.Index, (o.Start, o.Pool));
        }

        return result;
    }
}
