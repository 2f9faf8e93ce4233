using Google.OrTools.Sat;
using Google.OrTools.Util;

namespace RegenClinic.Scheduling;

/// <summary>The CP-SAT model (README, "Formulation"): per course a presence literal and a start day, per session a
/// start minute whose domain holds the patient's available times; pooled monoplaces, rooms and staff skills as
/// cumulatives; multiplace dives on a fixed slot grid with one table per slot.</summary>
internal sealed class CpModelBuilder
{
    private readonly SchedulingProblem _p;
    internal CpModel Model { get; } = new();
    internal CourseVars?[] Courses { get; }
    internal List<Pool> Pools { get; } = [];
    internal int DiveSlot { get; }
    internal int DiveAnchor { get; }
    internal LinearExpr Gain { get; private set; } = LinearExpr.Constant(0);

    internal sealed record Pool(int Index, ChamberKind? Kind, int[] Resources, int Capacity);

    internal sealed class SessionVars(int index, IntVar start, LinearExpr day)
    {
        public int Index { get; } = index;
        public IntVar Start { get; } = start;
        public LinearExpr Day { get; } = day;
        public List<(Pool Pool, ILiteral Lit, IntervalVar Interval)> Options { get; } = [];
    }

    internal sealed class CourseVars(CourseInfo course, BoolVar present)
    {
        public CourseInfo Course { get; } = course;
        public BoolVar Present { get; } = present;
        public IntVar? StartIndex { get; set; }
        public int[] StartDays { get; set; } = [];
        public List<SessionVars> Sessions { get; } = [];
    }

    internal CpModelBuilder(SchedulingProblem p, Func<CourseInfo, int, int>? movePenalty = null)
    {
        _p = p;
        Courses = new CourseVars?[p.Courses.Length];
        var chamberMinutes = p.Treatments.Where(t => t.Table >= 0).Select(t => t.Minutes).DefaultIfEmpty(60).ToList();
        DiveSlot = chamberMinutes.Max();
        DiveAnchor = p.Open.Where(o => o is not null).Select(o => o!.Value.Start).DefaultIfEmpty(0).Min();
        BuildPools();
        foreach (var c in p.Courses)
        {
            if (CoursePlacer.StaticObstacle(p, c) is null)
            {
                Courses[c.Index] = BuildCourse(c);
            }
        }

        AddResources();
        AddPatients();
        AddObjective(movePenalty);
    }

    private void BuildPools()
    {
        // Monoplaces running the same tables are interchangeable: pool them (named afterwards by interval colouring).
        foreach (var g in Enumerable.Range(0, _p.Chambers.Length).Where(r => _p.Chambers[r].Kind == ChamberKind.Monoplace)
                     .GroupBy(r => string.Join(",", _p.Chambers[r].Tables.Order())))
        {
            Pools.Add(new Pool(Pools.Count, ChamberKind.Monoplace, g.ToArray(), g.Count()));
        }

        foreach (var r in Enumerable.Range(0, _p.Chambers.Length).Where(r => _p.Chambers[r].Kind == ChamberKind.Multiplace))
        {
            Pools.Add(new Pool(Pools.Count, ChamberKind.Multiplace, [r], _p.Chambers[r].Seats));
        }

        if (_p.RoomCount > 0)
        {
            Pools.Add(new Pool(Pools.Count, null, Enumerable.Range(_p.Chambers.Length, _p.RoomCount).ToArray(), _p.RoomCount));
        }
    }

