namespace RegenClinic.Scheduling;

/// <summary>A broken hard rule; <see cref="Rule"/> is the rule's number in the format (1–8, 0 = malformed session).
/// <see cref="Code"/> names the specific rule broken, where a person placing a session by hand can act on it
/// (<c>clinic-hours</c>, <c>dive-full</c>, <c>staff-off</c>...; null otherwise), and <see cref="Subject"/> is what it is about
/// (the chamber, room or staff member id, or the opening hours), so that callers need not read the English message.</summary>
public sealed record Violation(int Rule, string Message, string? Code = null, string? Subject = null)
{
    public override string ToString() => $"rule {Rule}: {Message}";
}

/// <summary>Checks a schedule against every hard rule of the format in plain C#, sharing nothing with the solver but
/// the compiled problem, so that a solver bug cannot hide in the checker.</summary>
public static class Checker
{
    public static IReadOnlyList<Violation> Validate(ScheduleInstance instance, ScheduleResult schedule) =>
        Validate(SchedulingProblem.Compile(instance), schedule);

    public static IReadOnlyList<Violation> Validate(SchedulingProblem problem, ScheduleResult schedule)
    {
        var v = new List<Violation>();
        var ok = new List<Placed>();
        var seen = new HashSet<(string, int)>();
        foreach (var s in schedule.Sessions)
        {
            var name = $"session {s.Course}#{s.Index} on {JsonFields.Date(s.Date)} {JsonFields.Time(s.Start)}";
            if (!problem.CourseIndex.TryGetValue(s.Course, out var ci))
            {
                v.Add(new(0, $"{name}: unknown course"));
                continue;
            }

            var course = problem.Courses[ci];
            var treatment = problem.Treatments[course.Treatment];
            if (s.Index < 1 || s.Index > course.Sessions)
            {
                v.Add(new(0, $"{name}: index outside 1…{course.Sessions}"));
                continue;
            }

            if (!seen.Add((s.Course, s.Index)))
            {
                v.Add(new(0, $"{name}: index given twice"));
                continue;
            }

            if (s.End != s.Start + treatment.Minutes)
            {
                v.Add(new(0, $"{name}: end {JsonFields.Time(s.End)} is not start + {treatment.Minutes} minutes"));
            }

            if (!problem.ResourceIndex.TryGetValue(s.Resource, out var resource))
            {
                v.Add(new(0, $"{name}: unknown resource '{s.Resource}'"));
                continue;
            }

            var staff = new List<int>();
            foreach (var id in s.Staff)
            {
                if (problem.StaffIndex.TryGetValue(id, out var x))
                {
                    staff.Add(x);
                }
                else
                {
                    v.Add(new(0, $"{name}: unknown staff member '{id}'"));
                }
            }

            var day = problem.DayOf(s.Date);
            var placed = new Placed(s, name, course, day, day * 1440 + s.Start, day * 1440 + s.Start + treatment.Minutes, resource, staff.Distinct().ToArray());
            ok.Add(placed);
            CheckSession(problem, placed, v);
        }

        CheckCourses(problem, ok, v);
        CheckResources(problem, ok, v);
        CheckStaffOverlap(problem, ok, v);
        CheckPatients(ok, v);
        return v;
    }

    private sealed record Placed(ScheduledSession S, string Name, CourseInfo Course, int Day, int From, int To, int Resource, int[] Staff);

    private static void CheckSession(SchedulingProblem p, Placed x, List<Violation> v)
    {
        var treatment = p.Treatments[x.Course.Treatment];
        var end = x.S.Start + treatment.Minutes;
        // Rule 1: open day, inside hours.
        if (x.Day < 0 || x.Day >= p.Days)
        {
            v.Add(new(1, $"{x.Name}: outside the horizon"));
            return;
        }

        if (p.Open[x.Day] is not { } open)
        {
            v.Add(new(1, $"{x.Name}: the clinic is closed that day", "clinic-closed"));
        }
        else if (!open.Contains(x.S.Start, end))
        {
            var hours = $"{JsonFields.Time(open.Start)}–{JsonFields.Time(open.End)}";
            v.Add(new(1, $"{x.Name}: outside clinic hours {hours}", "clinic-hours", hours));
        }

        // Rule 3/4: the right kind of resource.
        if (treatment.Table >= 0)
        {
            if (!p.IsChamber(x.Resource))
            {
                v.Add(new(3, $"{x.Name}: a chamber treatment booked in room {x.S.Resource}", "wrong-resource"));
            }
            else if (!x.Course.Eligible.Contains(x.Resource))
            {
                v.Add(new(3, $"{x.Name}: chamber {x.S.Resource} does not run the table or is not an allowed kind", "wrong-resource"));
            }
        }
        else if (p.IsChamber(x.Resource))
        {
            v.Add(new(4, $"{x.Name}: a room treatment booked in chamber {x.S.Resource}", "wrong-resource"));
        }

        // Rule 5: staff skills and counts (distinct members per need, matched), shifts and days off.
        if (!CoversNeeds(p, treatment.Needs, x.Staff))
        {
            v.Add(new(5, $"{x.Name}: staff [{string.Join(", ", x.S.Staff)}] do not cover the treatment's skills and counts", "staff-missing"));
        }

        foreach (var m in x.Staff)
        {
            if (p.Staff[m].Shift[x.Day] is not { } shift)
            {
                v.Add(new(5, $"{x.Name}: {p.Instance.Staff[m].Id} is off or has no shift that day", "staff-off", p.Instance.Staff[m].Id));
            }
            else if (!shift.Contains(x.S.Start, end))
            {
                v.Add(new(5, $"{x.Name}: outside the shift of {p.Instance.Staff[m].Id}", "staff-shift", p.Instance.Staff[m].Id));
            }
        }

        // Rule 6: patient off dates, windows, stay.
        var c = p.Instance.Courses[x.Course.Index];
        if (x.Course.Off[x.Day])
        {
            v.Add(new(6, $"{x.Name}: the patient is off that day", "patient-off"));
        }

        if (c.Stay is { } stay && (x.S.Date < stay.From || x.S.Date > stay.To))
        {
            v.Add(new(6, $"{x.Name}: outside the patient's stay", "patient-stay"));
        }

        if (c.Windows is not null && !(c.Windows.TryGetValue(x.S.Date.DayOfWeek, out var ws) && ws.Any(w => w.Contains(x.S.Start, end))))
        {
            v.Add(new(6, $"{x.Name}: outside the patient's windows", "patient-window"));
        }
    }

