using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Plans;
using RegenClinic.Staff;
using DomainChamberKind = RegenClinic.Domain.Clinic.ChamberKind;

namespace RegenClinic.Scheduling;

/// <summary>What a repair changes before re-planning.</summary>
public abstract record ScheduleChange
{
    public sealed record CancelSession(Guid AppointmentId) : ScheduleChange;
    public sealed record PatientMissesDay(Guid PatientId, LocalDate Date) : ScheduleChange;
    public sealed record ChamberOutOfService(Guid ChamberId) : ScheduleChange;
    /// <summary>A staff member is off (sick, leave) from <see cref="From"/> to <see cref="To"/> inclusive.</summary>
    public sealed record StaffUnavailable(string StaffUserId, LocalDate From, LocalDate To) : ScheduleChange
    {
        public IEnumerable<LocalDate> Dates => Enumerable.Range(0, Period.Between(From, To, PeriodUnits.Days).Days + 1).Select(From.PlusDays);
    }

    public string Encode() => this switch
    {
        CancelSession c => $"cancel:{c.AppointmentId}",
        PatientMissesDay m => $"miss:{m.PatientId}:{m.Date:uuuu-MM-dd}",
        ChamberOutOfService o => $"chamber:{o.ChamberId}",
        StaffUnavailable s => $"staff:{s.StaffUserId}:{s.From:uuuu-MM-dd}:{s.To:uuuu-MM-dd}",
        _ => throw new InvalidOperationException("unknown change"),
    };

    public static ScheduleChange? Decode(string? text)
    {
        var parts = text?.Split(':') ?? [];
        return parts switch
        {
            ["cancel", var id] => new CancelSession(Guid.Parse(id)),
            ["miss", var p, var d] => new PatientMissesDay(Guid.Parse(p), NodaTime.Text.LocalDatePattern.Iso.Parse(d).Value),
            ["chamber", var id] => new ChamberOutOfService(Guid.Parse(id)),
            ["staff", var id, var f, var t] => new StaffUnavailable(id, NodaTime.Text.LocalDatePattern.Iso.Parse(f).Value, NodaTime.Text.LocalDatePattern.Iso.Parse(t).Value),
            _ => null,
        };
    }
}

