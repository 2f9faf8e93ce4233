using Microsoft.EntityFrameworkCore;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Outcomes;

/// <summary>Clinic-wide list of measurement points that are due or overdue today. Shows who and when, never a score,
/// so the front desk can use it to hand out questionnaire links.</summary>
public sealed class ListDueMeasurements(ClinicDb db, ClinicTime time)
{
    public async Task<IReadOnlyList<DueMeasurement>> HandleAsync(Guid? siteId = null, CancellationToken ct = default)
    {
        var today = time.Today;
        var plans = await (
            from plan in db.MeasurementPlans.AsNoTracking()
            join course in db.Courses.AsNoTracking() on plan.CourseId equals course.Id
            join patient in db.Patients.AsNoTracking() on course.PatientId equals patient.Id
            where course.Status != CourseStatus.Cancelled && course.Status != CourseStatus.Draft
            where siteId == null || course.SiteId == siteId
            select new { plan, course, patient.FamilyName, patient.GivenName, patient.RecordNumber })
            .ToListAsync(ct);
        if (plans.Count == 0) return [];
        var courseIds = plans.Select(p => p.course.Id).ToArray();
        var sessions = await CourseSessions.SessionDatesAsync(db, time, courseIds, ct);
        var done = (await db.OutcomeScores.AsNoTracking()
                .Where(s => s.CourseId != null && courseIds.Contains(s.CourseId.Value) && s.MeasurementPoint != null && s.VoidedAt == null)
                .Select(s => new { CourseId = s.CourseId!.Value, Point = s.MeasurementPoint! })
                .ToListAsync(ct))
            .GroupBy(x => x.CourseId).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(x => x.Point).ToHashSet(StringComparer.Ordinal));

        var due = new List<DueMeasurement>();
        foreach (var row in plans)
        {
            var dates = CourseSessions.Dates(row.course, sessions.GetValueOrDefault(row.course.Id, []));
            var completed = done.GetValueOrDefault(row.course.Id, new HashSet<string>());
            foreach (var (point, status) in row.plan.Rules.StatusAt(dates, today, completed))
            {
                if (status is not (MeasurementStatus.Due or MeasurementStatus.Overdue)) continue;
                due.Add(new DueMeasurement(row.course.PatientId, $"{row.FamilyName}, {row.GivenName}", row.RecordNumber, row.course.Id, row.course.Therapy,
                    row.plan.Condition, point.Key, point.Kind, point.DueOn, point.WindowCloses, status, row.plan.InstrumentIds));
            }
        }
        return due.OrderByDescending(d => d.Status).ThenBy(d => d.DueOn).ThenBy(d => d.PatientName, StringComparer.Ordinal).ToArray();
    }
}
