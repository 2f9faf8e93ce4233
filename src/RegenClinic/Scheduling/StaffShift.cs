using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

/// <summary>A staff member's working hours on one weekday at a site. A staff member with no shift rows works the
/// clinic's opening hours on every open day (the scheduler's default until shifts are entered).</summary>
public sealed class StaffShift
{
    private StaffShift() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string StaffUserId { get; private set; } = "";
    public IsoDayOfWeek Day { get; private set; }
    /// <summary>Minutes after local midnight, [start, end).</summary>
    public int StartMinute { get; private set; }
    public int EndMinute { get; private set; }

    public static StaffShift Create(Guid siteId, string staffUserId, IsoDayOfWeek day, LocalTime start, LocalTime end)
    {
        var s = start.Hour * 60 + start.Minute;
        var e = end.Hour * 60 + end.Minute;
        if (e <= s) throw new DomainException("shift.empty", "A shift must end after it starts.", "end");
        return new StaffShift { SiteId = siteId, StaffUserId = Require.Text(staffUserId, "staffUserId", 100), Day = Require.Defined(day, "day"), StartMinute = s, EndMinute = e };
    }
}

/// <summary>A date a staff member does not work at a site (leave, sick): the scheduler plans nobody with them that day.
/// Recorded on the staff page or by confirming a "staff member unavailable" repair.</summary>
public sealed class StaffOffDay
{
    private StaffOffDay() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string StaffUserId { get; private set; } = "";
    public LocalDate Date { get; private set; }
    public string? Reason { get; private set; }

    public static StaffOffDay Create(Guid siteId, string staffUserId, LocalDate date, string? reason) => new()
    {
        SiteId = siteId, StaffUserId = Require.Text(staffUserId, "staffUserId", 100), Date = date, Reason = Require.OptionalText(reason, "reason", 200),
    };
}

/// <summary>When a patient can come: a daily time window, dates they cannot come, and the stay window of a travelling
/// patient. Applies to all of the patient's courses; absent = any open time.</summary>
public sealed class PatientAvailability
{
    private PatientAvailability() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public int? FromMinute { get; private set; }
    public int? UntilMinute { get; private set; }
    /// <summary>Stored as dates (a primitive collection); LocalDate has no element converter.</summary>
    public List<DateOnly> UnavailableDates { get; private set; } = [];
    public LocalDate? StayFrom { get; private set; }
    public LocalDate? StayTo { get; private set; }

    /// <summary>Times per weekday ("mon 08:00-12:00", one entry per window); when any are given they replace
    /// <see cref="FromMinute"/>–<see cref="UntilMinute"/> and a weekday without an entry is unavailable.</summary>
    public List<string> WeeklyWindows { get; private set; } = [];

    public static PatientAvailability For(Guid patientId) => new() { PatientId = patientId };

    /// <summary>The weekly windows as (weekday, [start, end) minutes), in the order given.</summary>
    public IReadOnlyList<(IsoDayOfWeek Day, int From, int Until)> Weekly =>
        [.. WeeklyWindows.Select(AvailabilityWindow.Parse)];

    /// <summary>Sets the available times per weekday (replacing the daily window) and the rest as <see cref="Set"/>.</summary>
    public void SetWeekly(IEnumerable<(IsoDayOfWeek Day, LocalTime From, LocalTime Until)> windows, IEnumerable<LocalDate> unavailable, LocalDate? stayFrom, LocalDate? stayTo)
    {
        var list = windows.ToList();
        foreach (var w in list)
        {
            if (w.Until <= w.From) throw new DomainException("availability.window", "The window must end after it starts.", "until");
        }
        Set(null, null, unavailable, stayFrom, stayTo);
        WeeklyWindows = [.. list.OrderBy(w => w.Day).ThenBy(w => w.From).Select(w => AvailabilityWindow.Format(w.Day, w.From, w.Until))];
    }

    public void Set(LocalTime? from, LocalTime? until, IEnumerable<LocalDate> unavailable, LocalDate? stayFrom, LocalDate? stayTo)
    {
        if (from is { } f && until is { } u && u <= f) throw new DomainException("availability.window", "The window must end after it starts.", "until");
        if (stayFrom is { } a && stayTo is { } b && b < a) throw new DomainException("availability.stay", "The stay must end on or after its first day.", "stayTo");
        WeeklyWindows = [];
        FromMinute = from is { } x ? x.Hour * 60 + x.Minute : null;
        UntilMinute = until is { } y ? y.Hour * 60 + y.Minute : null;
        UnavailableDates = [.. unavailable.Select(d => d.ToDateOnly()).Distinct().Order()];
        (StayFrom, StayTo) = (stayFrom, stayTo);
    }

    /// <summary>A patient who is away on a day of their course (the "misses a day" of a repair).</summary>
    public void AddUnavailable(LocalDate date)
    {
        var d = date.ToDateOnly();
        if (!UnavailableDates.Contains(d)) UnavailableDates = [.. UnavailableDates.Append(d).Order()];
    }
}

/// <summary>The text form of a weekly window: "mon 08:00-12:00".</summary>
public static class AvailabilityWindow
{
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static string Format(IsoDayOfWeek day, LocalTime from, LocalTime until) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Days[(int)day - 1]} {from:HH:mm}-{until:HH:mm}");

    public static (IsoDayOfWeek Day, int From, int Until) Parse(string text)
    {
        var day = Array.IndexOf(Days, text[..3]) + 1;
        var times = text[4..].Split('-');
        static int Minutes(string t) => int.Parse(t[..2], System.Globalization.CultureInfo.InvariantCulture) * 60 + int.Parse(t[3..5], System.Globalization.CultureInfo.InvariantCulture);
        return ((IsoDayOfWeek)day, Minutes(times[0]), Minutes(times[1]));
    }
}

/// <summary>A patient's calendar feed link: 256 random bits, only the SHA-256 stored, expiring.</summary>
public sealed class CalendarLink
{
    private CalendarLink() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Instant ExpiresAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public Instant CreatedAt { get; private set; }

    public static CalendarLink Create(Guid patientId, string tokenHash, Instant expiresAt, string by, Instant at) =>
        new() { PatientId = patientId, TokenHash = tokenHash, ExpiresAt = expiresAt, CreatedBy = by, CreatedAt = at };
}
