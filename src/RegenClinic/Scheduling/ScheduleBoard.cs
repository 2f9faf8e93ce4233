using NodaTime;

namespace RegenClinic.Scheduling;

public enum SessionChange { Kept, Moved, New }

public sealed record BoardResource(string Id, string Name, string Kind, int Seats);

/// <summary>A session on the board. <see cref="AppointmentId"/> for a booked one, <see cref="CourseId"/> for a course's new one.</summary>
public sealed record BoardSession(string Course, int Index, Guid? AppointmentId, Guid? CourseId, string PatientId, string Patient, LocalDate Date,
    int Start, int End, string Resource, string? Table, IReadOnlyList<string> Staff, SessionChange Change, LocalDate? WasDate, int? WasStart, string? WasResource)
{
    public string Time => $"{Start / 60:00}:{Start % 60:00}–{End / 60:00}:{End % 60:00}";
}

/// <summary>Sessions of one multiplace dive (same chamber, date and start) or one single session.</summary>
public sealed record BoardBlock(string Resource, LocalDate Date, int Start, int End, string? Table, IReadOnlyList<BoardSession> Sessions);

public sealed record UnplacedCourse(string Course, string Patient, string Reason, Guid? AppointmentId);

/// <summary>Chambers and rooms × time for a span of days.</summary>
public sealed record ScheduleBoard(LocalDate From, int Days, int Opens, int Closes, IReadOnlyList<BoardResource> Resources,
    IReadOnlyList<BoardSession> Sessions, IReadOnlyList<UnplacedCourse> Unplaced)
{
    public IEnumerable<LocalDate> Dates => Enumerable.Range(0, Days).Select(From.PlusDays);

    public IReadOnlyList<BoardBlock> Blocks(string resource, LocalDate date) =>
    [
        .. Sessions.Where(s => s.Resource == resource && s.Date == date).GroupBy(s => s.Start).OrderBy(g => g.Key)
            .Select(g => new BoardBlock(resource, date, g.Key, g.Max(s => s.End), g.First().Table, [.. g.OrderBy(s => s.Patient, StringComparer.CurrentCulture)])),
    ];

    public IReadOnlyList<BoardSession> Changed => [.. Sessions.Where(s => s.Change != SessionChange.Kept).OrderBy(s => s.Date).ThenBy(s => s.Start)];

    /// <summary>The board of a schedule over <paramref name="built"/>'s instance, compared with what is booked.</summary>
    public static ScheduleBoard Of(ClinicInstance built, ScheduleResult schedule, LocalDate from, int days)
    {
        var instance = built.Instance;
        var names = built.Names;
        var resources = instance.Chambers.Select(c => new BoardResource(c.Id, names.GetValueOrDefault(c.Id, c.Id),
                c.Kind == ChamberKind.Monoplace ? "monoplace" : "multiplace", c.Seats))
            .Concat(instance.Rooms.Select(r => new BoardResource(r.Id, names.GetValueOrDefault(r.Id, r.Id), "room", 1))).ToList();
        // Bookings on a chamber that is out of service still show, on their old chamber's row, until they are moved.
        foreach (var missing in built.BookedSessions.Select(s => s.Resource).Distinct().Where(r => resources.All(x => x.Id != r)))
            resources.Add(new BoardResource(missing, names.GetValueOrDefault(missing, missing), "unavailable", 0));
        var booked = built.BookedSessions.ToDictionary(s => s.Course, StringComparer.Ordinal);
        var courses = instance.Courses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var treatments = instance.Treatments.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var sessions = schedule.Sessions.Select(s =>
        {
            var course = courses[s.Course];
            var appointment = ClinicInstance.AppointmentOf(s.Course);
            var was = booked.GetValueOrDefault(s.Course);
            var change = appointment is null ? SessionChange.New
                : was is not null && (was.Date != s.Date || was.Start != s.Start || was.Resource != s.Resource) ? SessionChange.Moved : SessionChange.Kept;
            return new BoardSession(s.Course, s.Index, appointment, appointment is null && Guid.TryParse(s.Course, out var c) ? c : null, course.Patient,
                names.GetValueOrDefault(course.Patient, course.Patient), LocalDate.FromDateOnly(s.Date), s.Start, s.End, s.Resource,
                treatments[course.Treatment].Table, s.Staff.Select(x => names.GetValueOrDefault(x, x)).ToList(), change,
                change == SessionChange.Moved ? LocalDate.FromDateOnly(was!.Date) : null, change == SessionChange.Moved ? was!.Start : null,
                change == SessionChange.Moved ? names.GetValueOrDefault(was!.Resource, was.Resource) : null);
        }).ToList();
        // The instance names every course (booked appointment, planned course, follow-up, outside the horizon) by its patient.
        var unplaced = schedule.Unscheduled.Concat(built.OutsideHorizon).Select(u => new UnplacedCourse(u.Course,
            names.GetValueOrDefault(u.Course, u.Course), u.Reason, ClinicInstance.AppointmentOf(u.Course))).ToList();
        return new ScheduleBoard(from, days, ClinicInstance.OpeningHours.Start, ClinicInstance.OpeningHours.End, resources, sessions, unplaced);
    }
}
