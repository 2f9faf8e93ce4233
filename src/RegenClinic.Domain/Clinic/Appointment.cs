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
