namespace RegenClinic.Scheduling;

/// <summary>An instance compiled to integers: day <c>d</c> is <see cref="Start"/> + d, a time is minutes after local
/// midnight, ids are indexes. Compiling checks every reference and throws <see cref="SchedulingFormatException"/>
/// naming the field. Solver, first fit, bound and checker all read this one form.</summary>
public sealed class SchedulingProblem
{
    private SchedulingProblem(ScheduleInstance instance) => Instance = instance;

    public ScheduleInstance Instance { get; }
    public DateOnly Start => Instance.Clinic.Start;
    public int Days => Instance.Clinic.Days;

    /// <summary>Clinic hours per day; null = closed (closed date or weekday without hours).</summary>
    internal ClockRange?[] Open { get; private set; } = [];
    internal TreatmentInfo[] Treatments { get; private set; } = [];
    internal ChamberInfo[] Chambers { get; private set; } = [];
    internal int RoomCount { get; private set; }
    internal StaffInfo[] Staff { get; private set; } = [];
    internal CourseInfo[] Courses { get; private set; } = [];
    internal int SkillCount { get; private set; }
    internal int PatientCount { get; private set; }
    internal Dictionary<string, int> CourseIndex { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, int> ResourceIndex { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, int> StaffIndex { get; } = new(StringComparer.Ordinal);

    /// <summary>Resource index space: chambers first, then rooms.</summary>
    internal string ResourceId(int resource) => resource < Chambers.Length
        ? Instance.Chambers[resource].Id
        : Instance.Rooms[resource - Chambers.Length].Id;

    internal bool IsChamber(int resource) => resource < Chambers.Length;

    public int DayOf(DateOnly date) => date.DayNumber - Start.DayNumber;

    public DateOnly DateOf(int day) => Start.AddDays(day);

    public static SchedulingProblem Compile(ScheduleInstance instance)
    {
        var p = new SchedulingProblem(instance);
        var clinic = instance.Clinic;
        if (clinic.Days < 1)
        {
            throw new SchedulingFormatException("clinic.days", "must be at least 1");
        }

        var closed = clinic.ClosedDates.Select(p.DayOf).ToHashSet();
        p.Open = new ClockRange?[clinic.Days];
        for (var d = 0; d < clinic.Days; d++)
        {
            if (!closed.Contains(d) && clinic.Hours.TryGetValue(p.DateOf(d).DayOfWeek, out var h))
            {
                p.Open[d] = h;
            }
        }

        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        int Skill(string s) => skills.TryGetValue(s, out var i) ? i : skills[s] = skills.Count;

        var treatmentIndex = Unique(instance.Treatments.Select(t => t.Id), "treatments");
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        int Table(string t) => tables.TryGetValue(t, out var i) ? i : tables[t] = tables.Count;
        p.Treatments = instance.Treatments.Select((t, i) =>
        {
            if (t.Minutes is < 1 or > 1440)
            {
                throw new SchedulingFormatException($"treatments[{i}].minutes", "must be 1…1440");
            }

            if (t.Resource == ResourceKind.Chamber && t.Table is null)
            {
                throw new SchedulingFormatException($"treatments[{i}].table", "required for a chamber treatment");
            }

            return new TreatmentInfo(t.Minutes, t.Resource == ResourceKind.Chamber ? Table(t.Table!) : -1,
                t.Staff.Where(n => n.Count > 0).Select(n => (Skill(n.Skill), n.Count)).ToArray());
        }).ToArray();

        var resourceIds = instance.Chambers.Select(c => c.Id).Concat(instance.Rooms.Select(r => r.Id)).ToList();
        foreach (var (id, i) in Unique(resourceIds, "chambers/rooms"))
        {
            p.ResourceIndex[id] = i;
        }

        p.Chambers = instance.Chambers.Select((c, i) => c.Seats < 1
            ? throw new SchedulingFormatException($"chambers[{i}].seats", "must be at least 1")
            : new ChamberInfo(c.Kind, c.Kind == ChamberKind.Monoplace ? 1 : c.Seats, c.Tables.Select(Table).ToHashSet())).ToArray();
        p.RoomCount = instance.Rooms.Count;

        foreach (var (id, i) in Unique(instance.Staff.Select(s => s.Id), "staff"))
        {
            p.StaffIndex[id] = i;
        }

        p.Staff = instance.Staff.Select(s =>
        {
            var off = s.Off.Select(p.DayOf).ToHashSet();
            var shift = new ClockRange?[clinic.Days];
            for (var d = 0; d < clinic.Days; d++)
            {
                if (!off.Contains(d) && s.Shifts.TryGetValue(p.DateOf(d).DayOfWeek, out var r))
                {
                    shift[d] = r;
                }
            }

            return new StaffInfo(s.Skills.Select(Skill).ToHashSet(), shift);
        }).ToArray();

        var patients = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, i) in Unique(instance.Courses.Select(c => c.Id), "courses"))
        {
            p.CourseIndex[id] = i;
        }

        p.Courses = instance.Courses.Select((c, i) => CompileCourse(p, c, i, treatmentIndex, patients)).ToArray();
        p.PatientCount = patients.Count;
        p.SkillCount = skills.Count;
        CompileFixed(p, instance);
        return p;
    }