    private CourseVars? BuildCourse(CourseInfo c)
    {
        var minutes = _p.Treatments[c.Treatment].Minutes;
        var present = Model.NewBoolVar($"p{c.Index}");
        var cv = new CourseVars(c, present);
        var dayOptions = new List<int>[c.Sessions];
        LinearExpr[] dayOf = new LinearExpr[c.Sessions];
        if (c.Weekdays)
        {
            var starts = new List<int>();
            var tables = new List<int[]>();
            for (var s = Math.Max(0, c.Release); s < _p.Days; s++)
            {
                var days = CoursePlacer.WeekdaySessionDays(_p, c, s);
                if (days is null || !days.All(d => c.Available[d].Length > 0)
                    || c.Fixed.Any(f => days[(f.Key - 1) / c.PerDay] != f.Value.Day))
                {
                    continue;
                }

                starts.Add(s);
                tables.Add(days);
            }

            if (starts.Count == 0)
            {
                return null;
            }

            cv.StartDays = starts.ToArray();
            var idx = Model.NewIntVar(0, starts.Count - 1, $"s{c.Index}");
            cv.StartIndex = idx;
            for (var r = 0; r < c.Days; r++)
            {
                var values = tables.Select(t => (long)t[r]).ToArray();
                LinearExpr day;
                if (values.Distinct().Count() == 1)
                {
                    day = LinearExpr.Constant(values[0]);
                }
                else
                {
                    var v = Model.NewIntVarFromDomain(Domain.FromValues(values.Distinct().ToArray()), "");
                    Model.AddElement(idx, values, v);
                    day = v;
                }

                for (var k = r * c.PerDay; k < Math.Min(c.Sessions, (r + 1) * c.PerDay); k++)
                {
                    dayOf[k] = day;
                    dayOptions[k] = values.Select(x => (int)x).Distinct().ToList();
                }
            }
        }
        else
        {
            var allowed = Enumerable.Range(Math.Max(0, c.Release), Math.Max(0, _p.Days - Math.Max(0, c.Release)))
                .Where(d => c.Available[d].Any(a => a.End - a.Start >= minutes)).ToList();
            if (allowed.Count < c.Sessions)
            {
                return null;
            }

            IntVar? previous = null;
            for (var k = 0; k < c.Sessions; k++)
            {
                // Session k needs k sessions before it and the rest after it within the horizon.
                var options = allowed.Skip(k).Take(allowed.Count - c.Sessions + 1).ToList();
                if (c.Fixed.TryGetValue(k + 1, out var f))
                {
                    options = options.Contains(f.Day) ? [f.Day] : [];
                }

                if (options.Count == 0)
                {
                    return null;
                }

                var v = Model.NewIntVarFromDomain(Domain.FromValues(options.Select(x => (long)x).ToArray()), "");
                if (previous is not null)
                {
                    Model.Add(v - previous >= c.MinDays).OnlyEnforceIf(present);
                    Model.Add(v - previous <= c.MaxDays).OnlyEnforceIf(present);
                    Model.Add(v > previous);
                }

                previous = v;
                dayOf[k] = v;
                dayOptions[k] = options;
            }
        }

        var treatment = _p.Treatments[c.Treatment];
        var pools = Pools.Where(pl => pl.Resources.Any(r => c.Eligible.Contains(r))).ToList();
        for (var k = 0; k < c.Sessions; k++)
        {
            var ranges = new List<long[]>();
            foreach (var d in dayOptions[k].Order())
            {
                foreach (var a in c.Available[d].OrderBy(a => a.Start))
                {
                    if (a.End - a.Start >= minutes)
                    {
                        ranges.Add([d * 1440L + a.Start, d * 1440L + a.End - minutes]);
                    }
                }
            }

            if (c.Fixed.TryGetValue(k + 1, out var fx))
            {
                ranges = [[fx.Day * 1440L + fx.Start, fx.Day * 1440L + fx.Start]];
            }

            var start = Model.NewIntVarFromDomain(Domain.FromIntervals(MergeRanges(ranges)), "");
            Model.Add(start - 1440 * dayOf[k] >= 0);
            Model.Add(start - 1440 * dayOf[k] <= 1439);
            var sv = new SessionVars(k, start, dayOf[k]);
            var sessionPools = c.Fixed.TryGetValue(k + 1, out var fr) ? pools.Where(pl => pl.Resources.Contains(fr.Resource)).ToList() : pools;
            if (sessionPools.Count == 0)
            {
                return null;
            }

            var lits = new List<ILiteral>();
            IntVar? slot = null;
            foreach (var pool in sessionPools)
            {
                ILiteral lit = sessionPools.Count == 1 ? present : Model.NewBoolVar("");
                lits.Add(lit);
                sv.Options.Add((pool, lit, Model.NewOptionalFixedSizeIntervalVar(start, minutes, lit, "")));
                if (pool.Kind == ChamberKind.Multiplace)
                {
                    slot ??= Model.NewIntVar(0, 1440 / DiveSlot + 1, "");
                    Model.Add(start - 1440 * dayOf[k] - DiveSlot * slot == DiveAnchor).OnlyEnforceIf(lit);
                }
            }

            if (sessionPools.Count > 1)
            {
                Model.Add(LinearExpr.Sum(lits.Cast<BoolVar>()) == present);
            }

            if (c.Weekdays && k % c.PerDay > 0)
            {
                Model.Add(start - cv.Sessions[k - 1].Start >= minutes + c.MinGap).OnlyEnforceIf(present);
            }

            cv.Sessions.Add(sv);
        }

        if (c.Fixed.Count > 0)
        {
            Model.Add(present == 1);
        }

        return cv;
    }