    /// <summary>Distinct members per need: a small bipartite matching of required seats to listed staff.</summary>
    private static bool CoversNeeds(SchedulingProblem p, (int Skill, int Count)[] needs, int[] staff)
    {
        var seats = needs.SelectMany(n => Enumerable.Repeat(n.Skill, n.Count)).ToArray();
        var owner = new int[staff.Length];
        Array.Fill(owner, -1);
        for (var seat = 0; seat < seats.Length; seat++)
        {
            if (!Augment(seat, new bool[staff.Length]))
            {
                return false;
            }
        }

        return true;

        bool Augment(int seat, bool[] visited)
        {
            for (var m = 0; m < staff.Length; m++)
            {
                if (visited[m] || !p.Staff[staff[m]].Skills.Contains(seats[seat]))
                {
                    continue;
                }

                visited[m] = true;
                if (owner[m] < 0 || Augment(owner[m], visited))
                {
                    owner[m] = seat;
                    return true;
                }
            }

            return false;
        }
    }

    private static void CheckCourses(SchedulingProblem p, List<Placed> placed, List<Violation> v)
    {
        foreach (var g in placed.GroupBy(x => x.Course.Index))
        {
            var course = p.Courses[g.Key];
            var id = course.Id;
            var list = g.OrderBy(x => x.S.Index).ToList();
            // Rule 2: whole courses.
            if (list.Count != course.Sessions)
            {
                v.Add(new(2, $"course {id}: {list.Count} of {course.Sessions} sessions scheduled (whole course or none)"));
            }

            // Indexes count in time order.
            for (var k = 1; k < list.Count; k++)
            {
                if (list[k].From <= list[k - 1].From)
                {
                    v.Add(new(7, $"course {id}: session {list[k].S.Index} is not after session {list[k - 1].S.Index}"));
                }
            }

            // Rule 8: release.
            var first = list.MinBy(x => x.From)!;
            if (first.Day < course.Release)
            {
                v.Add(new(8, $"course {id}: first session {JsonFields.Date(first.S.Date)} is before the release date"));
            }

            CheckPattern(p, course, list.OrderBy(x => x.From).ToList(), v);
        }

        // Rule 8: fixed sessions appear as given.
        foreach (var course in p.Courses)
        {
            foreach (var (index, f) in course.Fixed)
            {
                var s = placed.FirstOrDefault(x => x.Course.Index == course.Index && x.S.Index == index);
                if (s is null || s.Day != f.Day || s.S.Start != f.Start || s.Resource != f.Resource
                    || !s.Staff.Order().SequenceEqual(f.Staff.Distinct().Order()))
                {
                    v.Add(new(8, $"course {course.Id}: fixed session {index} is not scheduled as given"));
                }
            }
        }
    }

