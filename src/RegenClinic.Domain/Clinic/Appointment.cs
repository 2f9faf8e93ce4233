using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Clinic;

public enum AppointmentStatus { Booked, Arrived, Completed, Cancelled, NoShow }

/// <summary>A booked session of a therapy on a chamber or room. Capacity is enforced by the database, not by a prior read.</summary>
public sealed class Appointment
{
    private Appointment() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public Guid SiteId { get; private set; }
    /// <summary>The course this session belongs to and its 1-based place in it, when booked from a course.</summary>
    public Guid? CourseId { get; private set; }
    public int? SessionIndex { get; private set; }
    /// <summary>Therapy id of clinical-reference §1 (hbot, prolotherapy, ...).</summary>
    public string Therapy { get; private set; } = "";
    public Guid? ChamberId { get; private set; }
    public Guid? RoomId { get; private set; }
    public Instant Start { get; private set; }
    public Instant End { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public string BookedBy { get; private set; } = "";
    public Instant BookedAt { get; private set; }
    /// <summary>Seat in the chamber (1 on a monoplace; 1…seats in a multiplace dive); null for a room. A unique index on
    /// (chamber, start, seat) over non-cancelled appointments makes a second booking of the same seat fail in the database.</summary>
    public int? Seat { get; private set; }
    /// <summary>Treatment table of a chamber session; every occupant of a multiplace dive shares it.</summary>
    public string? Table { get; private set; }
    /// <summary>Staff user ids attending (the chamber operator, the injecting physician).</summary>
    public List<string> Staff { get; private set; } = [];
    /// <summary>Why a soft scheduling rule was overridden for this booking (null when none was).</summary>
    public string? OverrideReason { get; private set; }

    public static Appointment Book(Guid patientId, Guid siteId, string therapy, Guid? chamberId, Guid? roomId, Interval slot, string by, Instant at)
    {
        if ((chamberId is null) == (roomId is null))
            throw new DomainException("appointment.resource", "An appointment takes exactly one chamber or one room.", "resource");
        if (slot.Duration <= Duration.Zero) throw new DomainException("appointment.empty", "An appointment must end after it starts.", "end");
        return new Appointment
        {
            PatientId = patientId, SiteId = siteId, Therapy = Require.Text(therapy, "therapy", 40), ChamberId = chamberId, RoomId = roomId,
            Start = slot.Start, End = slot.End, Status = AppointmentStatus.Booked, BookedBy = by, BookedAt = at,
        };
    }

    /// <summary>Places the session: its chamber seat and table (chamber sessions) and its staff. Seats count from 1.</summary>
    public void Place(int? seat, string? table, IEnumerable<string> staff, string? overrideReason)
    {
        if (ChamberId is not null && seat is not >= 1) throw new DomainException("appointment.seat", "A chamber session needs a seat (from 1).", "seat");
        if (ChamberId is null && seat is not null) throw new DomainException("appointment.seat", "A room session has no seat.", "seat");
        (Seat, Table, Staff, OverrideReason) = (seat, table, [.. staff], string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim());
    }

    /// <summary>Gives up the chamber seat and the room while a confirmed plan re-places sessions, so that two bookings can
    /// swap rooms or seats (the unique indexes check every row as it is written). The plan moves it again with
    /// <see cref="Move"/> in the same transaction; nothing is committed in between.</summary>
    public void ReleasePlace()
    {
        if (Status != AppointmentStatus.Booked) throw new DomainException("appointment.not-booked", "Only a booked session can be moved.");
        (Seat, RoomId) = (null, null);
    }

    /// <summary>Moves a booked session to another slot and resource; the caller has checked the scheduling rules.</summary>
    public void Move(Guid? chamberId, Guid? roomId, Interval slot)
    {
        if (Status != AppointmentStatus.Booked) throw new DomainException("appointment.not-booked", "Only a booked session can be moved.");
        if ((chamberId is null) == (roomId is null))
            throw new DomainException("appointment.resource", "An appointment takes exactly one chamber or one room.", "resource");
        if (slot.Duration <= Duration.Zero) throw new DomainException("appointment.empty", "An appointment must end after it starts.", "end");
        (ChamberId, RoomId, Start, End) = (chamberId, roomId, slot.Start, slot.End);
    }

    public void AssignToCourse(Guid courseId, int sessionIndex)
    {
        if (sessionIndex < 1) throw new DomainException("appointment.session-index", "Session index counts from 1.", "sessionIndex");
        (CourseId, SessionIndex) = (courseId, sessionIndex);
    }

    public void Cancel() =>
        Status = Status == AppointmentStatus.Completed
            ? throw new DomainException("appointment.completed", "A completed session cannot be cancelled.")
            : AppointmentStatus.Cancelled;
}