    private static long[][] MergeRanges(List<long[]> ranges)
    {
        var sorted = ranges.OrderBy(r => r[0]).ToList();
        var merged = new List<long[]>();
        foreach (var r in sorted)
        {
            if (merged.Count > 0 && r[0] <= merged[^1][1] + 1)
            {
                merged[^1][1] = Math.Max(merged[^1][1], r[1]);
            }
            else
            {
                merged.Add([r[0], r[1]]);
            }
        }

        return merged.ToArray();
    }

    private void AddResources()
    {
        var staffDemand = new List<(IntervalVar Interval, int Skill, int Count)>();
        foreach (var pool in Pools)
        {
            var items = Courses.Where(c => c is not null).SelectMany(c => c!.Sessions.SelectMany(s => s.Options
                .Where(o => o.Pool == pool).Select(o => (c!.Course, o.Interval)))).ToList();
            if (pool.Kind == ChamberKind.Multiplace)
            {
                AddMultiplace(pool, items, staffDemand);
                continue;
            }

            AddCapacity(items.Select(i => (i.Interval, 1)).ToList(), pool.Capacity);
            foreach (var (course, interval) in items)
            {
                foreach (var (skill, count) in _p.Treatments[course.Treatment].Needs)
                {
                    staffDemand.Add((interval, skill, count));
                }
            }
        }

        for (var skill = 0; skill < _p.SkillCount; skill++)
        {
            var members = _p.Staff.Where(s => s.Skills.Contains(skill)).ToList();
            var demands = staffDemand.Where(x => x.Skill == skill).Select(x => (x.Interval, x.Count)).ToList();
            if (demands.Count == 0)
            {
                continue;
            }

            // Blockers take away capacity where fewer members are on shift than the pool's size.
            for (var d = 0; d < _p.Days; d++)
            {
                if (_p.Open[d] is not { } open)
                {
                    continue;
                }

                var points = new SortedSet<int> { open.Start, open.End };
                foreach (var m in members)
                {
                    if (m.Shift[d] is { } sh)
                    {
                        points.Add(Math.Clamp(sh.Start, open.Start, open.End));
                        points.Add(Math.Clamp(sh.End, open.Start, open.End));
                    }
                }

                var list = points.ToList();
                for (var i = 0; i + 1 < list.Count; i++)
                {
                    var (a, b) = (list[i], list[i + 1]);
                    var on = members.Count(m => m.Shift[d] is { } sh && sh.Start <= a && sh.End >= b);
                    if (on < members.Count && b > a)
                    {
                        demands.Add((Model.NewFixedSizeIntervalVar(Model.NewConstant(d * 1440L + a), b - a, ""), members.Count - on));
                    }
                }
            }

            AddCapacity(demands, members.Count);
        }
    }

    private void AddCapacity(List<(IntervalVar Interval, int Demand)> items, int capacity)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (capacity <= 0)
        {
            throw new InvalidOperationException("capacity must be positive");
        }

        if (capacity == 1)
        {
            Model.AddNoOverlap(items.Select(i => i.Interval));
            return;
        }

