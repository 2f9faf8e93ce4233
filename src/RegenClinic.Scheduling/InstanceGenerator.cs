namespace RegenClinic.Scheduling;

/// <summary>Realistic random instances for tests and benchmarks: an HBOT-heavy clinic (20–40 weekday sessions,
/// some twice daily) with prolotherapy and ozone courses at intervals, single BMAC procedures, patient windows, off
/// dates, stays for travelling patients and a few courses already booked (all their sessions fixed). Same seed, same instance.</summary>
public static class InstanceGenerator
{
    public static ScheduleInstance Generate(int courses, int seed, int monoplaces = 4, int multiplaces = 1, int seats = 12, int days = 84)
    {
        var random = new Random(seed);
        var start = new DateOnly(2027, 1, 4);
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var hours = weekdays.ToDictionary(d => d, _ => new ClockRange(450, 1140));
        var clinic = new ClinicCalendar("Europe/Amsterdam", start, days, [start.AddDays(days / 3 + 2)], hours);
        IReadOnlyList<StaffNeed> operatorNeed = [new("chamber-operator", 1)];
        var treatments = new List<Treatment>
        {
            new("hbot-2.4", "hbot", 120, "2.4-90", ResourceKind.Chamber, operatorNeed),
            new("hbot-2.0", "hbot", 120, "2.0-90", ResourceKind.Chamber, operatorNeed),
            new("prolo", "prolotherapy", 45, null, ResourceKind.Room, [new("injector", 1)]),
            new("ozone-inj", "ozone-injection", 30, null, ResourceKind.Room, [new("injector", 1)]),
            new("bmac", "cell-therapy-bmac", 150, null, ResourceKind.Room, [new("injector", 1), new("nurse", 1)]),
        };
        string[] tables = ["2.4-90", "2.0-90"];
        var chambers = Enumerable.Range(1, monoplaces).Select(i => new Chamber($"mono-{i}", ChamberKind.Monoplace, 1, tables))
            .Concat(Enumerable.Range(1, multiplaces).Select(i => new Chamber($"multi-{i}", ChamberKind.Multiplace, seats, tables))).ToList();
        var rooms = new List<Room> { new("proc-1"), new("proc-2") };
        var staff = new List<StaffMember>();
        List<DateOnly> Offs(int n) => Enumerable.Range(0, n).Select(_ => start.AddDays(random.Next(days))).Distinct().Order().ToList();
        var operators = 2 * (monoplaces + multiplaces);
        for (var i = 1; i <= operators; i++)
        {
            var shift = i % 2 == 1 ? new ClockRange(420, 930) : new ClockRange(630, 1140);
            staff.Add(new StaffMember($"op-{i}", ["chamber-operator"], weekdays.ToDictionary(d => d, _ => shift), Offs(random.Next(4))));
        }

        for (var i = 1; i <= 3; i++)
        {
            var worked = weekdays.Where(_ => random.NextDouble() < 0.85).ToDictionary(d => d, _ => new ClockRange(480, 1020));
            staff.Add(new StaffMember($"inj-{i}", ["injector"], worked, Offs(random.Next(3))));
        }

        for (var i = 1; i <= 2; i++)
        {
            staff.Add(new StaffMember($"rn-{i}", ["nurse"], weekdays.ToDictionary(d => d, _ => new ClockRange(450, 960)), Offs(random.Next(2))));
        }

        var list = new List<Course>();
        for (var i = 1; i <= courses; i++)
        {
            var release = start.AddDays(random.Next(Math.Max(1, days * 2 / 3)) - 3);
            var due = release.AddDays(3 + random.Next(12));
            var priority = random.NextDouble() switch { < 0.2 => 1, < 0.6 => 2, _ => 3 };
            var roll = random.NextDouble();
            var patient = i > 4 && random.NextDouble() < 0.05 ? $"p-{random.Next(1, i):0000}" : $"p-{i:0000}";
            var course = roll switch
            {
                < 0.65 => new Course($"c-{i:0000}", patient, random.NextDouble() < 0.6 ? "hbot-2.4" : "hbot-2.0", 20 + random.Next(21) / 2 * 2,
                    random.NextDouble() < 0.08 ? new WeekdaysPattern(2, 240) : new WeekdaysPattern(), release, due, priority),
                < 0.80 => new Course($"c-{i:0000}", patient, "prolo", 3 + random.Next(2), new IntervalPattern(14, 42), release, due, priority),
                < 0.92 => new Course($"c-{i:0000}", patient, "ozone-inj", 5 + random.Next(4), new IntervalPattern(5, 10), release, due, priority),
                _ => new Course($"c-{i:0000}", patient, "bmac", 1, new IntervalPattern(1, 1), release, due, priority),
            };
            if (random.NextDouble() < 0.2)
            {
                var morning = new List<ClockRange> { new(480, 750) };
                var afternoon = new List<ClockRange> { new(720, 1110) };
                course = course with { Windows = weekdays.ToDictionary(d => d, _ => (IReadOnlyList<ClockRange>)(random.NextDouble() < 0.5 ? morning : afternoon)) };
            }

            if (random.NextDouble() < 0.2)
            {
                course = course with { Off = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => release.AddDays(random.Next(1, 40))).Distinct().Order().ToList() };
            }

            if (random.NextDouble() < 0.15)
            {
                course = course with { Stay = new DateRange(release, release.AddDays(45 + random.Next(20))) };
            }

            if (course.Treatment.StartsWith("hbot", StringComparison.Ordinal) && random.NextDouble() < 0.1)
            {
                course = course with { ChamberKinds = [ChamberKind.Monoplace] };
            }

            list.Add(course);
        }

        var instance = new ScheduleInstance(clinic, treatments, chambers, rooms, staff, list, []);
        // Fixed sessions: a few courses exactly as first fit placed them, as if already booked.
        var firstFit = FirstFit.Solve(SchedulingProblem.Compile(instance));
        var fixedCourses = firstFit.Sessions.Select(s => s.Course).Distinct().Where(_ => random.NextDouble() < 0.03).ToHashSet();
        var fixedSessions = firstFit.Sessions.Where(s => fixedCourses.Contains(s.Course))
            .Select(s => new FixedSession(s.Course, s.Index, s.Date, s.StartTime, s.Resource, s.Staff)).ToList();
        return instance with { Fixed = fixedSessions };
    }
}
