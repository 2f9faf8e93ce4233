using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;

namespace RegenClinic.Scheduling;

public sealed record ConfirmedSchedule(int Booked, int Moved, int Cancelled, IReadOnlyList<Guid> PatientsToTell);

/// <summary>
/// A person confirms a checked proposal into appointments, in one transaction: new sessions of courses are booked,
/// moved bookings are moved, bookings the plan could not keep are cancelled, and a repair's change is applied. The
/// proposal must still match what is booked (else: propose again), and the unique seat and room indexes refuse any
/// double booking that slipped in between.
/// </summary>
public sealed class ConfirmSchedule(ClinicDb db, ClinicActor actor, ClinicTime time, ViewSchedule view)
{
    public async Task<ConfirmedSchedule> HandleAsync(Guid runId, CancellationToken ct = default)
    {
        var run = await db.ScheduleRuns.FirstOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new DomainException("schedule.run-not-found", "No such schedule run.", "id");
        if (run.Status != ScheduleRunStatus.Ready) throw new DomainException("schedule.not-ready", $"A {run.Status} run cannot be confirmed.");
        var (built, result, violations) = await view.LoadAsync(run, ct);
        if (violations.Count > 0) throw new DomainException("schedule.checker-refused", "The checker refused this proposal: " + violations[0]);
        if (ScheduleRunner.Fingerprint(built.BookedSessions) != run.BookedFingerprint)
            throw new DomainException("schedule.stale", "Bookings have changed since this proposal was made; propose again.");

        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == run.SiteId, ct);
        var chambers = await db.Chambers.Where(c => c.SiteId == run.SiteId).ToDictionaryAsync(c => c.Id.ToString(), ct);
        var courses = built.Instance.Courses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var treatments = built.Instance.Treatments.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var planned = result.Sessions.Select(s => s.Course).Distinct().Select(ClinicInstance.AppointmentOf).OfType<Guid>().ToList();
        var lost = result.Unscheduled.Select(u => ClinicInstance.AppointmentOf(u.Course)).OfType<Guid>().ToList();
        var touched = planned.Concat(lost).ToList();
        var appointments = await db.Appointments.Where(a => touched.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        // Bookings this plan moves give up their seat and room, and the ones it cancels (and a repair's cancelled session)
        // are cancelled, in a save of their own inside the same transaction: the unique indexes check each row as it is
        // written, so two bookings can swap rooms or seats, while a booking someone else made in between still collides.
        var staying = result.Sessions
            .Where(s => ClinicInstance.AppointmentOf(s.Course) is { } id && appointments[id].Start == ClinicInstance.SlotOf(time, s).Start
                && (appointments[id].ChamberId?.ToString() ?? appointments[id].RoomId?.ToString()) == s.Resource)
            .Select(s => ClinicInstance.AppointmentOf(s.Course)!.Value).ToHashSet();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tell = new HashSet<Guid>();
        int booked = 0, moved = 0, cancelled = 0;
        foreach (var id in planned.Where(id => !staying.Contains(id))) appointments[id].ReleasePlace();
        foreach (var id in lost)
        {
            appointments[id].Cancel();
            tell.Add(appointments[id].PatientId);
            cancelled++;
        }
        await ApplyChangeAsync(run, tell, ct);
        await db.SaveChangesAsync(ct);
        var seats = new SeatPlan(db);
        foreach (var s in result.Sessions)
        {
            var course = courses[s.Course];
            var treatment = treatments[course.Treatment];
            var slot = ClinicInstance.SlotOf(time, s);
            var chamber = chambers.GetValueOrDefault(s.Resource);
            Guid? chamberId = chamber?.Id, roomId = chamber is null ? Guid.Parse(s.Resource) : null;
            if (ClinicInstance.AppointmentOf(s.Course) is { } appointmentId)
            {
                var a = appointments[appointmentId];
                if (staying.Contains(appointmentId))
                {
                    // Same place and time; the staff may change (a repair for a staff member who is off).
                    if (s.Staff.Count > 0 && !a.Staff.SequenceEqual(s.Staff)) a.Place(a.Seat ?? await seats.NextAsync(chamber, slot.Start, a.Id, ct), a.Table ?? treatment.Table, s.Staff, a.OverrideReason);
                    continue;
                }
                a.Move(chamberId, roomId, slot);
                a.Place(await seats.NextAsync(chamber, slot.Start, a.Id, ct), treatment.Table, s.Staff, null);
                moved++;
                tell.Add(a.PatientId);
            }
            else if (ClinicInstance.FollowUpOf(s.Course) is not null)
            {
                // A follow-up visit after a cell-therapy procedure: its own appointment, found again by its therapy and window.
                var a = Appointment.Book(Guid.Parse(course.Patient), site.Id, treatment.Therapy, chamberId, roomId, slot, actor.Name, time.Now);
                a.Place(null, null, s.Staff, null);
                db.Appointments.Add(a);
                booked++;
                if (run.Kind == ScheduleRunKind.Repair) tell.Add(a.PatientId);
            }
            else
            {
                var courseId = Guid.Parse(s.Course);
                var done = await db.Appointments.CountAsync(a => a.CourseId == courseId && a.Status != AppointmentStatus.Cancelled, ct);
                var a = Appointment.Book(Guid.Parse(course.Patient), site.Id, treatment.Therapy, chamberId, roomId, slot, actor.Name, time.Now);
                a.AssignToCourse(courseId, done + s.Index);
                a.Place(await seats.NextAsync(chamber, slot.Start, a.Id, ct), treatment.Table, s.Staff, null);
                db.Appointments.Add(a);
                booked++;
                if (run.Kind == ScheduleRunKind.Repair) tell.Add(a.PatientId);
            }
        }
        run.Confirm(actor.Name, time.Now);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("schedule.conflict", "Another booking took a place this proposal uses; nothing was saved. Propose again.");
        }
        return new ConfirmedSchedule(booked, moved, cancelled, [.. tell]);
    }

    private async Task ApplyChangeAsync(ScheduleRun run, HashSet<Guid> tell, CancellationToken ct)
    {
        switch (ScheduleChange.Decode(run.Change))
        {
            case ScheduleChange.CancelSession c:
                var appointment = await db.Appointments.FirstAsync(a => a.Id == c.AppointmentId, ct);
                if (appointment.Status != AppointmentStatus.Cancelled) appointment.Cancel();
                tell.Add(appointment.PatientId);
                break;
            case ScheduleChange.PatientMissesDay m:
                var availability = await db.PatientAvailabilities.FirstOrDefaultAsync(a => a.PatientId == m.PatientId, ct);
                if (availability is null) db.PatientAvailabilities.Add(availability = PatientAvailability.For(m.PatientId));
                availability.AddUnavailable(m.Date);
                break;
            case ScheduleChange.StaffUnavailable u:
                var recorded = await db.StaffOffDays.Where(d => d.SiteId == run.SiteId && d.StaffUserId == u.StaffUserId && d.Date >= u.From && d.Date <= u.To)
                    .Select(d => d.Date).ToListAsync(ct);
                foreach (var date in u.Dates.Except(recorded))
                    db.StaffOffDays.Add(StaffOffDay.Create(run.SiteId, u.StaffUserId, date, $"Unavailable: schedule repair confirmed by {actor.Name}"));
                break;
            case ScheduleChange.ChamberOutOfService o:
                var chamber = await db.Chambers.FirstAsync(x => x.Id == o.ChamberId, ct);
                if (chamber.Status == EquipmentStatus.InService) chamber.SetStatus(EquipmentStatus.OutOfService, $"Out of service: schedule repair confirmed by {actor.Name}");
                break;
        }
    }
}