        var cumulative = Model.AddCumulative(capacity);
        foreach (var (interval, demand) in items)
        {
            cumulative.AddDemand(interval, demand);
        }
    }

    /// <summary>Dives: sessions on a multiplace start on its slot grid (so overlapping sessions share a start); each
    /// slot runs at most one table, enforced by a blocker that fills the chamber for every table not running; the
    /// dive's staff are one interval per running slot.</summary>
    private void AddMultiplace(Pool pool, List<(CourseInfo Course, IntervalVar Interval)> items, List<(IntervalVar, int, int)> staffDemand)
    {
        if (items.Count == 0)
        {
            return;
        }

        var seats = pool.Capacity;
        var byTable = items.GroupBy(i => _p.Treatments[i.Course.Treatment].Table).ToDictionary(g => g.Key, g => g.ToList());
        var perTable = byTable.Keys.ToDictionary(t => t, t => items.Where(i => _p.Treatments[i.Course.Treatment].Table == t)
            .Select(i => (i.Interval, 1)).ToList());
        for (var d = 0; d < _p.Days; d++)
        {
            if (_p.Open[d] is not { } open)
            {
                continue;
            }

            for (var s = DiveAnchor; s < open.End; s += DiveSlot)
            {
                if (s < open.Start)
                {
                    continue;
                }

                var running = new List<BoolVar>();
                foreach (var (table, list) in perTable)
                {
                    var run = Model.NewBoolVar("");
                    running.Add(run);
                    var from = Model.NewConstant(d * 1440L + s);
                    list.Add((Model.NewOptionalFixedSizeIntervalVar(from, DiveSlot, run.Not(), ""), seats));
                    var needs = _p.Treatments.Where(t => t.Table == table).SelectMany(t => t.Needs)
                        .GroupBy(n => n.Skill).Select(g => (Skill: g.Key, Count: g.Max(x => x.Count)));
                    foreach (var (skill, count) in needs)
                    {
                        staffDemand.Add((Model.NewOptionalFixedSizeIntervalVar(from, DiveSlot, run, ""), skill, count));
                    }
                }

                if (running.Count > 1)
                {
                    Model.AddAtMostOne(running);
                }
            }
        }

        foreach (var (_, list) in perTable)
        {
            AddCapacity(list, seats);
        }
    }

    private void AddPatients()
    {
        foreach (var g in Courses.Where(c => c is not null).GroupBy(c => c!.Course.Patient))
        {
            if (g.Count() < 2)
            {
                continue;
            }

            var intervals = g.SelectMany(c => c!.Sessions.Select(s =>
                Model.NewOptionalFixedSizeIntervalVar(s.Start, _p.Treatments[c.Course.Treatment].Minutes, c.Present, ""))).ToList();
            Model.AddNoOverlap(intervals);
        }
    }

    /// <summary>Lexicographic through weights: one weighted session outweighs all lateness and delay, one day of
    /// lateness outweighs all start-time changes (and, in repair, all moves).</summary>
    private void AddObjective(Func<CourseInfo, int, int>? movePenalty)
    {
        var built = Courses.Where(c => c is not null).Select(c => c!).ToList();
        long totalSessions = built.Sum(c => c.Course.Sessions) + 1;
        long changeWeight = 1;
        var lowest = new List<LinearExpr>();
        var middle = new List<LinearExpr>();
        long lateMax = 0;
        foreach (var cv in built)
        {
            var c = cv.Course;
            var first = cv.Sessions[0].Day;
            var late = Model.NewIntVar(0, _p.Days + Math.Abs((long)c.Due), "");
            Model.Add(late >= first - c.Due).OnlyEnforceIf(cv.Present);
            var delay = Model.NewIntVar(0, _p.Days + Math.Abs((long)c.Release), "");
            Model.Add(delay >= first - c.Release).OnlyEnforceIf(cv.Present);
            middle.Add(c.Weight * late + delay);
            lateMax += 4L * (_p.Days + Math.Abs((long)c.Due) + Math.Abs((long)c.Release));
            for (var k = c.PerDay; k < cv.Sessions.Count; k++)
            {
                var a = cv.Sessions[k];
                var b = cv.Sessions[k - c.PerDay];
                var change = Model.NewBoolVar("");
                Model.Add(a.Start - 1440 * a.Day == b.Start - 1440 * b.Day).OnlyEnforceIf([change.Not(), cv.Present]);
                lowest.Add(change);
            }

            if (movePenalty is not null)
            {
                foreach (var s in cv.Sessions)
                {
                    var previous = movePenalty(c, s.Index);
                    if (previous >= 0)
                    {
                        var moved = Model.NewBoolVar("");
                        Model.Add(s.Start == previous).OnlyEnforceIf(moved.Not());
                        lowest.Add(moved);
                        totalSessions++;
                    }
                }
            }
        }

        var lateWeight = totalSessions * changeWeight;
        var gainWeight = lateWeight * (lateMax + 1);
        Gain = LinearExpr.WeightedSum(built.Select(c => c.Present), built.Select(c => (long)c.Course.Weight * c.Course.Sessions));
        Model.Maximize(gainWeight * Gain - lateWeight * LinearExpr.Sum(middle) - LinearExpr.Sum(lowest));
    }
}
