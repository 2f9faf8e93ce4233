using System.Diagnostics;

namespace RegenClinic.Scheduling;

/// <summary>Ruin and recreate on the concrete calendar, for large instances where CP-SAT over every course stalls
/// after its first solution: pick a course that is not placed, take out a few placed courses that use the same kind
/// of resource during the period it would run, place the left-out course first and the others again (each whole, at
/// its earliest feasible start), and keep the change when it is not worse in the objective's order (more weighted
/// sessions, or as many with no more lateness and delay). Thousands of such moves fit in a minute because each is a
/// handful of first-fit placements; every kept state is a valid schedule by construction of the calendar, and the
/// result is checked again by the caller.</summary>
internal static class RuinRecreate
{
    /// <summary>Share of moves that put chamber sessions on the dive timetable only: they pack monoplaces without gaps
    /// and are faster; the rest use the 15-minute grid, which reaches patients whose windows miss the timetable.</summary>
    private const double Slotted = 0.8;

    /// <summary>Runs <paramref name="workers"/> independent chains (different seeds) until <paramref name="until"/> and
    /// returns the best end state in the objective's order.</summary>
    internal static List<ScheduledSession> Improve(SchedulingProblem p, List<ScheduledSession> start, CapacityBounds.LpPlan plan, TimeSpan until,
        Stopwatch clock, int seed, int workers, Action<long>? report, CancellationToken cancellationToken)
    {
        if (workers <= 1)
        {
            return Chain(p, start, plan, until, clock, seed, report, cancellationToken);
        }

        var best = long.MinValue;
        var gate = new object();
        void Report(long weighted)
        {
            lock (gate)
            {
                if (weighted > best)
                {
                    best = weighted;
                    report?.Invoke(weighted);
                }
            }
        }

        var chains = Enumerable.Range(0, workers)
            .Select(w => Task.Run(() => Chain(p, start, plan, until, clock, seed + 7919 * w, Report, cancellationToken), cancellationToken)).ToArray();
        Task.WaitAll(chains, CancellationToken.None);
        return chains.Select(t => t.Result).OrderByDescending(r => WindowSearch.Score(p, r)).First();
    }

    private static List<ScheduledSession> Chain(SchedulingProblem p, List<ScheduledSession> start, CapacityBounds.LpPlan plan, TimeSpan until,
        Stopwatch clock, int seed, Action<long>? report, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var cal = new Calendar(p);
        if (cal.Load(start) is not { } placed)
        {
            return start;
        }

        var movable = p.Courses.Where(c => c.Fixed.Count == 0 && CoursePlacer.StaticObstacle(p, c) is null).ToArray();
        if (movable.Length == 0)
        {
            return start;
        }

        var weighted = placed.Keys.Sum(c => (long)p.Courses[c].Weight * p.Courses[c].Sessions);
        var iterations = 0;
        var accepted = 0;
        while (clock.Elapsed < until && !cancellationToken.IsCancellationRequested)
        {
            iterations++;
            var unplaced = movable.Where(c => !placed.ContainsKey(c.Index)).ToList();
            if (unplaced.Count == 0)
            {
                break;
            }

            // The course to get in: more valuable ones more often.
            var target = Pick(unplaced, random);
            var runs = target.Weekdays ? CapacityBounds.WeekdayRuns(p, target).Select(r => r.Start).ToList() : [];
            // Half the time a start day the LP gives the course, else any.
            var lpStarts = plan.Starts[target.Index].Keys.ToList();
            var first = lpStarts.Count > 0 && random.Next(2) == 0 ? lpStarts[random.Next(lpStarts.Count)]
                : runs.Count > 0 ? runs[random.Next(runs.Count)] : Math.Max(0, target.Release) + random.Next(Math.Max(1, p.Days - Math.Max(0, target.Release)) / 2 + 1);
            var length = target.Weekdays ? target.Days * 7 / 5 + 2 : target.Sessions * target.MinDays;
            var last = first + length;
            var chamber = p.Treatments[target.Treatment].Table >= 0;

            // Ruin: a few placed courses of the same resource kind running during that period.
            var overlapping = placed.Where(kv => kv.Value[0].Course.Fixed.Count == 0
                    && (p.Treatments[kv.Value[0].Course.Treatment].Table >= 0) == chamber
                    && kv.Value.Exists(b => b.Day >= first && b.Day <= last))
                .Select(kv => kv.Key).ToList();
            var count = 1 + random.Next(Math.Min(6, Math.Max(1, overlapping.Count)));
            var removed = overlapping.OrderBy(_ => random.Next()).Take(count).ToList();
            var saved = removed.ToDictionary(c => c, c => placed[c]);
            long before = 0;
            foreach (var c in removed)
            {
                CoursePlacer.Undo(cal, placed[c]);
                placed.Remove(c);
                before += Penalty(p, saved[c]);
            }

            // Recreate: the target first (at the chosen start, else its earliest), then the removed courses and a few
            // other left-out ones, most valuable first with some noise.
            var inserted = new List<int>();
            var others = removed.Select(c => p.Courses[c])
                .Concat(unplaced.Where(c => c != target && c.Release <= last).OrderBy(_ => random.Next()).Take(8))
                .OrderByDescending(c => c.Weight * c.Sessions * (0.8 + 0.4 * random.NextDouble())).ToList();
            var grid = random.NextDouble() < Slotted ? CoursePlacer.Slotted : 15;
            foreach (var c in others.Prepend(target))
            {
                var b = (c == target ? CoursePlacer.PlaceAt(p, cal, c, first, grid, random.Next(2) == 0) : null)
                    ?? CoursePlacer.Place(p, cal, c, grid, random.Next(2) == 0);
                if (b is not null)
                {
                    placed[c.Index] = b;
                    inserted.Add(c.Index);
                }
            }

            var gain = inserted.Sum(c => (long)p.Courses[c].Weight * p.Courses[c].Sessions) - removed.Sum(c => (long)p.Courses[c].Weight * p.Courses[c].Sessions);
            var after = inserted.Sum(c => Penalty(p, placed[c]));
            if (gain > 0 || (gain == 0 && after <= before))
            {
                weighted += gain;
                accepted++;
                if (gain > 0)
                {
                    report?.Invoke(weighted);
                }

                continue;
            }

            // Worse: put everything back exactly as it was.
            foreach (var c in inserted)
            {
                CoursePlacer.Undo(cal, placed[c]);
                placed.Remove(c);
            }

            foreach (var (c, bookings) in saved)
            {
                placed[c] = [.. bookings.OrderBy(b => b.Day).ThenBy(b => b.Start).Select(cal.Rebook)];
            }
        }

        return placed.Values.SelectMany(l => l).Select(cal.ToSession).ToList();
    }

    private static CourseInfo Pick(List<CourseInfo> courses, Random random)
    {
        var total = courses.Sum(c => (double)c.Weight * c.Sessions);
        var x = random.NextDouble() * total;
        foreach (var c in courses)
        {
            x -= c.Weight * c.Sessions;
            if (x <= 0)
            {
                return c;
            }
        }

        return courses[^1];
    }

    /// <summary>Weighted lateness plus start delay of a placed course, in calendar days.</summary>
    private static long Penalty(SchedulingProblem p, List<Calendar.Booking> bookings)
    {
        var c = bookings[0].Course;
        var first = bookings.Min(b => b.Day);
        return (long)Math.Max(0, first - c.Due) * c.Weight + Math.Max(0, first - c.Release);
    }
}