    private static void CheckPattern(SchedulingProblem p, CourseInfo course, List<Placed> list, List<Violation> v)
    {
        var id = course.Id;
        if (!course.Weekdays)
        {
            for (var k = 1; k < list.Count; k++)
            {
                var gap = list[k].Day - list[k - 1].Day;
                if (gap < course.MinDays || gap > course.MaxDays)
                {
                    v.Add(new(7, $"course {id}: {gap} days between sessions {k} and {k + 1}, outside [{course.MinDays}, {course.MaxDays}]"));
                }
            }

            return;
        }

        var days = list.GroupBy(x => x.Day).OrderBy(g => g.Key).ToList();
        for (var i = 0; i < days.Count; i++)
        {
            var onDay = days[i].OrderBy(x => x.From).ToList();
            var expected = i < days.Count - 1 || list.Count == course.Sessions
                ? Math.Min(course.PerDay, course.Sessions - i * course.PerDay)
                : onDay.Count;
            if (onDay.Count != expected)
            {
                v.Add(new(7, $"course {id}: {onDay.Count} sessions on {JsonFields.Date(onDay[0].S.Date)}, expected {expected} a day"));
            }

            for (var k = 1; k < onDay.Count; k++)
            {
                if (onDay[k].From - onDay[k - 1].From < course.MinGap)
                {
                    v.Add(new(7, $"course {id}: sessions on {JsonFields.Date(onDay[0].S.Date)} start less than {course.MinGap} minutes apart"));
                }
            }

            if (i > 0)
            {
                var next = days[i - 1].Key + 1;
                while (next < p.Days && (p.Open[next] is null || course.Off[next]))
                {
                    next++;
                }

                if (days[i].Key != next)
                {
                    v.Add(new(7, $"course {id}: {JsonFields.Date(onDay[0].S.Date)} does not follow the previous session day on the next open day"));
                }
            }
        }
    }

    private static void CheckResources(SchedulingProblem p, List<Placed> placed, List<Violation> v)
    {
        foreach (var g in placed.GroupBy(x => x.Resource))
        {
            var list = g.OrderBy(x => x.From).ThenBy(x => x.To).ToList();
            var isMulti = p.IsChamber(g.Key) && p.Chambers[g.Key].Kind == ChamberKind.Multiplace;
            if (!isMulti)
            {
                var rule = p.IsChamber(g.Key) ? 3 : 4;
                for (var k = 1; k < list.Count; k++)
                {
                    if (list[k].From < list[k - 1].To)
                    {
                        v.Add(new(rule, $"{list[k - 1].Name} and {list[k].Name} overlap in {list[k].S.Resource}", "resource-busy", list[k].S.Resource));
                    }
                }

                continue;
            }

            var chamber = p.Chambers[g.Key];
            var dives = list.GroupBy(x => x.From).OrderBy(d => d.Key).ToList();
            foreach (var dive in dives)
            {
                var tables = dive.Select(x => p.Treatments[x.Course.Treatment].Table).Distinct().Count();
                if (tables > 1)
                {
                    v.Add(new(3, $"dive in {dive.First().S.Resource} at {dive.First().Name}: sessions with different tables", "dive-table", dive.First().S.Resource));
                }

                if (dive.Count() > chamber.Seats)
                {
                    v.Add(new(3, $"dive in {dive.First().S.Resource} at {dive.First().Name}: {dive.Count()} sessions for {chamber.Seats} seats", "dive-full", dive.First().S.Resource));
                }
            }

            for (var k = 1; k < dives.Count; k++)
            {
                if (dives[k].Key < dives[k - 1].Max(x => x.To))
                {
                    v.Add(new(3, $"{dives[k - 1].First().Name} and {dives[k].First().Name} overlap in {dives[k].First().S.Resource} with different starts", "dive-start", dives[k].First().S.Resource));
                }
            }
        }
    }

    private static void CheckStaffOverlap(SchedulingProblem p, List<Placed> placed, List<Violation> v)
    {
        var uses = new Dictionary<int, List<(int From, int To, string Key, string Name)>>();
        foreach (var x in placed)
        {
            var dive = p.IsChamber(x.Resource) && p.Chambers[x.Resource].Kind == ChamberKind.Multiplace;
            var key = dive ? $"dive:{x.Resource}:{x.From}" : $"session:{x.Course.Index}:{x.S.Index}";
            foreach (var m in x.Staff)
            {
                if (!uses.TryGetValue(m, out var list))
                {
                    uses[m] = list = [];
                }

                list.Add((x.From, x.To, key, x.Name));
            }
        }

        foreach (var (m, list) in uses)
        {
            // A dive's staff serve all its sessions at once: one use per dive, as long as its longest session.
            var merged = list.GroupBy(u => u.Key).Select(g => (From: g.Min(u => u.From), To: g.Max(u => u.To), g.First().Name))
                .OrderBy(u => u.From).ToList();
            for (var k = 1; k < merged.Count; k++)
            {
                if (merged[k].From < merged[k - 1].To)
                {
                    v.Add(new(5, $"{p.Instance.Staff[m].Id} is at {merged[k - 1].Name} and {merged[k].Name} at once", "staff-busy", p.Instance.Staff[m].Id));
                }
            }
        }
    }

    private static void CheckPatients(List<Placed> placed, List<Violation> v)
    {
        foreach (var g in placed.GroupBy(x => x.Course.Patient))
        {
            var list = g.OrderBy(x => x.From).ToList();
            for (var k = 1; k < list.Count; k++)
            {
                if (list[k].From < list[k - 1].To)
                {
                    v.Add(new(6, $"{list[k - 1].Name} and {list[k].Name}: the patient cannot be in two sessions at once", "patient-busy"));
                }
            }
        }
    }
}
