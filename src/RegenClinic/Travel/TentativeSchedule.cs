using NodaTime;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Scheduling;

namespace RegenClinic.Travel;

/// <summary>
/// Asks the scheduler where a package's sessions could fall inside the patient's preferred dates, on a small instance built for
/// this one patient: the centre open on weekdays 08:00–18:00, one chamber (HBOT) or one room, no other patients. First fit
/// is exact enough here (one course, nothing to trade off) and instant; the stay it gives is tentative — the real booking
/// goes through the clinic's full schedule once the patient accepts.
/// </summary>
public static class TentativeSchedule
{
    private const string CourseId = "quote";
    private const string Table = "quote-table";

    public static TentativeStay Propose(QuotePackage package, LocalDate from, LocalDate to, string timeZoneId)
    {
        var days = Period.Between(from, to, PeriodUnits.Days).Days + 1;
        var hbot = package.Therapy == "hbot";
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var hours = weekdays.ToDictionary(d => d, _ => new ClockRange(8 * 60, 18 * 60));
        // HBOT 2.4-90 takes about 2 hours door to door with compression and decompression (clinical reference §4); a procedure an hour.
        var treatment = new Treatment("t", package.Therapy, hbot ? 120 : 60, hbot ? Table : null, hbot ? ResourceKind.Chamber : ResourceKind.Room, []);
        Scheduling.SessionPattern pattern = package.Pattern switch
        {
            SessionPatternKind.Weekdays => new WeekdaysPattern(package.PerDay, 240),
            SessionPatternKind.Interval => new IntervalPattern(package.MinDays, package.MaxDays),
            _ => new IntervalPattern(1, 1),
        };
        var first = from.ToDateOnly();
        var instance = new ScheduleInstance(
            new ClinicCalendar(timeZoneId, first, days, [], hours),
            [treatment],
            hbot ? [new Scheduling.Chamber("c", Scheduling.ChamberKind.Monoplace, 1, [Table])] : [],
            hbot ? [] : [new Scheduling.Room("r")],
            [],
            [new Course(CourseId, "patient", "t", package.Pattern == SessionPatternKind.Single ? 1 : package.Sessions, pattern, first, first, 2,
                Stay: new DateRange(first, to.ToDateOnly()))],
            []);
        var problem = SchedulingProblem.Compile(instance);
        var result = FirstFit.Solve(problem);
        var sessions = result.Sessions.Where(s => s.Course == CourseId).ToList();
        if (sessions.Count == 0)
        {
            var reason = result.Unscheduled.FirstOrDefault(u => u.Course == CourseId)?.Reason ?? "the sessions do not fit inside the dates";
            return new TentativeStay(null, null, 0, reason);
        }
        return new TentativeStay(LocalDate.FromDateOnly(sessions.Min(s => s.Date)), LocalDate.FromDateOnly(sessions.Max(s => s.Date)), sessions.Count, null);
    }
}
