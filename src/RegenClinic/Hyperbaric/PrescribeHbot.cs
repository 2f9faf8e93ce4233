using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Hyperbaric;

/// <param name="TwiceDaily">Two sessions a day at least 4 hours apart (clinical-reference §4); otherwise one a day, 5 days a week.</param>
public sealed record HbotPrescription(Guid PatientId, string TableId, int Sessions, bool TwiceDaily, string Goals, NodaTime.LocalDate EarliestStart);

/// <summary>A physician's HBOT prescription: a treatment course of therapy hbot whose protocol is a schedulable table.</summary>
public sealed class PrescribeHbot(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(HbotPrescription request, CancellationToken ct = default)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == request.PatientId, ct)
            ?? throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        var table = await StoredTreatmentTables.FindAsync(db, request.TableId, ct)
            ?? throw new DomainException("treatment-table.unknown", $"Unknown treatment table '{request.TableId}'.", "tableId");
        if (!table.IsSchedulableAsCourse)
            throw new DomainException("hbot.table-not-schedulable", $"{table.Id} is {(table.EmergencyOnly ? "an emergency table" : "retired")}: it cannot be prescribed as a course.", "tableId");
        if (request.EarliestStart < time.Today)
            throw new DomainException("hbot.start-in-past", "The course cannot start in the past.", "earliestStart");
        var pattern = request.TwiceDaily ? SessionPattern.Weekdays(2, 240) : SessionPattern.Weekdays(1);
        var course = TreatmentCourse.Prescribe(patient.Id, patient.SiteId, HbotCourses.Therapy, table.Id, request.Sessions, pattern,
            request.EarliestStart, null, 2, request.Goals, actor.Name, time.Now);
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return course.Id;
    }
}
