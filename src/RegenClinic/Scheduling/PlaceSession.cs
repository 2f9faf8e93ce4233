using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Scheduling;

/// <summary>Book a session of a course (<see cref="CourseId"/>), or move a booked one (<see cref="AppointmentId"/>), to a slot on a chamber or room.</summary>
public sealed record PlaceRequest(Guid? CourseId, Guid? AppointmentId, Guid Resource, LocalDate Date, LocalTime Start, string? OverrideReason = null);

/// <summary>Why a slot is refused. Hard reasons can never be overridden; soft ones (the patient's stated availability, the
/// course's day pattern) can, with a reason that is stored on the appointment and audited.</summary>
public sealed record PlaceVerdict(bool Placed, Guid? AppointmentId, IReadOnlyList<Refusal> Hard, IReadOnlyList<Refusal> Soft);

/// <summary>One reason a slot is refused: a stable <see cref="Code"/> (the checker's rule, made specific) with its
/// <see cref="Args"/> (names of the chamber, room or staff member...), so that the page can say it in the reader's
/// language, and the English <see cref="Text"/> for the API and the log.</summary>
public sealed record Refusal(string Code, IReadOnlyList<string> Args, string Text)
{
    public override string ToString() => Text;
}

/// <summary>
/// Manual booking and moving on the board, checked against the same rules as the solver: the day's bookings plus the
/// new placement go through the independent <see cref="Checker"/>. The database then enforces the seat: a unique index
/// on (chamber, start, seat) over live appointments means that of many concurrent requests for the last seat of a dive
/// exactly one is stored.
/// </summary>
public sealed class PlaceSession(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    private const int Attempts = 40;

    public async Task<PlaceVerdict> HandleAsync(PlaceRequest request, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAsync(request, ct);
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                throw new DomainException("appointment.slot-taken", "Someone else has just booked this seat or room; choose another slot.", "start");
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < Attempts)
            {
                // SQLite allows one writer at a time; a writer that finds the database locked tries again and re-reads.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 40), ct);
            }
        }
    }

    private async Task<PlaceVerdict> TryAsync(PlaceRequest request, CancellationToken ct)
    {
        var chamber = await db.Chambers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Resource, ct);
        var room = chamber is null ? await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.Resource, ct) : null;
        if (chamber is null && room is null) throw new DomainException("schedule.resource-not-found", "No such chamber or room.", "resource");
        var siteId = chamber?.SiteId ?? room!.SiteId;
        if (chamber is { Status: not EquipmentStatus.InService })
            return new PlaceVerdict(false, null, [new Refusal("chamber-down", [chamber.Name], $"{chamber.Name} is not in service ({chamber.StatusReason}).")], []);

        Appointment? moving = null;
        TreatmentCourse? course = null;
        if (request.AppointmentId is { } aid)
        {
            moving = await db.Appointments.FirstOrDefaultAsync(a => a.Id == aid, ct) ?? throw new DomainException("appointment.not-found", "No such appointment.", "id");
            if (moving.CourseId is { } cid) course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct);
        }
        else if (request.CourseId is { } cid)
        {
            course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) ?? throw new DomainException("course.not-found", "No such course.", "courseId");
            if (course.Status != CourseStatus.Active) throw new DomainException("course.not-active", "Only an active course can be booked.", "courseId");
        }
        else
        {
            throw new DomainException("schedule.nothing-to-place", "Choose a course to book or a session to move.", "courseId");
        }

        var therapy = moving?.Therapy ?? course!.Therapy;
        var patientId = moving?.PatientId ?? course!.PatientId;
        var minutes = moving is null ? ClinicInstance.MinutesOf(therapy) : (int)(moving.End - moving.Start).TotalMinutes;
        var table = chamber is null ? null : moving?.Table ?? (therapy == "hbot" ? course?.Protocol : null) ?? chamber.Tables.FirstOrDefault();
        if ((therapy == "hbot") != (chamber is not null))
            throw new DomainException("schedule.wrong-resource", therapy == "hbot" ? "An HBOT session needs a chamber." : "This therapy is given in a room, not a chamber.", "resource");
        var start = request.Start.Hour * 60 + request.Start.Minute;
        var candidate = new Candidate(patientId, therapy, table, request.Date, start, minutes, request.Resource.ToString());

        // Hard rules: the day's bookings and the new placement without the patient's stated availability.
        var (hard, _) = await CheckAsync(siteId, request, candidate, withAvailability: false, ct);
        var (all, built) = await CheckAsync(siteId, request, candidate, withAvailability: true, ct);
        var soft = all.Where(x => !hard.Any(h => h.Text == x.Text)).ToList();
        if (course is { Pattern.Kind: SessionPatternKind.Weekdays } && moving is not null && time.Local(moving.Start).Date != request.Date)
            soft.Add(new Refusal("series", [], "This course runs on consecutive open days; moving a session to another day breaks the series."));
        if (course is not null && request.Date < course.EarliestStart)
            soft.Add(new Refusal("before-start", [$"{course.EarliestStart:uuuu-MM-dd}"], $"The course may start on {course.EarliestStart:uuuu-MM-dd} at the earliest."));
        var overrideReason = string.IsNullOrWhiteSpace(request.OverrideReason) ? null : Require.Text(request.OverrideReason, "overrideReason", 500);
        if (hard.Count > 0 || (soft.Count > 0 && overrideReason is null)) return new PlaceVerdict(false, null, hard, soft);

        var slot = new Interval(time.ToInstant(request.Date.At(request.Start)), time.ToInstant(request.Date.At(request.Start)) + Duration.FromMinutes(minutes));
        // The staff the instance gave the placement (with the patient's availability, as the candidate is booked).
        var staff = built.Instance.Fixed.First(f => f.Course == ClinicInstance.CandidateCourse).Staff;
        var appointment = moving;
        if (appointment is null)
        {
            var done = await db.Appointments.CountAsync(a => a.CourseId == course!.Id && a.Status != AppointmentStatus.Cancelled, ct);
            appointment = Appointment.Book(patientId, siteId, therapy, chamber?.Id, room?.Id, slot, actor.Name, time.Now);
            appointment.AssignToCourse(course!.Id, done + 1);
            db.Appointments.Add(appointment);
        }
        else
        {
            appointment.Move(chamber?.Id, room?.Id, slot);
        }
        var seat = await new SeatPlan(db).NextAsync(chamber, slot.Start, appointment.Id, ct);
        appointment.Place(seat, table, staff, soft.Count > 0 ? overrideReason : null);
        await db.SaveChangesAsync(ct);
        return new PlaceVerdict(true, appointment.Id, [], soft);
    }

    private async Task<(List<Refusal> Refusals, ClinicInstance Built)> CheckAsync(Guid siteId, PlaceRequest request, Candidate candidate, bool withAvailability, CancellationToken ct)
    {
        var built = await ClinicInstance.BuildAsync(db, time, siteId, request.Date, 1, null, request.AppointmentId, candidate with { WithAvailability = withAvailability }, ct);
        var problem = SchedulingProblem.Compile(built.Instance);
        var sessions = built.Instance.Fixed.Select(f =>
        {
            var course = built.Instance.Courses.First(c => c.Id == f.Course);
            var minutes = built.Instance.Treatments.First(t => t.Id == course.Treatment).Minutes;
            var s = f.Start.Hour * 60 + f.Start.Minute;
            return new ScheduledSession(f.Course, f.Index, f.Date, s, s + minutes, f.Resource, f.Staff);
        });
        var result = ScheduleResult.Create(problem, ScheduleStatus.Feasible, sessions, [], 0, default);
        return ([.. Checker.Validate(problem, result).Select(v => Explain(v, built))], built);
    }

    /// <summary>The checker's violation as a refusal, with ids replaced by names, so that the page can explain it in the
    /// reader's language: the checker's code and subject where it gives them, else the rule number and the message.</summary>
    internal static Refusal Explain(Violation v, ClinicInstance built)
    {
        string Named(string text)
        {
            foreach (var (id, name) in built.Names.Where(n => n.Key.Length >= 36).OrderByDescending(n => n.Key.Length))
                text = text.Replace(id, name, StringComparison.Ordinal);
            return text.Replace(ClinicInstance.CandidateCourse, "the new placement", StringComparison.Ordinal);
        }
        var text = Named(v.Message);
        return v.Code is { } code
            ? new Refusal(code, v.Subject is { } subject ? [Named(subject)] : [], text)
            : new Refusal("rule", [v.Rule.ToString(System.Globalization.CultureInfo.InvariantCulture), text], text);
    }

    /// <summary>Whether the database refused a write for a unique index (SQLite constraint, PostgreSQL 23505).</summary>
    internal static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" };

    private static bool IsTransient(Exception ex) =>
        (ex as Microsoft.Data.Sqlite.SqliteException ?? ex.InnerException as Microsoft.Data.Sqlite.SqliteException) is { SqliteErrorCode: 5 or 6 };
}

/// <summary>A session being booked or moved, added to an instance as a fixed session so that the checker judges it.</summary>
public sealed record Candidate(Guid PatientId, string Therapy, string? Table, LocalDate Date, int Start, int Minutes, string Resource, bool WithAvailability = true);
