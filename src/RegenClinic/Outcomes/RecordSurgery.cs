using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Outcomes;

/// <summary>Records a joint replacement or other surgery: the event of the time-to-surgery analysis.</summary>
public sealed class RecordSurgery(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid patientId, LocalDate date, string procedure, bool jointReplacement, Guid? courseId, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
            throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        if (courseId is { } id && !await db.Courses.AnyAsync(c => c.Id == id && c.PatientId == patientId, ct))
            throw new DomainException("course.not-found", "No such course for this patient.", "courseId");
        var entry = SurgeryEvent.Record(patientId, date, procedure, jointReplacement, courseId, actor.Name, time.Now, time.Today);
        db.SurgeryEvents.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }
}
