using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Plans;

/// <summary>A generic prescription for any therapy: the protocol in words, N sessions, their spacing, the earliest start and the goals.</summary>
public sealed record CoursePrescription(
    string Therapy, string Protocol, int Sessions, SessionPatternKind Pattern, LocalDate EarliestStart, string Goals,
    int PerDay = 1, int MinDays = 0, int MaxDays = 0, int Priority = 2);

/// <summary>Writes a draft course; it becomes active only through <see cref="StartCourse"/>.</summary>
public sealed class PrescribeCourse(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid patientId, CoursePrescription p, CancellationToken ct = default)
    {
        var siteId = await db.Patients.Where(x => x.Id == patientId).Select(x => (Guid?)x.SiteId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        if (!TherapyId.All.Any(t => t.Value == p.Therapy)) throw new DomainException("eligibility.unknown-therapy", $"Unknown therapy '{p.Therapy}'.", "therapy");
        if (p.EarliestStart < time.Today) throw new DomainException("course.start-past", "The earliest start cannot be in the past.", "earliestStart");
        var pattern = p.Pattern switch
        {
            SessionPatternKind.Weekdays => SessionPattern.Weekdays(p.PerDay),
            SessionPatternKind.Interval => SessionPattern.Interval(p.MinDays, p.MaxDays),
            SessionPatternKind.Single => SessionPattern.Single,
            _ => throw new DomainException("field.invalid", "Unknown session pattern.", "pattern"),
        };
        var course = TreatmentCourse.Prescribe(patientId, siteId, p.Therapy, p.Protocol, p.Sessions, pattern, p.EarliestStart, null, p.Priority, p.Goals, actor.Name, time.Now);
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return course.Id;
    }
}
