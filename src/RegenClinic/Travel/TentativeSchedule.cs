using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Scheduling;

namespace RegenClinic.Travel;

/// <summary>Where the scheduler would put a package's sessions: the stay, and each session's day, start and chamber or room.</summary>
public sealed record TentativePlan(TentativeStay Stay, IReadOnlyList<ScheduledSession> Sessions, string? Table);

/// <summary>
/// Asks the scheduler where a package's sessions could fall inside the patient's preferred dates, on the centre's real
/// situation: its chambers and rooms, its closed days (<see cref="Domain.Clinic.SiteClosure"/>) and every session already
/// booked there (built by <see cref="ClinicInstance.BuildAsync"/>, the instance the board and the solver use). First fit
/// places the one new course around the fixed bookings, and the scheduler's checker validates the result. Staff are left
/// out: rosters are not known months ahead, and staff are assigned when the sessions are confirmed on the board. Courses
/// that are prescribed but not yet booked are left out too: they hold no seat until they are booked.
/// </summary>
public static class TentativeSchedule
{
    public const string CourseId = "quote";
    private const string PatientId = "quote-patient";

    public static async Task<TentativePlan> ProposeAsync(ClinicDb db, ClinicTime time, Guid siteId, QuotePackage package, LocalDate from, LocalDate to,
        CancellationToken ct = default)
    {
        var days = Period.Between(from, to, PeriodUnits.Days).Days + 1;
        var built = await ClinicInstance.BuildAsync(db, time, siteId, from, days, null, ct: ct);
        return Propose(built.Instance, package, from, to);
    }

    /// <summary>The hyperbaric treatment table a package names in its protocol text, e.g. "(2.4-90)"; null for other therapies.</summary>
    public static string? TableOf(QuotePackage package)
    {
        if (package.Therapy != "hbot") return null;
        return TreatmentTables.All.Select(t => t.Id).OrderByDescending(id => id.Length)
            .FirstOrDefault(id => package.Protocol.Contains(id, StringComparison.OrdinalIgnoreCase))
            ?? throw new Domain.Common.DomainException("quote.hbot-table",
                $"Name the treatment table in the protocol, e.g. \"(2.4-90)\". Known: {string.Join(", ", TreatmentTables.All.Select(t => t.Id))}.", "protocol");
    }

    /// <summary>First fit of the package into <paramref name="clinic"/> (whose calendar starts on <paramref name="from"/>), keeping only its fixed bookings.</summary>
    public static TentativePlan Propose(ScheduleInstance clinic, QuotePackage package, LocalDate from, LocalDate to)
    {
        var hbot = package.Therapy == "hbot";
        var table = TableOf(package);
        var treatment = new Treatment("quote-treatment", package.Therapy, ClinicInstance.MinutesOf(package.Therapy), table,
            hbot ? ResourceKind.Chamber : ResourceKind.Room, []);
        Scheduling.SessionPattern pattern = package.Pattern switch
        {
            SessionPatternKind.Weekdays => new WeekdaysPattern(package.PerDay, 240),
            SessionPatternKind.Interval => new IntervalPattern(package.MinDays, package.MaxDays),
            _ => new IntervalPattern(1, 1),
        };
        var booked = clinic.Fixed.Select(f => f.Course).ToHashSet(StringComparer.Ordinal);
        var first = from.ToDateOnly();
        var course = new Course(CourseId, PatientId, treatment.Id, package.Pattern == SessionPatternKind.Single ? 1 : package.Sessions, pattern,
            first, first, 2, Stay: new DateRange(first, to.ToDateOnly()));
        var instance = clinic with
        {
            Treatments = [.. clinic.Treatments.Select(t => t with { Staff = [] }), treatment],
            Staff = [],
            Courses = [.. clinic.Courses.Where(c => booked.Contains(c.Id)), course],
            Fixed = [.. clinic.Fixed.Select(f => f with { Staff = [] })],
        };
        var problem = SchedulingProblem.Compile(instance);
        var result = FirstFit.Solve(problem);
        var sessions = result.Sessions.Where(s => s.Course == CourseId).OrderBy(s => s.Date).ThenBy(s => s.Start).ToList();
        // Like every result the clinic keeps, the placement passes the independent checker first (DESIGN: Scheduling).
        var violations = Checker.Validate(problem, result);
        var refused = violations.Count > 0 ? violations[0] : null;
        if (sessions.Count == 0 || refused is not null)
        {
            var reason = refused?.Message ?? result.Unscheduled.FirstOrDefault(u => u.Course == CourseId)?.Reason ?? "the sessions do not fit inside the dates";
            return new TentativePlan(new TentativeStay(null, null, 0, reason), [], table);
        }
        var stay = new TentativeStay(LocalDate.FromDateOnly(sessions[0].Date), LocalDate.FromDateOnly(sessions[^1].Date), sessions.Count, null);
        return new TentativePlan(stay, sessions, table);
    }
}
