using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Outcomes;

/// <summary>Attaches a measurement plan to a treatment course (one per course).</summary>
public sealed class PlanMeasurements(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid courseId, string condition, IReadOnlyList<string> instruments, int everyNSessions, CancellationToken ct = default)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct)
            ?? throw new DomainException("course.not-found", "No course with this id.", "courseId");
        if (await db.MeasurementPlans.AnyAsync(p => p.CourseId == courseId, ct))
            throw new DomainException("outcomes.plan-exists", "This course already has a measurement plan.", "courseId");
        var plan = CourseMeasurementPlan.Create(course.Id, course.PatientId, condition, instruments, everyNSessions, actor.Name, time.Now);
        db.MeasurementPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }
}
