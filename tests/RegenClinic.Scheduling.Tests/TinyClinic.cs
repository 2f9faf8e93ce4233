namespace RegenClinic.Scheduling.Tests;

/// <summary>Small hand-built instances whose good schedules can be worked out on paper.</summary>
internal static class TinyClinic
{
    internal static readonly DateOnly Monday = new(2027, 1, 4);

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    internal static Dictionary<DayOfWeek, ClockRange> Weekly(int from, int to) => Weekdays.ToDictionary(d => d, _ => new ClockRange(from, to));

    /// <summary>Two weeks; one monoplace, one two-seat multiplace, one room; two operators, one injector.
    /// A: HBOT 3 weekdays; B: HBOT 3 weekdays (multiplace only, mornings); C: prolotherapy 2 sessions 2–3 days apart.</summary>
    internal static ScheduleInstance Build(IReadOnlyList<Course>? courses = null, int monoplaces = 1, IReadOnlyList<FixedSession>? fixedSessions = null,
        Dictionary<DayOfWeek, ClockRange>? hours = null, int operators = 2) => new(
        new ClinicCalendar("Europe/Amsterdam", Monday, 14, [], hours ?? Weekly(480, 1080)),
        [
            new Treatment("hbot", "hbot", 120, "2.4-90", ResourceKind.Chamber, [new StaffNeed("chamber-operator", 1)]),
            new Treatment("prolo", "prolotherapy", 45, null, ResourceKind.Room, [new StaffNeed("injector", 1)]),
        ],
        Enumerable.Range(1, monoplaces).Select(i => new Chamber($"mono-{i}", ChamberKind.Monoplace, 1, ["2.4-90"]))
            .Append(new Chamber("multi-1", ChamberKind.Multiplace, 2, ["2.4-90"])).ToList(),
        [new Room("proc-1")],
        Enumerable.Range(1, operators).Select(i => new StaffMember($"op-{i}", ["chamber-operator"], Weekly(480, 1080), []))
            .Append(new StaffMember("inj-1", ["injector"], Weekly(480, 1080), [])).ToList(),
        courses ??
        [
            new Course("A", "pa", "hbot", 3, new WeekdaysPattern(), Monday, Monday.AddDays(2), 1),
            new Course("B", "pb", "hbot", 3, new WeekdaysPattern(), Monday.AddDays(1), Monday.AddDays(3), 2,
                ChamberKinds: [ChamberKind.Multiplace],
                Windows: Weekdays.ToDictionary(d => d, _ => (IReadOnlyList<ClockRange>)[new ClockRange(480, 720)])),
            new Course("C", "pc", "prolo", 2, new IntervalPattern(2, 3), Monday, Monday.AddDays(4), 3),
            new Course("D", "pd", "prolo", 1, new IntervalPattern(1, 1), Monday, Monday.AddDays(4), 3, Off: [Monday]),
        ],
        fixedSessions ?? []);

    internal static SolveOptions Quick => new(TimeSpan.FromSeconds(2), Workers: 1, Seed: 7);
}
