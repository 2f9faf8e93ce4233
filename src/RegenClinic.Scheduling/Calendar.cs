namespace RegenClinic.Scheduling;

/// <summary>Concrete bookings of chambers, rooms, staff and patients, day by day, with undo. First fit places whole
/// courses on it; the solver turns its pooled answer into named chambers and staff on it. Every booking it accepts
/// keeps rules 1, 3–6 for that session by construction; the checker still verifies the whole schedule.</summary>
internal sealed class Calendar(SchedulingProblem problem)
{
    /// <summary>Multiplace dives start on a fixed timetable: every <see cref="DiveSlot"/> minutes from
    /// <see cref="DiveAnchor"/> (<see cref="CoursePlacer.DiveAnchor"/>), as clinics run them (and as the CP model's dive slots are laid out).</summary>
    internal int DiveSlot { get; } = problem.Treatments.Where(t => t.Table >= 0).Select(t => t.Minutes).DefaultIfEmpty(60).Max();
    internal int DiveAnchor { get; } = CoursePlacer.DiveAnchor(problem);

    private readonly List<(int From, int To)>[][] _resource = NewLists(problem.Chambers.Length + problem.RoomCount, problem.Days);
    private readonly List<Dive>[][] _dives = NewLists<Dive>(problem.Chambers.Length, problem.Days);
    private readonly List<(int From, int To, Dive? Dive)>[][] _staff = NewLists<(int, int, Dive?)>(problem.Staff.Length, problem.Days);
    private readonly List<(int From, int To)>[][] _patient = NewLists(problem.PatientCount, problem.Days);

    internal sealed class Dive(int start, int end, int table, int[] staff)
    {
        public int Start { get; } = start;
        public int End { get; } = end;
        public int Table { get; } = table;
        public int[] Staff { get; } = staff;
        public int Occupants { get; set; }
    }

    internal sealed record Booking(CourseInfo Course, int Index, int Day, int Start, int End, int Resource, int[] Staff, Dive? Dive);

    private static List<(int, int)>[][] NewLists(int n, int days) => NewLists<(int, int)>(n, days);

    private static List<T>[][] NewLists<T>(int n, int days)
    {
        var a = new List<T>[n][];
        for (var i = 0; i < n; i++)
        {
            a[i] = new List<T>[days];
            for (var d = 0; d < days; d++)
            {
                a[i][d] = [];
            }
        }

        return a;
    }

    private static bool Free(List<(int From, int To)> list, int from, int to) => list.TrueForAll(x => x.To <= from || x.From >= to);

    /// <summary>Whether the patient can be treated then (availability and not already in a session).</summary>
    internal bool PatientFree(CourseInfo course, int day, int start)
    {
        var end = start + problem.Treatments[course.Treatment].Minutes;
        return day >= 0 && day < problem.Days && course.Available[day].Any(a => a.Contains(start, end)) && Free(_patient[course.Patient][day], start, end);
    }

    /// <summary>Books a whole schedule exactly as given (chamber, room and staff as named), grouped by course; null when
    /// one of its sessions cannot be booked that way.</summary>
    internal Dictionary<int, List<Booking>>? Load(IEnumerable<ScheduledSession> sessions)
    {
        var placed = new Dictionary<int, List<Booking>>();
        foreach (var s in sessions.OrderBy(s => s.Date).ThenBy(s => s.Start))
        {
            var course = problem.Courses[problem.CourseIndex[s.Course]];
            var resource = problem.ResourceIndex[s.Resource];
            if (TryBook(course, s.Index, problem.DayOf(s.Date), s.Start, x => x == resource, s.Staff.Select(m => problem.StaffIndex[m]).ToArray()) is not { } b)
            {
                return null;
            }

            if (!placed.TryGetValue(course.Index, out var list))
            {
                placed[course.Index] = list = [];
            }

            list.Add(b);
        }

        return placed;
    }

    /// <summary>Books an undone booking again exactly where it was; that it cannot be is a bug.</summary>
    internal Booking Rebook(Booking b) =>
        TryBook(b.Course, b.Index, b.Day, b.Start, x => x == b.Resource, b.Staff)
        ?? throw new InvalidOperationException($"scheduler bug: session {b.Course.Id}#{b.Index} cannot be put back where it was");

    /// <summary>Whether a monoplace or room has nothing booked in [from, to).</summary>
    internal bool ResourceFree(int resource, int day, int from, int to) => Free(_resource[resource][day], from, to);

    /// <summary>What a multiplace offers at a dive time: the dive already starting then (its table and occupants), or
    /// whether it is free for a new one (no dive overlapping [start, end)).</summary>
    internal (Dive? Running, bool Free) DiveAt(int chamber, int day, int start, int end)
    {
        var running = _dives[chamber][day].Find(d => d.Start == start);
        return (running, running is null && !_dives[chamber][day].Exists(d => d.Start < end && start < d.End));
    }