/// <summary>
/// The clinic's situation as a <c>regenclinic-schedule-instance/1</c>, built from the database, with the bookings that
/// exist as a schedule (<see cref="BookedSessions"/>) so that a proposal can be compared with them and a repair can start from them.
/// Ids: courses to plan are the course's Guid (for a course that is partly booked: its missing sessions, after its last
/// booking); every booked appointment is its own one-session course "a:&lt;Guid&gt;", fixed where it is unless the change
/// affects it (<see cref="Affected"/>); an open follow-up visit after a cell-therapy procedure is the one-session course
/// "f:&lt;Guid&gt;" of the follow-up; chambers, rooms, staff and patients are their Guids.
/// </summary>
public sealed record ClinicInstance(ScheduleInstance Instance, IReadOnlyList<ScheduledSession> BookedSessions,
    IReadOnlyDictionary<string, string> Names)
{
    public const string AppointmentPrefix = "a:";
    public const string FollowUpPrefix = "f:";
    /// <summary>Therapy id of a follow-up visit after a cell-therapy procedure (a room and a physician).</summary>
    public const string FollowUpTherapy = "follow-up-visit";
    /// <summary>Course id of a session being booked or moved by hand (<see cref="Candidate"/>).</summary>
    public const string CandidateCourse = "placement";

    /// <summary>Opening hours of the sites until they are configurable per site: weekdays 07:30–19:00 (the demo clinic's hours).</summary>
    public static readonly ClockRange OpeningHours = new(7 * 60 + 30, 19 * 60);

    /// <summary>Courses with sessions still to book that cannot start inside the horizon, with the reason: listed with the
    /// solver's unscheduled courses rather than left out without a word.</summary>
    public IReadOnlyList<UnscheduledCourse> OutsideHorizon { get; init; } = [];

    public static string AppointmentCourse(Guid appointmentId) => AppointmentPrefix + appointmentId.ToString();

    public static Guid? AppointmentOf(string course) =>
        course.StartsWith(AppointmentPrefix, StringComparison.Ordinal) && Guid.TryParse(course.AsSpan(AppointmentPrefix.Length), out var id) ? id : null;

    /// <summary>A scheduled session's start and end as instants, in the clinic's time zone.</summary>
    public static Interval SlotOf(ClinicTime time, ScheduledSession s)
    {
        var day = LocalDate.FromDateOnly(s.Date);
        return new(time.ToInstant(day.At(LocalTime.FromMinutesSinceMidnight(s.Start))), time.ToInstant(day.At(LocalTime.FromMinutesSinceMidnight(s.End))));
    }

    public static Guid? FollowUpOf(string course) =>
        course.StartsWith(FollowUpPrefix, StringComparison.Ordinal) && Guid.TryParse(course.AsSpan(FollowUpPrefix.Length), out var id) ? id : null;

    /// <summary>Minutes a session of a therapy takes (chamber time includes compression and decompression); the clinic's defaults.</summary>
    public static int MinutesOf(string therapy) => therapy switch
    {
        "hbot" => 120,
        FollowUpTherapy => 30,
        _ when therapy.StartsWith("cell-therapy", StringComparison.Ordinal) => 120,
        _ => 45,
    };

    /// <summary>Skills the scheduler needs, from the staff roles: chamber operators and nurses run chambers; physicians inject.</summary>
    public static IReadOnlyList<string> SkillsOf(IEnumerable<string> roles) =>
    [
        .. roles.SelectMany(r => r switch
        {
            Roles.ChamberOperator => ["chamber-operator"],
            Roles.Nurse => ["chamber-operator"],
            Roles.Physician => new[] { "injector" },
            _ => [],
        }).Distinct(),
    ];

    /// <summary>The skill a therapy's sessions need: chamber sessions an operator, everything else a physician.</summary>
    public static string SkillFor(string therapy) => therapy == "hbot" ? "chamber-operator" : "injector";

    /// <summary>
    /// Whether a booking must be re-planned because of <paramref name="change"/> (or a chamber that is down): the patient
    /// misses its day, its chamber is out, or it needs the skill of a staff member who is off that day and either has that
    /// member or no staff recorded. Every other booking stays fixed, so a repair changes only what the change touches.
    /// </summary>
    public static bool Affected(Appointment a, LocalDate date, ScheduleChange? change, IReadOnlySet<Guid> down, IReadOnlyDictionary<string, IReadOnlyList<string>> skills) =>
        (a.ChamberId is { } c && down.Contains(c))
        || change switch
        {
            ScheduleChange.PatientMissesDay m => m.PatientId == a.PatientId && m.Date == date,
            ScheduleChange.StaffUnavailable s => date >= s.From && date <= s.To
                && skills.GetValueOrDefault(s.StaffUserId, []).Contains(SkillFor(a.Therapy))
                && (a.Staff.Contains(s.StaffUserId) || a.Staff.Count == 0),
            _ => false,
        };

    public static async Task<ClinicInstance> BuildAsync(ClinicDb db, ClinicTime time, Guid siteId, LocalDate start, int days, ScheduleChange? change,
        Guid? movingAppointment = null, Candidate? candidate = null, CancellationToken ct = default)
    {
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == siteId, ct);
        var end = start.PlusDays(days);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var hours = new Dictionary<DayOfWeek, ClockRange>
        {
            [DayOfWeek.Monday] = OpeningHours, [DayOfWeek.Tuesday] = OpeningHours, [DayOfWeek.Wednesday] = OpeningHours,
            [DayOfWeek.Thursday] = OpeningHours, [DayOfWeek.Friday] = OpeningHours,
        };
        var calendar = new ClinicCalendar(site.TimeZoneId, start.ToDateOnly(), days, SiteClosure.Within(await db.SiteClosures.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(ct), start, days), hours);

        var chamberRows = await db.Chambers.AsNoTracking().Where(c => c.SiteId == siteId).OrderBy(c => c.Name).ToListAsync(ct);
        var down = chamberRows.Where(c => c.Status != EquipmentStatus.InService
            || change is ScheduleChange.ChamberOutOfService o && o.ChamberId == c.Id).Select(c => c.Id).ToHashSet();
        var chambers = chamberRows.Where(c => !down.Contains(c.Id)).Select(c => new Chamber(c.Id.ToString(),
            c.Kind == DomainChamberKind.Monoplace ? ChamberKind.Monoplace : ChamberKind.Multiplace, c.Seats, c.Tables)).ToList();
        foreach (var c in chamberRows) names[c.Id.ToString()] = c.Name;
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.SiteId == siteId).OrderBy(r => r.Name).ToListAsync(ct);
        foreach (var r in rooms) names[r.Id.ToString()] = r.Name;

        var staff = await StaffAsync(db, siteId, start, end, change as ScheduleChange.StaffUnavailable, names, ct);
        var skills = staff.ToDictionary(m => m.Id, m => m.Skills, StringComparer.Ordinal);

        var from = time.ToInstant(start.AtMidnight());
        var to = time.ToInstant(end.AtMidnight());
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.SiteId == siteId && a.Start >= from && a.Start < to && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived))
            .OrderBy(a => a.Start).ToListAsync(ct);
        var excluded = change is ScheduleChange.CancelSession cancel ? cancel.AppointmentId : Guid.Empty;
        booked.RemoveAll(a => a.Id == excluded || a.Id == movingAppointment);
        var planned = await db.Courses.AsNoTracking().Where(c => c.SiteId == siteId && c.Status == CourseStatus.Active).ToListAsync(ct);
        var courseIds = planned.Select(c => c.Id).ToList();
        // What each course has booked: the live sessions (not the one being cancelled) and the last of them, after which its missing sessions go.
        var used = (await db.Appointments.AsNoTracking()
                .Where(a => a.CourseId != null && courseIds.Contains(a.CourseId.Value) && a.Status != AppointmentStatus.Cancelled && a.Id != excluded)
                .Select(a => new { Course = a.CourseId!.Value, a.Start }).ToListAsync(ct))
            .GroupBy(a => a.Course).ToDictionary(g => g.Key, g => (Count: g.Count(), Last: g.Max(x => x.Start)));
        var followUps = candidate is null ? await OpenFollowUpsAsync(db, time, siteId, from, to, ct) : [];
        var patientIds = booked.Select(a => a.PatientId).Concat(planned.Select(c => c.PatientId)).Concat(followUps.Select(f => f.PatientId))
            .Concat(candidate is null ? [] : [candidate.PatientId]).Distinct().ToList();
        var availability = await db.PatientAvailabilities.AsNoTracking().Where(a => patientIds.Contains(a.PatientId)).ToDictionaryAsync(a => a.PatientId, ct);
        if (change is ScheduleChange.PatientMissesDay miss)
        {
            var a = availability.TryGetValue(miss.PatientId, out var found) ? found : PatientAvailability.For(miss.PatientId);
            a.AddUnavailable(miss.Date);
            availability[miss.PatientId] = a;
        }
        foreach (var p in await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).Select(p => new { p.Id, p.FamilyName, p.GivenName }).ToListAsync(ct))
            names[p.Id.ToString()] = $"{p.FamilyName}, {p.GivenName}";

        var treatments = new Dictionary<string, Treatment>(StringComparer.Ordinal);
        string TreatmentFor(string therapy, string? table, int minutes)
        {
            var chamber = therapy == "hbot";
            var id = chamber ? $"hbot:{table}:{minutes}" : $"{therapy}:{minutes}";
            if (!treatments.ContainsKey(id))
            {
                treatments[id] = new Treatment(id, therapy, minutes, chamber ? table : null, chamber ? ResourceKind.Chamber : ResourceKind.Room,
                    [new StaffNeed(SkillFor(therapy), 1)]);
            }
            return id;
        }

        var courses = new List<Course>();
        var sessions = new List<FixedSession>();
        var affected = new HashSet<string>(StringComparer.Ordinal);
        var bookedSessions = new List<ScheduledSession>();
        var tablesByChamber = chamberRows.ToDictionary(c => c.Id, c => c.Tables);
        var courseById = planned.ToDictionary(c => c.Id);
        foreach (var a in booked)
        {
            var local = time.Local(a.Start);
            var minutes = (int)(a.End - a.Start).TotalMinutes;
            var resource = (a.ChamberId ?? a.RoomId)!.Value.ToString();
            var table = a.ChamberId is { } ch ? a.Table ?? tablesByChamber.GetValueOrDefault(ch)?.FirstOrDefault() ?? "2.4-90" : null;
            var id = AppointmentCourse(a.Id);
            var date = local.Date.ToDateOnly();
            var startMinute = local.Hour * 60 + local.Minute;
            var av = availability.GetValueOrDefault(a.PatientId);
            var course = a.CourseId is { } cid ? courseById.GetValueOrDefault(cid) : null;
            if (Affected(a, local.Date, change, down, skills))
            {
                affected.Add(id);
                // A session of a daily course that cannot stay goes after the course's last session (the series continues);
                // any other from its own day on. It keeps the patient's stated availability.
                var release = change is ScheduleChange.PatientMissesDay && course is { Pattern.Kind: SessionPatternKind.Weekdays } && used.TryGetValue(course.Id, out var u) && time.Local(u.Last).Date > local.Date
                    ? time.Local(u.Last).Date.PlusDays(1) : local.Date;
                courses.Add(new Course(id, a.PatientId.ToString(), TreatmentFor(a.Therapy, table, minutes), 1, new IntervalPattern(1, 1),
                    release.ToDateOnly(), release.ToDateOnly(), course?.Priority ?? 1, null, Windows(av), OffDates(av, start, end), Stay(av)));
            }
            else
            {
                courses.Add(new Course(id, a.PatientId.ToString(), TreatmentFor(a.Therapy, table, minutes), 1, new IntervalPattern(1, 1), date, date, 1));
            }
            sessions.Add(new FixedSession(id, 1, date, new TimeOnly(startMinute / 60, startMinute % 60), resource, a.Staff));
            bookedSessions.Add(new ScheduledSession(id, 1, date, startMinute, startMinute + minutes, resource, a.Staff));
            names[id] = names.GetValueOrDefault(a.PatientId.ToString(), "");
        }

        if (candidate is { } n)
        {
            var av = n.WithAvailability ? availability.GetValueOrDefault(n.PatientId) : null;
            var date = n.Date.ToDateOnly();
            courses.Add(new Course(CandidateCourse, n.PatientId.ToString(), TreatmentFor(n.Therapy, n.Table, n.Minutes), 1, new IntervalPattern(1, 1), date, date, 1,
                null, Windows(av), OffDates(av, start, end), Stay(av)));
            sessions.Add(new FixedSession(CandidateCourse, 1, date, new TimeOnly(n.Start / 60, n.Start % 60), n.Resource, []));
        }

        var outside = new List<UnscheduledCourse>();
        foreach (var c in candidate is null ? planned : [])
        {
            var done = used.TryGetValue(c.Id, out var u) ? u : default;
            var remaining = c.Sessions - done.Count;
            if (remaining < 1) continue;
            // A course with bookings gets its missing sessions (a cancelled one, say) after its last booking, in its pattern.
            var after = done.Count > 0 ? time.Local(done.Last).Date : (LocalDate?)null;
            var earliest = after is { } last
                ? last.PlusDays(c.Pattern.Kind == SessionPatternKind.Interval ? Math.Max(1, c.Pattern.MinDays) : 1)
                : c.EarliestStart;
            var release = earliest < start ? start : earliest;
            if (release >= end)
            {
                outside.Add(new UnscheduledCourse(c.Id.ToString(), string.Create(CultureInfo.InvariantCulture,
                    $"its next session cannot start before {release:uuuu-MM-dd}, after the planning horizon ({start:uuuu-MM-dd} to {end.PlusDays(-1):uuuu-MM-dd})")));
                names[c.Id.ToString()] = names.GetValueOrDefault(c.PatientId.ToString(), "");
                continue;
            }
            var due = after is null && c.TargetStart is { } t && t > release ? t : release;
            SessionPattern pattern = c.Pattern.Kind switch
            {
                SessionPatternKind.Weekdays => new WeekdaysPattern(c.Pattern.PerDay, c.Pattern.MinGapMinutes),
                SessionPatternKind.Interval => new IntervalPattern(c.Pattern.MinDays, c.Pattern.MaxDays),
                _ => new IntervalPattern(1, 28),
            };
            var av = availability.GetValueOrDefault(c.PatientId);
            var table = c.Therapy == "hbot" ? c.Protocol : null;
            courses.Add(new Course(c.Id.ToString(), c.PatientId.ToString(), TreatmentFor(c.Therapy, table, MinutesOf(c.Therapy)), remaining, pattern,
                release.ToDateOnly(), due.ToDateOnly(), c.Priority, null, Windows(av), OffDates(av, start, end), Stay(av)));
            names[c.Id.ToString()] = names.GetValueOrDefault(c.PatientId.ToString(), "");
        }

        foreach (var f in followUps)
        {
            var window = FollowUpWindow(time, f.DueFrom, f.DueBy, start, end);
            if (window is not { } w) continue;
            var id = FollowUpPrefix + f.Id.ToString();
            var av = availability.GetValueOrDefault(f.PatientId);
            courses.Add(new Course(id, f.PatientId.ToString(), TreatmentFor(FollowUpTherapy, null, MinutesOf(FollowUpTherapy)), 1, new IntervalPattern(1, 1),
                w.Stay.From, w.Stay.From, 1, null, w.Windows, OffDates(av, start, end), w.Stay));
            names[id] = names.GetValueOrDefault(f.PatientId.ToString(), "");
        }

        // Staff for every booking, in time order (the bookings that stay keep theirs; the ones that move start from it).
        var staffed = AssignStaff(sessions, treatments, courses, chambers, staff);
        var instance = new ScheduleInstance(calendar, [.. treatments.Values], chambers, [.. rooms.Select(r => new Room(r.Id.ToString()))], staff,
            courses, [.. staffed.Where(f => !affected.Contains(f.Course))]);
        var byCourse = staffed.ToDictionary(f => f.Course, StringComparer.Ordinal);
        var bookedWithStaff = bookedSessions.Select(s => byCourse.TryGetValue(s.Course, out var f) ? s with { Staff = f.Staff } : s).ToList();
        return new ClinicInstance(instance, bookedWithStaff, names) { OutsideHorizon = outside };
    }

    /// <summary>Open follow-ups after current cell-therapy procedures of the site, due in the horizon and not yet booked
    /// (a live follow-up visit of the patient inside the follow-up's window counts as booked).</summary>
    private static async Task<List<ProcedureFollowUp>> OpenFollowUpsAsync(ClinicDb db, ClinicTime time, Guid siteId, Instant horizonFrom, Instant horizonTo, CancellationToken ct)
    {
        var now = time.Now;
        var open = await (from f in db.FollowUps.AsNoTracking()
                          join p in db.ProcedureRecords on f.ProcedureId equals p.Id
                          join c in db.Courses on p.CourseId equals c.Id
                          where c.SiteId == siteId && p.Family == ProcedureFamily.CellTherapy && p.VoidedAt == null && p.SupersededAt == null
                              && f.CompletedAt == null && f.DueBy > now && f.DueBy > horizonFrom && f.DueFrom < horizonTo
                          select f).ToListAsync(ct);
        if (open.Count == 0) return open;
        var patients = open.Select(f => f.PatientId).Distinct().ToList();
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => patients.Contains(a.PatientId) && a.Therapy == FollowUpTherapy && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.PatientId, a.Start }).ToListAsync(ct);
        return [.. open.Where(f => !visits.Any(v => v.PatientId == f.PatientId && v.Start >= f.DueFrom && v.Start <= f.DueBy))];
    }

    /// <summary>The follow-up's due window (48–72 h after the procedure) as stay dates and times per weekday, cut to the
    /// horizon; null when nothing of it lies in the horizon. Windows per weekday are exact while the window spans under a week.</summary>
    internal static (DateRange Stay, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<ClockRange>>? Windows)? FollowUpWindow(ClinicTime time, Instant dueFrom, Instant dueBy,
        LocalDate start, LocalDate end)
    {
        var a = time.Local(dueFrom);
        var b = time.Local(dueBy);
        var first = a.Date < start ? start : a.Date;
        var last = b.Date >= end ? end.PlusDays(-1) : b.Date;
        if (last < first) return null;
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<ClockRange>>? windows = null;
        if (Period.Between(first, last, PeriodUnits.Days).Days < 7)
        {
            var map = new Dictionary<DayOfWeek, IReadOnlyList<ClockRange>>();
            for (var d = first; d <= last; d = d.PlusDays(1))
            {
                // Minutes inward: a visit may not start a second before 48 h nor end after 72 h.
                var open = d == a.Date ? a.Hour * 60 + a.Minute + (a.Second > 0 || a.NanosecondOfSecond > 0 ? 1 : 0) : 0;
                var close = d == b.Date ? b.Hour * 60 + b.Minute : 1440;
                if (close > open) map[d.ToDateOnly().DayOfWeek] = [new ClockRange(open, close)];
            }
            windows = map;
        }
        return (new DateRange(first.ToDateOnly(), last.ToDateOnly()), windows);
    }

    private static async Task<List<StaffMember>> StaffAsync(ClinicDb db, Guid siteId, LocalDate start, LocalDate end, ScheduleChange.StaffUnavailable? sick,
        Dictionary<string, string> names, CancellationToken ct)
    {
        var users = await StaffRolesAsync(db, siteId, ct);
        var shifts = await db.StaffShifts.AsNoTracking().Where(s => s.SiteId == siteId).ToListAsync(ct);
        var offDays = await db.StaffOffDays.AsNoTracking().Where(o => o.SiteId == siteId && o.Date >= start && o.Date < end)
            .Select(o => new { o.StaffUserId, o.Date }).ToListAsync(ct);
        var result = new List<StaffMember>();
        foreach (var g in users.GroupBy(u => u.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var skills = SkillsOf(g.Select(x => x.Role));
            if (skills.Count == 0) continue;
            names[g.Key] = g.First().DisplayName;
            var own = shifts.Where(s => s.StaffUserId == g.Key).ToList();
            var week = own.Count == 0
                ? Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToDictionary(d => d, _ => OpeningHours)
                : own.GroupBy(s => s.Day).ToDictionary(s => (DayOfWeek)((int)s.Key % 7), s => new ClockRange(s.Min(x => x.StartMinute), s.Max(x => x.EndMinute)));
            var off = offDays.Where(o => o.StaffUserId == g.Key).Select(o => o.Date)
                .Concat(sick is not null && sick.StaffUserId == g.Key ? sick.Dates.Where(d => d >= start && d < end) : [])
                .Select(d => d.ToDateOnly()).Distinct().Order().ToList();
            result.Add(new StaffMember(g.Key, skills, week, off));
        }
        return result;
    }

    /// <summary>Who may work at a site (its own users and those of every site), one row per role.</summary>
    internal static async Task<List<StaffRole>> StaffRolesAsync(ClinicDb db, Guid siteId, CancellationToken ct) =>
        await (from u in db.Users.AsNoTracking()
               where u.SiteId == siteId || u.SiteId == null
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               select new StaffRole(u.Id, u.DisplayName, r.Name!)).ToListAsync(ct);

    internal sealed record StaffRole(string Id, string DisplayName, string Role);

    private static Dictionary<DayOfWeek, IReadOnlyList<ClockRange>>? Windows(PatientAvailability? a)
    {
        if (a is null) return null;
        if (a.WeeklyWindows.Count > 0)
        {
            // A weekday without a window is a day the patient cannot come.
            return a.Weekly.GroupBy(w => (DayOfWeek)((int)w.Day % 7))
                .ToDictionary(g => g.Key, g => (IReadOnlyList<ClockRange>)[.. g.Select(w => new ClockRange(w.From, w.Until))]);
        }
        return a.FromMinute is not null || a.UntilMinute is not null
            ? Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<ClockRange>)[new ClockRange(a.FromMinute ?? 0, a.UntilMinute ?? 1440)])
            : null;
    }

    private static List<DateOnly>? OffDates(PatientAvailability? a, LocalDate start, LocalDate end) =>
        a is null ? null : [.. a.UnavailableDates.Where(d => d >= start.ToDateOnly() && d < end.ToDateOnly())];

    private static DateRange? Stay(PatientAvailability? a) =>
        a is { StayFrom: { } f, StayTo: { } t } ? new DateRange(f.ToDateOnly(), t.ToDateOnly()) : null;

    /// <summary>Bookings made before staff were recorded get staff greedily (in time order, a dive's occupants share theirs),
    /// so that the fixed sessions obey the staff rule as the format requires.</summary>
    private static List<FixedSession> AssignStaff(List<FixedSession> fixedSessions, Dictionary<string, Treatment> treatments, List<Course> courses,
        List<Chamber> chambers, List<StaffMember> staff)
    {
        var courseById = courses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var multiplace = chambers.Where(c => c.Kind == ChamberKind.Multiplace).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var busy = new Dictionary<(string, DateOnly), List<(int, int)>>();
        var dives = new Dictionary<(string, DateOnly, TimeOnly), IReadOnlyList<string>>();
        var result = new List<FixedSession>();
        foreach (var f in fixedSessions.OrderBy(f => f.Date).ThenBy(f => f.Start))
        {
            var t = treatments[courseById[f.Course].Treatment];
            var s = f.Start.Hour * 60 + f.Start.Minute;
            var e = s + t.Minutes;
            var known = f.Staff.Where(id => staff.Any(m => m.Id == id)).ToList();
            var sharedDive = multiplace.Contains(f.Resource) && dives.TryGetValue((f.Resource, f.Date, f.Start), out var shared);
            if (known.Count == 0 && sharedDive)
            {
                known = [.. dives[(f.Resource, f.Date, f.Start)]];
            }
            else if (known.Count == 0)
            {
                foreach (var need in t.Staff)
                {
                    var picked = staff.Where(m => m.Skills.Contains(need.Skill) && !known.Contains(m.Id)
                            && m.Shifts.TryGetValue(f.Date.DayOfWeek, out var shift) && shift.Contains(s, e) && !m.Off.Contains(f.Date)
                            && !busy.GetValueOrDefault((m.Id, f.Date), []).Any(b => b.Item1 < e && s < b.Item2))
                        .Take(need.Count).Select(m => m.Id).ToList();
                    known.AddRange(picked);
                }
            }
            if (!sharedDive)
            {
                foreach (var id in known)
                {
                    if (!busy.TryGetValue((id, f.Date), out var list)) busy[(id, f.Date)] = list = [];
                    list.Add((s, e));
                }
            }
            if (multiplace.Contains(f.Resource)) dives[(f.Resource, f.Date, f.Start)] = known;
            result.Add(f with { Staff = known });
        }
        return result;
    }
}