/// <summary>Chooses seats: the lowest seat not taken by a live appointment at that chamber and start, nor by one placed in this unit of work.</summary>
internal sealed class SeatPlan(ClinicDb db)
{
    private readonly Dictionary<(Guid, Instant), HashSet<int>> taken = [];

    /// <summary>The seat for <paramref name="self"/> in <paramref name="chamber"/>'s dive at <paramref name="start"/>; null for a room (no chamber).</summary>
    public async Task<int?> NextAsync(Domain.Clinic.Chamber? chamber, Instant start, Guid self, CancellationToken ct)
    {
        if (chamber is null) return null;
        var chamberId = chamber.Id;
        if (!taken.TryGetValue((chamberId, start), out var set))
        {
            var used = await db.Appointments.AsNoTracking()
                .Where(a => a.ChamberId == chamberId && a.Start == start && a.Status != AppointmentStatus.Cancelled && a.Id != self && a.Seat != null)
                .Select(a => a.Seat!.Value).ToListAsync(ct);
            taken[(chamberId, start)] = set = [.. used];
        }
        for (var seat = 1; seat <= chamber.Seats; seat++)
        {
            if (set.Add(seat)) return seat;
        }
        throw new DomainException("appointment.dive-full", "Every seat of this dive is taken.", "start");
    }
}