    /// <summary>Members with the skill on shift for the whole of [from, to) and not busy then.</summary>
    internal int FreeStaff(int skill, int day, int from, int to) =>
        Enumerable.Range(0, problem.Staff.Length).Count(m => problem.Staff[m].Skills.Contains(skill) && StaffFree([m], day, from, to));

    /// <summary>Books one session at a given time. <paramref name="only"/> restricts the resource (for the solver's
    /// choice, or a fixed session); <paramref name="staff"/> fixes the staff. Returns null when it cannot.</summary>
    internal Booking? TryBook(CourseInfo course, int index, int day, int start, Func<int, bool>? only = null, int[]? staff = null)
    {
        if (!PatientFree(course, day, start))
        {
            return null;
        }

        var t = problem.Treatments[course.Treatment];
        var end = start + t.Minutes;
        // Staff are the scarce resource: join a running dive (no extra staff), then open a dive, then a monoplace.
        foreach (var r in course.Eligible.OrderBy(r => problem.IsChamber(r) && problem.Chambers[r].Kind == ChamberKind.Multiplace
                     ? (_dives[r][day].Exists(d => d.Start == start && d.Table == t.Table) ? 0 : 1) : 2))
        {
            if (only is not null && !only(r))
            {
                continue;
            }

            var multi = problem.IsChamber(r) && problem.Chambers[r].Kind == ChamberKind.Multiplace;
            if (multi)
            {
                var dives = _dives[r][day];
                var join = dives.Find(d => d.Start == start && d.Table == t.Table && end <= d.End && d.Occupants < problem.Chambers[r].Seats);
                if (join is not null && (staff is null || staff.Order().SequenceEqual(join.Staff.Order())))
                {
                    join.Occupants++;
                    return Commit(new Booking(course, index, day, start, end, r, join.Staff, join));
                }

                // A new dive starts on the timetable, unless it is a booked (fixed) session, which is kept as given.
                if ((staff is null && (start - DiveAnchor) % DiveSlot != 0) || dives.Exists(d => d.Start < end && start < d.End))
                {
                    continue;
                }
            }
            else if (!Free(_resource[r][day], start, end))
            {
                continue;
            }

            var members = staff ?? PickStaff(t.Needs, day, start, end);
            if (members is null || (staff is not null && !StaffFree(staff, day, start, end)))
            {
                continue;
            }

            Dive? dive = null;
            if (multi)
            {
                dive = new Dive(start, start + MaxDiveMinutes(t.Table), t.Table, members) { Occupants = 1 };
            }

            return Commit(new Booking(course, index, day, start, end, r, members, dive));
        }

        return null;
    }

    /// <summary>A dive lasts as long as its longest possible occupant, so later joiners never outlast its staff.</summary>
    private int MaxDiveMinutes(int table) =>
        problem.Treatments.Where(x => x.Table == table).Max(x => x.Minutes);

    private bool StaffFree(int[] staff, int day, int start, int end) =>
        staff.All(m => problem.Staff[m].Shift[day] is { } s && s.Contains(start, end) && _staff[m][day].TrueForAll(x => x.To <= start || x.From >= end));

    private int[]? PickStaff((int Skill, int Count)[] needs, int day, int start, int end)
    {
        var chosen = new List<int>();
        foreach (var (skill, count) in needs)
        {
            var got = 0;
            // Prefer members with fewer skills, so that the versatile ones stay free for what only they can do.
            foreach (var m in Enumerable.Range(0, problem.Staff.Length).OrderBy(m => problem.Staff[m].Skills.Count))
            {
                if (got == count)
                {
                    break;
                }

                if (!chosen.Contains(m) && problem.Staff[m].Skills.Contains(skill) && StaffFree([m], day, start, end))
                {
                    chosen.Add(m);
                    got++;
                }
            }

            if (got < count)
            {
                return null;
            }
        }

        return chosen.ToArray();
    }

    private Booking Commit(Booking b)
    {
        _patient[b.Course.Patient][b.Day].Add((b.Start, b.End));
        if (b.Dive is null)
        {
            _resource[b.Resource][b.Day].Add((b.Start, b.End));
            foreach (var m in b.Staff)
            {
                _staff[m][b.Day].Add((b.Start, b.End, null));
            }
        }
        else if (b.Dive.Occupants == 1)
        {
            _dives[b.Resource][b.Day].Add(b.Dive);
            foreach (var m in b.Staff)
            {
                _staff[m][b.Day].Add((b.Dive.Start, b.Dive.End, b.Dive));
            }
        }

        return b;
    }

