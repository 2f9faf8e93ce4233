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

    /// <summary>A complete schedule to start from (first fit, or the previous plan in a repair).</summary>
    internal sealed record HintSource(Dictionary<(int Course, int Index), (int Day, int Start, int Resource)> Sessions,
        HashSet<(int Chamber, int Day, int Start, int Table)> Dives);

    // Every variable gets a hint derived from the starting schedule, so that CP-SAT sees a complete, feasible
    // solution at once instead of searching for its first one.
    private readonly List<Action<HintSource>> _hints = [];

    internal void AddHints(HintSource source)
    {
        foreach (var hint in _hints)
        {
            hint(source);
        }
    }

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
        /// <summary>The start-day decision of a weekdays course, and its value for each first-session day.</summary>
        public IntVar? StartIndex { get; set; }
        public Dictionary<int, long> StartKeys { get; } = [];
        /// <summary>Calendar day of the first session (for lateness and delay).</summary>
        public LinearExpr FirstDay { get; set; } = LinearExpr.Constant(0);
        public List<SessionVars> Sessions { get; } = [];
        public Func<HintSource, bool> IsPlaced { get; set; } = _ => false;
        public Func<HintSource, int, (int Day, int Minute)> HintAt { get; set; } = (_, _) => (0, 0);
    }

    // Time in the model runs over open days only: open day i covers [1440 i, 1440 i + 1440). Consecutive open days
    // are then consecutive integers, so a weekdays course's session days are its start plus a constant.
    private readonly int[] _openDays;
    private readonly int[] _openIndex;

    internal long Time(int day, int minute) => _openIndex[day] * 1440L + minute;

    internal int DayOfTime(long time) => _openDays[time / 1440];

    /// <summary>A session kept exactly as booked (window search): constant capacity use, no variables.</summary>
    private sealed record Reserved(CourseInfo Course, int Day, int Start, int Resource);

    private readonly List<Reserved> _reserved = [];

    /// <param name="only">Courses to model; null = all. Others are absent, or in <paramref name="reserved"/>.</param>
    /// <param name="reserved">Booked sessions of courses not modelled, kept as they are.</param>
    internal CpModelBuilder(SchedulingProblem p, Func<CourseInfo, int, (int Day, int Start)?>? movePenalty = null,
        ISet<int>? only = null, IEnumerable<ScheduledSession>? reserved = null)
    {
        _p = p;
        _openDays = Enumerable.Range(0, p.Days).Where(d => p.Open[d] is not null).ToArray();
        _openIndex = new int[p.Days];
        Array.Fill(_openIndex, -1);
        for (var i = 0; i < _openDays.Length; i++)
        {
            _openIndex[_openDays[i]] = i;
        }

        Courses = new CourseVars?[p.Courses.Length];
        var chamberMinutes = p.Treatments.Where(t => t.Table >= 0).Select(t => t.Minutes).DefaultIfEmpty(60).ToList();
        DiveSlot = chamberMinutes.Max();
        DiveAnchor = CoursePlacer.DiveAnchor(p);
        BuildPools();
        foreach (var r in reserved ?? [])
        {
            _reserved.Add(new Reserved(p.Courses[p.CourseIndex[r.Course]], p.DayOf(r.Date), r.Start, p.ResourceIndex[r.Resource]));
        }

        foreach (var c in p.Courses.Where(c => only is null || only.Contains(c.Index)))
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
        var defaultDay = new int[c.Sessions];
        bool Placed(HintSource h) => Enumerable.Range(1, c.Sessions).All(k => h.Sessions.ContainsKey((c.Index, k)))
            && (!c.Weekdays || cv.StartKeys.ContainsKey(h.Sessions[(c.Index, 1)].Day));
        int DayFor(HintSource h, int k) => Placed(h) ? h.Sessions[(c.Index, k + 1)].Day : defaultDay[k];
        int MinuteFor(HintSource h, int k) => Placed(h)
            ? h.Sessions[(c.Index, k + 1)].Start
            : c.Fixed.TryGetValue(k + 1, out var f) ? f.Start : c.Available[defaultDay[k]].First(a => a.End - a.Start >= minutes).Start;
        _hints.Add(h => Model.AddHint(present, Placed(h)));
        cv.IsPlaced = Placed;
        cv.HintAt = (h, k) => (DayFor(h, k), MinuteFor(h, k));
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

            var open = tables.Select(t => t.Select(d => (long)_openIndex[d]).ToArray()).ToList();
            var linear = open.TrueForAll(t => t.Select((o, r) => o - r).Distinct().Count() == 1);
            IntVar decision;
            if (linear)
            {
                // No off date inside any candidate run: session r is on open day (start + r).
                decision = Model.NewIntVarFromDomain(Domain.FromValues(open.Select(t => t[0]).ToArray()), $"s{c.Index}");
                for (var i = 0; i < starts.Count; i++)
                {
                    cv.StartKeys[starts[i]] = open[i][0];
                }

                var first = Model.NewIntVar(0, _p.Days, "");
                Model.AddElement(decision, _openDays.Select(d => (long)d), first);
                cv.FirstDay = first;
                _hints.Add(h => Model.AddHint(first, DayFor(h, 0)));
            }
            else
            {
                decision = Model.NewIntVar(0, starts.Count - 1, $"s{c.Index}");
                for (var i = 0; i < starts.Count; i++)
                {
                    cv.StartKeys[starts[i]] = i;
                }

                var first = Model.NewIntVar(0, _p.Days, "");
                Model.AddElement(decision, starts.Select(d => (long)d), first);
                cv.FirstDay = first;
                _hints.Add(h => Model.AddHint(first, DayFor(h, 0)));
            }

            cv.StartIndex = decision;
            for (var k = 0; k < c.Sessions; k++)
            {
                defaultDay[k] = tables[0][k / c.PerDay];
            }

            _hints.Add(h => Model.AddHint(decision, cv.StartKeys[DayFor(h, 0)]));
            for (var r = 0; r < c.Days; r++)
            {
                var values = open.Select(t => t[r]).ToArray();
                LinearExpr day;
                if (values.Distinct().Count() == 1)
                {
                    day = LinearExpr.Constant(values[0]);
                }
                else if (linear)
                {
                    day = decision + r;
                }
                else
                {
                    var v = Model.NewIntVarFromDomain(Domain.FromValues(values.Distinct().ToArray()), "");
                    Model.AddElement(decision, values, v);
                    day = v;
                    var firstOfDay = r * c.PerDay;
                    _hints.Add(h => Model.AddHint(v, _openIndex[DayFor(h, firstOfDay)]));
                }

                for (var k = r * c.PerDay; k < Math.Min(c.Sessions, (r + 1) * c.PerDay); k++)
                {
                    dayOf[k] = day;
                    dayOptions[k] = tables.Select(t => t[r]).Distinct().ToList();
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
                else
                {
                    cv.FirstDay = v;
                }

                previous = v;
                // Spacing is in calendar days; the time axis is in open days.
                var openDay = Model.NewIntVarFromDomain(Domain.FromValues(options.Select(x => (long)_openIndex[x]).ToArray()), "");
                Model.AddElement(v, _openIndex.Select(x => (long)Math.Max(0, x)), openDay);
                defaultDay[k] = options[0];
                var session = k;
                _hints.Add(h =>
                {
                    Model.AddHint(v, DayFor(h, session));
                    Model.AddHint(openDay, _openIndex[DayFor(h, session)]);
                });
                dayOf[k] = openDay;
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
                        ranges.Add([Time(d, a.Start), Time(d, a.End - minutes)]);
                    }
                }
            }

            if (c.Fixed.TryGetValue(k + 1, out var fx))
            {
                ranges = [[Time(fx.Day, fx.Start), Time(fx.Day, fx.Start)]];
            }

            var start = Model.NewIntVarFromDomain(Domain.FromIntervals(MergeRanges(ranges)), "");
            Model.Add(start - 1440 * dayOf[k] >= 0);
            Model.Add(start - 1440 * dayOf[k] <= 1439);
            var sv = new SessionVars(k, start, dayOf[k]);
            var index = k;
            _hints.Add(h => Model.AddHint(start, Time(DayFor(h, index), MinuteFor(h, index))));
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
                if (lit is BoolVar own && !ReferenceEquals(lit, present))
                {
                    var poolResources = pool.Resources;
                    _hints.Add(h => Model.AddHint(own, Placed(h) && poolResources.Contains(h.Sessions[(c.Index, index + 1)].Resource)));
                }
                sv.Options.Add((pool, lit, Model.NewOptionalFixedSizeIntervalVar(start, minutes, lit, "")));
                if (pool.Kind == ChamberKind.Multiplace && !c.Fixed.ContainsKey(k + 1))
                {
                    if (slot is null)
                    {
                        var slotVar = Model.NewIntVar(0, 1440 / DiveSlot + 1, "");
                        slot = slotVar;
                        _hints.Add(h =>
                        {
                            var minute = MinuteFor(h, index);
                            var aligned = minute >= DiveAnchor && (minute - DiveAnchor) % DiveSlot == 0;
                            Model.AddHint(slotVar, aligned ? (minute - DiveAnchor) / DiveSlot : 0);
                        });
                    }

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

            var fixedUse = _reserved.Where(r => pool.Resources.Contains(r.Resource))
                .Select(r => (r.Course, Interval: Model.NewFixedSizeIntervalVar(Model.NewConstant(Time(r.Day, r.Start)), _p.Treatments[r.Course.Treatment].Minutes, "")))
                .ToList();
            if (items.Count > 0)
            {
                AddCapacity(items.Select(i => (i.Interval, 1)).Concat(fixedUse.Select(f => (f.Interval, 1))).ToList(), pool.Capacity);
            }

            foreach (var (course, interval) in items.Concat(fixedUse))
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
                        demands.Add((Model.NewFixedSizeIntervalVar(Model.NewConstant(Time(d, a)), b - a, ""), members.Count - on));
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
        var chamber = pool.Resources[0];
        var kept = _reserved.Where(r => r.Resource == chamber).ToList();
        if (items.Count == 0 && kept.Count == 0)
        {
            return;
        }

        var seats = pool.Capacity;
        var tables = items.Select(i => _p.Treatments[i.Course.Treatment].Table).Concat(kept.Select(r => _p.Treatments[r.Course.Treatment].Table)).Distinct();
        var perTable = tables.ToDictionary(t => t, t => items.Where(i => _p.Treatments[i.Course.Treatment].Table == t)
            .Select(i => (i.Interval, 1)).ToList());
        var keptDives = kept.GroupBy(r => (r.Day, r.Start, _p.Treatments[r.Course.Treatment].Table)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var ((day, start, table), count) in keptDives)
        {
            perTable[table].Add((Model.NewFixedSizeIntervalVar(Model.NewConstant(Time(day, start)), DiveSlot, ""), count));
            if ((start - DiveAnchor) % DiveSlot != 0)
            {
                // A kept dive off the slot grid (a fixed booking): its staff directly, once.
                foreach (var (skill, need) in _p.Treatments.Where(t => t.Table == table).SelectMany(t => t.Needs)
                             .GroupBy(n => n.Skill).Select(g => (g.Key, g.Max(x => x.Count))))
                {
                    staffDemand.Add((Model.NewFixedSizeIntervalVar(Model.NewConstant(Time(day, start)), DiveSlot, ""), skill, need));
                }
            }
        }

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
                    var key = (pool.Resources[0], d, s, table);
                    _hints.Add(h => Model.AddHint(run, h.Dives.Contains(key)));
                    if (keptDives.ContainsKey((d, s, table)))
                    {
                        // The kept dive runs: its table holds the slot and its staff are counted through `run`.
                        Model.Add(run == 1);
                    }

                    var from = Model.NewConstant(Time(d, s));
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
        var kept = _reserved.ToLookup(r => r.Course.Patient);
        foreach (var g in Courses.Where(c => c is not null).GroupBy(c => c!.Course.Patient))
        {
            if (g.Count() < 2 && !kept.Contains(g.Key))
            {
                continue;
            }

            var intervals = g.SelectMany(c => c!.Sessions.Select(s =>
                Model.NewOptionalFixedSizeIntervalVar(s.Start, _p.Treatments[c.Course.Treatment].Minutes, c.Present, ""))).ToList();
            intervals.AddRange(kept[g.Key].Select(r =>
                Model.NewFixedSizeIntervalVar(Model.NewConstant(Time(r.Day, r.Start)), _p.Treatments[r.Course.Treatment].Minutes, "")));
            Model.AddNoOverlap(intervals);
        }
    }

    /// <summary>Lexicographic through weights: one weighted session outweighs all lateness and delay, one day of
    /// lateness outweighs all start-time changes (and, in repair, all moves).</summary>
    private void AddObjective(Func<CourseInfo, int, (int Day, int Start)?>? movePenalty)
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
            var first = cv.FirstDay;
            var late = Model.NewIntVar(0, _p.Days + Math.Abs((long)c.Due), "");
            Model.Add(late >= first - c.Due).OnlyEnforceIf(cv.Present);
            var delay = Model.NewIntVar(0, _p.Days + Math.Abs((long)c.Release), "");
            Model.Add(delay >= first - c.Release).OnlyEnforceIf(cv.Present);
            middle.Add(c.Weight * late + delay);
            _hints.Add(h =>
            {
                var placed = cv.IsPlaced(h);
                var firstDay = cv.HintAt(h, 0).Day;
                Model.AddHint(late, placed ? Math.Max(0, firstDay - c.Due) : 0);
                Model.AddHint(delay, placed ? Math.Max(0, firstDay - c.Release) : 0);
            });
            lateMax += 4L * (_p.Days + Math.Abs((long)c.Due) + Math.Abs((long)c.Release));
            for (var k = c.PerDay; k < cv.Sessions.Count; k++)
            {
                var a = cv.Sessions[k];
                var b = cv.Sessions[k - c.PerDay];
                var change = Model.NewBoolVar("");
                Model.Add(a.Start - 1440 * a.Day == b.Start - 1440 * b.Day).OnlyEnforceIf([change.Not(), cv.Present]);
                lowest.Add(change);
                var (ka, kb) = (k, k - c.PerDay);
                _hints.Add(h => Model.AddHint(change, cv.IsPlaced(h) && cv.HintAt(h, ka).Minute != cv.HintAt(h, kb).Minute));
            }

            if (movePenalty is not null)
            {
                foreach (var s in cv.Sessions)
                {
                    if (movePenalty(c, s.Index) is { } previous && previous.Day >= 0 && previous.Day < _p.Days && _openIndex[previous.Day] >= 0)
                    {
                        var moved = Model.NewBoolVar("");
                        Model.Add(s.Start == Time(previous.Day, previous.Start)).OnlyEnforceIf(moved.Not());
                        lowest.Add(moved);
                        totalSessions++;
                        var k = s.Index;
                        _hints.Add(h => Model.AddHint(moved, cv.HintAt(h, k) != (previous.Day, previous.Start)));
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