    private static Dictionary<string, int> Unique(IEnumerable<string> ids, string path)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (!map.TryAdd(id, i))
            {
                throw new SchedulingFormatException($"{path}[{i}].id", $"duplicate id '{id}'");
            }

            i++;
        }

        return map;
    }

    private static CourseInfo CompileCourse(SchedulingProblem p, Course c, int i, Dictionary<string, int> treatmentIndex,
        Dictionary<string, int> patients)
    {
        var path = $"courses[{i}]";
        if (!treatmentIndex.TryGetValue(c.Treatment, out var t))
        {
            throw new SchedulingFormatException($"{path}.treatment", $"unknown treatment '{c.Treatment}'");
        }

        if (c.Sessions < 1)
        {
            throw new SchedulingFormatException($"{path}.sessions", "must be at least 1");
        }

        if (c.Priority is < 1 or > 3)
        {
            throw new SchedulingFormatException($"{path}.priority", "must be 1, 2 or 3");
        }

        var treatment = p.Treatments[t];
        int[] eligible;
        if (treatment.Table >= 0)
        {
            eligible = p.Chambers.Select((ch, k) => (ch, k))
                .Where(x => x.ch.Tables.Contains(treatment.Table) && (c.ChamberKinds is null || c.ChamberKinds.Contains(x.ch.Kind)))
                .Select(x => x.k).ToArray();
        }
        else
        {
            eligible = Enumerable.Range(p.Chambers.Length, p.RoomCount).ToArray();
        }

        var (weekdays, perDay, gap, minDays, maxDays) = c.Pattern switch
        {
            WeekdaysPattern w when w.PerDay < 1 => throw new SchedulingFormatException($"{path}.pattern.perDay", "must be at least 1"),
            WeekdaysPattern w => (true, w.PerDay, w.MinGapMinutes, 1, 1),
            IntervalPattern v when v.MinDays < 1 || v.MaxDays < v.MinDays =>
                throw new SchedulingFormatException($"{path}.pattern", "needs 1 ≤ minDays ≤ maxDays"),
            IntervalPattern v => (false, 1, 0, v.MinDays, v.MaxDays),
            _ => throw new SchedulingFormatException($"{path}.pattern", "unknown pattern"),
        };
        var off = new bool[p.Days];
        foreach (var d in (c.Off ?? []).Select(p.DayOf).Where(d => d >= 0 && d < p.Days))
        {
            off[d] = true;
        }

        // Times the patient can be in the clinic on each day: hours ∩ windows, not off, inside the stay.
        var available = new ClockRange[p.Days][];
        for (var d = 0; d < p.Days; d++)
        {
            var date = p.DateOf(d);
            if (p.Open[d] is not { } open || off[d] || (c.Stay is { } s && (date < s.From || date > s.To)))
            {
                available[d] = [];
                continue;
            }

            if (c.Windows is null)
            {
                available[d] = [open];
                continue;
            }

            available[d] = c.Windows.TryGetValue(date.DayOfWeek, out var ws)
                ? ws.Select(w => new ClockRange(Math.Max(w.Start, open.Start), Math.Min(w.End, open.End))).Where(w => w.End > w.Start).ToArray()
                : [];
        }

        if (!patients.TryGetValue(c.Patient, out var patient))
        {
            patient = patients[c.Patient] = patients.Count;
        }

        return new CourseInfo(i, c.Id, patient, t, c.Sessions, weekdays, perDay, gap, minDays, maxDays,
            p.DayOf(c.Release), p.DayOf(c.Due), c.Priority, Course.WeightOf(c.Priority), eligible, off, available);
    }

    private static void CompileFixed(SchedulingProblem p, ScheduleInstance instance)
    {
        for (var i = 0; i < instance.Fixed.Count; i++)
        {
            var f = instance.Fixed[i];
            var path = $"fixed[{i}]";
            if (!p.CourseIndex.TryGetValue(f.Course, out var c))
            {
                throw new SchedulingFormatException($"{path}.course", $"unknown course '{f.Course}'");
            }

            var course = p.Courses[c];
            if (f.Index < 1 || f.Index > course.Sessions)
            {
                throw new SchedulingFormatException($"{path}.index", $"course '{f.Course}' has sessions 1…{course.Sessions}");
            }

            var day = p.DayOf(f.Date);
            if (day < 0 || day >= p.Days)
            {
                throw new SchedulingFormatException($"{path}.date", "outside the horizon");
            }

            if (!p.ResourceIndex.TryGetValue(f.Resource, out var resource))
            {
                throw new SchedulingFormatException($"{path}.resource", $"unknown chamber or room '{f.Resource}'");
            }

            var staff = f.Staff.Select((s, k) => p.StaffIndex.TryGetValue(s, out var x)
                ? x
                : throw new SchedulingFormatException($"{path}.staff[{k}]", $"unknown staff member '{s}'")).ToArray();
            if (!course.Fixed.TryAdd(f.Index, new FixedInfo(day, f.Start.Hour * 60 + f.Start.Minute, resource, staff)))
            {
                throw new SchedulingFormatException($"{path}.index", $"session {f.Index} of '{f.Course}' is fixed twice");
            }
        }
    }
}

internal sealed record TreatmentInfo(int Minutes, int Table, (int Skill, int Count)[] Needs);

internal sealed record ChamberInfo(ChamberKind Kind, int Seats, HashSet<int> Tables);

/// <summary><see cref="Shift"/> per day, null when not working (no shift that weekday, or off).</summary>
internal sealed record StaffInfo(HashSet<int> Skills, ClockRange?[] Shift);

internal sealed record FixedInfo(int Day, int Start, int Resource, int[] Staff);

/// <summary><see cref="Available"/>: per day, the clock ranges the patient can be treated (hours ∩ windows, not
/// off, inside the stay); empty when none. <see cref="Eligible"/>: resource indexes the course may use.</summary>
internal sealed record CourseInfo(
    int Index, string Id, int Patient, int Treatment, int Sessions, bool Weekdays, int PerDay, int MinGap, int MinDays, int MaxDays,
    int Release, int Due, int Priority, int Weight, int[] Eligible, bool[] Off, ClockRange[][] Available)
{
    public Dictionary<int, FixedInfo> Fixed { get; } = [];
    public int Days => Weekdays ? (Sessions + PerDay - 1) / PerDay : Sessions;
}
