using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Hyperbaric;

/// <summary>Shared reads of an HBOT course: the course itself, the sessions completed and whether an adverse event pauses it.</summary>
internal static class HbotCourses
{
    public const string Therapy = "hbot";

    public static async Task<TreatmentCourse> FindAsync(ClinicDb db, Guid courseId, CancellationToken ct) =>
        await db.Courses.FirstOrDefaultAsync(c => c.Id == courseId && c.Therapy == Therapy, ct)
        ?? throw new DomainException("hbot.course-not-found", "No HBOT course with this id.", "courseId");

    public static Task<int> SessionsDoneAsync(ClinicDb db, Guid courseId, CancellationToken ct) =>
        (from c in db.PreDiveChecklists
         where c.CourseId == courseId && c.DiveId != null
         join d in db.HbotDives on c.DiveId equals d.Id
         where d.Status == DiveStatus.Surfaced
         select c.Id).CountAsync(ct);

    public static async Task<CoursePauseStatus> PauseAsync(ClinicDb db, Guid courseId, CancellationToken ct)
    {
        var records = await db.HbotAdverseEvents.AsNoTracking().Where(e => e.CourseId == courseId).ToListAsync(ct);
        return Pause(records);
    }

    /// <summary>Each clearance clears the event it was written for (and, per <see cref="CoursePause"/>, any earlier one).</summary>
    public static CoursePauseStatus Pause(IReadOnlyList<HbotAdverseEventRecord> records) =>
        CoursePause.Evaluate(records.Where(r => r.ClearedAt is null).Select(r => r.ToDomain()), records.Select(r => r.Clearance).OfType<PhysicianClearance>());

    public static void EnsureOpen(TreatmentCourse course)
    {
        if (course.Status is CourseStatus.Cancelled or CourseStatus.Completed)
            throw new DomainException("hbot.course-closed", $"This course is {course.Status}.", "courseId");
    }
}