    internal void Undo(Booking b)
    {
        _patient[b.Course.Patient][b.Day].Remove((b.Start, b.End));
        if (b.Dive is null)
        {
            _resource[b.Resource][b.Day].Remove((b.Start, b.End));
            foreach (var m in b.Staff)
            {
                _staff[m][b.Day].Remove((b.Start, b.End, null));
            }
        }
        else if (--b.Dive.Occupants == 0)
        {
            _dives[b.Resource][b.Day].Remove(b.Dive);
            foreach (var m in b.Staff)
            {
                _staff[m][b.Day].Remove((b.Dive.Start, b.Dive.End, b.Dive));
            }
        }
    }

    /// <summary>Candidate start times on a day: the preferred time (yesterday's), existing dive starts (joining a dive
    /// costs no staff), dive slots, then a grid over the patient's available ranges. <paramref name="packDives"/> puts
    /// running dives before the preferred time: staff are scarcer than patients' wish for the same hour.</summary>
    /// <remarks><paramref name="grid"/> = <see cref="CoursePlacer.Slotted"/>: chamber sessions start only on the dive
    /// timetable when it has a time inside the patient's availability that day (monoplaces then pack without gaps),
    /// otherwise on a 15-minute grid.</remarks>
    internal IEnumerable<int> Starts(CourseInfo course, int day, int preferred, int grid, bool packDives = false)
    {
        var minutes = problem.Treatments[course.Treatment].Minutes;
        if (grid == CoursePlacer.Slotted)
        {
            var onTimetable = problem.Treatments[course.Treatment].Table >= 0 && problem.Open[day] is { } o
                && Enumerable.Range(0, 1440 / DiveSlot + 1).Select(k => DiveAnchor + k * DiveSlot)
                    .Any(s => s >= o.Start && s + minutes <= o.End && course.Available[day].Any(a => a.Contains(s, s + minutes)));
            if (onTimetable)
            {
                return Timetabled(course, day, preferred, minutes, packDives);
            }

            grid = 15;
        }

        return Candidates(course, day, preferred, grid, packDives, minutes);
    }

    private IEnumerable<int> Timetabled(CourseInfo course, int day, int preferred, int minutes, bool packDives)
    {
        bool On(int s) => s >= DiveAnchor && (s - DiveAnchor) % DiveSlot == 0;
        var table = problem.Treatments[course.Treatment].Table;
        var yielded = new HashSet<int>();
        if (!packDives && preferred >= 0 && On(preferred) && yielded.Add(preferred))
        {
            yield return preferred;
        }

        foreach (var r in course.Eligible.Where(r => problem.Chambers[r].Kind == ChamberKind.Multiplace))
        {
            foreach (var d in _dives[r][day].Where(d => d.Table == table).OrderBy(d => d.Start).ToList())
            {
                if (yielded.Add(d.Start))
                {
                    yield return d.Start;
                }
            }
        }

        if (preferred >= 0 && On(preferred) && yielded.Add(preferred))
        {
            yield return preferred;
        }

        if (problem.Open[day] is { } open)
        {
            for (var s = DiveAnchor; s + minutes <= open.End; s += DiveSlot)
            {
                if (s >= open.Start && course.Available[day].Any(a => a.Contains(s, s + minutes)) && yielded.Add(s))
                {
                    yield return s;
                }
            }
        }
    }

    private IEnumerable<int> Candidates(CourseInfo course, int day, int preferred, int grid, bool packDives, int minutes)
    {
        var yielded = new HashSet<int>();
        if (!packDives && preferred >= 0 && yielded.Add(preferred))
        {
            yield return preferred;
        }

        var table = problem.Treatments[course.Treatment].Table;
        if (table >= 0)
        {
            foreach (var r in course.Eligible.Where(r => problem.Chambers[r].Kind == ChamberKind.Multiplace))
            {
                foreach (var d in _dives[r][day].Where(d => d.Table == table).OrderBy(d => d.Start).ToList())
                {
                    if (yielded.Add(d.Start))
                    {
                        yield return d.Start;
                    }
                }

                if (packDives && preferred >= 0 && yielded.Add(preferred))
                {
                    yield return preferred;
                }

                if (problem.Open[day] is { } open)
                {
                    for (var s = DiveAnchor; s + minutes <= open.End; s += DiveSlot)
                    {
                        if (s >= open.Start && course.Available[day].Any(a => a.Contains(s, s + minutes)) && yielded.Add(s))
                        {
                            yield return s;
                        }
                    }
                }
            }
        }

        foreach (var a in course.Available[day])
        {
            var first = (a.Start + grid - 1) / grid * grid;
            if (yielded.Add(a.Start) && a.Start + minutes <= a.End)
            {
                yield return a.Start;
            }

            for (var s = first; s + minutes <= a.End; s += grid)
            {
                if (yielded.Add(s))
                {
                    yield return s;
                }
            }
        }
    }

    internal ScheduledSession ToSession(Booking b) => new(b.Course.Id, b.Index, problem.DateOf(b.Day), b.Start, b.End,
        problem.ResourceId(b.Resource), b.Staff.Select(m => problem.Instance.Staff[m].Id).ToList());
}
