using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Outcomes;

/// <summary>The dates a course's measurement plan is laid over: its booked (not cancelled) sessions; a course with none
/// yet starts on its target or earliest start.</summary>
internal static class CourseSessions
{
    public static async Task<Dictionary<Guid, LocalDate[]>> SessionDatesAsync(ClinicDb db, ClinicTime time, IReadOnlyCollection<Guid> courseIds, CancellationToken ct)
    {
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.CourseId != null && courseIds.Contains(a.CourseId.Value) && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { CourseId = a.CourseId!.Value, a.Start, a.Status })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CourseId).ToDictionary(g => g.Key, g => g.Select(r => time.Local(r.Start).Date).Order().ToArray());
    }

    public static CourseDates Dates(TreatmentCourse course, IReadOnlyList<LocalDate> sessions) =>
        sessions.Count == 0
            ? new CourseDates(course.TargetStart ?? course.EarliestStart, course.TargetStart ?? course.EarliestStart, [])
            : new CourseDates(sessions[0], sessions[^1], sessions);
}
