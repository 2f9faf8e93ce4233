using Microsoft.EntityFrameworkCore;
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
        course.Cancel(reason);
        var now = time.Now;
        var coming = await db.Appointments.Where(a => a.CourseId == courseId && a.Status == AppointmentStatus.Booked && a.Start > now).ToListAsync(ct);
        foreach (var appointment in coming) appointment.Cancel();
        db.AuditEntries.Add(AuditEntry.Create(actor, now, "course-cancel", nameof(TreatmentCourse), course.Id.ToString(), course.PatientId,
            $"{coming.Count} booked session(s) cancelled"));
        await db.SaveChangesAsync(ct);
        return coming.Count;
    }
}
