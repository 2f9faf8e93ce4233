namespace RegenClinic.Scheduling;

/// <summary>A clinic's scheduling situation as the <c>regenclinic-schedule-instance/1</c> format describes it: local
/// dates and clock times, ids as strings. The app builds one from its database; the CLI reads one from JSON.
/// <see cref="SchedulingProblem.Compile"/> turns it into integers (days and minutes from the horizon start).</summary>
public sealed record ScheduleInstance(
    ClinicCalendar Clinic,
    IReadOnlyList<Treatment> Treatments,
    IReadOnlyList<Chamber> Chambers,
    IReadOnlyList<Room> Rooms,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<Course> Courses,
    IReadOnlyList<FixedSession> Fixed)
{
    public const string FormatName = "regenclinic-schedule-instance/1";
}

/// <summary>Minutes after local midnight, <c>[Start, End)</c>. Integers rather than <see cref="TimeOnly"/> so that
/// "24:00" can close a day.</summary>
public readonly record struct ClockRange(int Start, int End)
{
    public static ClockRange Of(TimeOnly start, TimeOnly end) => new(start.Hour * 60 + start.Minute, end.Hour * 60 + end.Minute);
    public bool Contains(int start, int end) => start >= Start && end <= End;
}

/// <summary>Opening hours per weekday; a weekday absent (or null) is closed.</summary>
public sealed record ClinicCalendar(string TimeZone, DateOnly Start, int Days, IReadOnlyList<DateOnly> ClosedDates,
    IReadOnlyDictionary<DayOfWeek, ClockRange> Hours);

public enum ResourceKind { Chamber, Room }

public enum ChamberKind { Monoplace, Multiplace }

public sealed record StaffNeed(string Skill, int Count);

/// <summary>A session type. <see cref="Table"/> is the treatment (pressure) table, only for chamber treatments.</summary>
public sealed record Treatment(string Id, string Therapy, int Minutes, string? Table, ResourceKind Resource, IReadOnlyList<StaffNeed> Staff);

public sealed record Chamber(string Id, ChamberKind Kind, int Seats, IReadOnlyList<string> Tables);

public sealed record Room(string Id);

/// <summary>A staff member: skills, a shift per weekday (absent = not working) and dates off.</summary>
public sealed record StaffMember(string Id, IReadOnlyList<string> Skills, IReadOnlyDictionary<DayOfWeek, ClockRange> Shifts,
    IReadOnlyList<DateOnly> Off);

public abstract record SessionPattern;

/// <summary>Sessions on consecutive open days, <see cref="PerDay"/> a day, at least <see cref="MinGapMinutes"/> apart.</summary>
public sealed record WeekdaysPattern(int PerDay = 1, int MinGapMinutes = 240) : SessionPattern;

/// <summary>Between consecutive sessions, a number of days within <c>[MinDays, MaxDays]</c>.</summary>
public sealed record IntervalPattern(int MinDays, int MaxDays) : SessionPattern;

public readonly record struct DateRange(DateOnly From, DateOnly To);

/// <summary>A course of sessions for one patient. Null <see cref="ChamberKinds"/> = any chamber that runs the table;
/// null <see cref="Windows"/> = any open time (when given, a weekday absent is unavailable); null <see cref="Stay"/> = always here.</summary>
public sealed record Course(
    string Id,
    string Patient,
    string Treatment,
    int Sessions,
    SessionPattern Pattern,
    DateOnly Release,
    DateOnly Due,
    int Priority,
    IReadOnlyList<ChamberKind>? ChamberKinds = null,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<ClockRange>>? Windows = null,
    IReadOnlyList<DateOnly>? Off = null,
    DateRange? Stay = null)
{
    /// <summary>Objective weight of a priority: 1 (urgent) ×3, 2 ×2, 3 ×1.</summary>
    public static int WeightOf(int priority) => priority switch { 1 => 3, 2 => 2, _ => 1 };
}

/// <summary>A session already booked that any schedule must keep as given.</summary>
public sealed record FixedSession(string Course, int Index, DateOnly Date, TimeOnly Start, string Resource, IReadOnlyList<string> Staff);
