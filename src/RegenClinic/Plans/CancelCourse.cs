using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Plans;

/// <summary>A physician closes a draft or active course without completing it (the in-person screening found the therapy
/// unsafe, the patient stopped): the course is cancelled with its reason and its sessions still to come are cancelled in the
/// same save, so they free their chamber seats and rooms. Sessions already given are kept.</summary>
public sealed class CancelCourse(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <returns>How many booked sessions were cancelled.</returns>
    public async Task<int> HandleAsync(Guid courseId, string reason, CancellationToken ct = default)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == courseId, ct)
            ?? throw new DomainException("course.not-found", "No such course.", "courseId");
        var now = time.Now;
        var cancelled = await CloseAsync(db, course, reason, now, ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, now, AuditActions.CourseCancel, nameof(TreatmentCourse), course.Id.ToString(), course.PatientId,
            $"{cancelled} booked session(s) cancelled"));
        await db.SaveChangesAsync(ct);
        return cancelled;
    }

    /// <summary>Cancels the course and its booked sessions still to come without saving, so that a caller (a withdrawn travel
    /// enquiry) saves them with its own change; returns how many sessions.</summary>
    internal static async Task<int> CloseAsync(ClinicDb db, TreatmentCourse course, string reason, Instant now, CancellationToken ct)
    {
        course.Cancel(reason);
        var coming = await db.Appointments.Where(a => a.CourseId == course.Id && a.Status == AppointmentStatus.Booked && a.Start > now).ToListAsync(ct);
        foreach (var appointment in coming) appointment.Cancel();
        return coming.Count;
    }
}
