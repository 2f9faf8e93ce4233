using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Outcomes.Statistics;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Outcomes;

/// <summary>Analytics filters: courses starting in [From, To], at a site, prescribed by a physician (all optional).</summary>
public sealed record AnalyticsFilter(LocalDate? From = null, LocalDate? To = null, Guid? SiteId = null, string? Physician = null);

public sealed record AnalyticsOptions(IReadOnlyList<(Guid Id, string Name)> Sites, IReadOnlyList<string> Physicians);

public sealed record OutcomeAnalytics(AnalyticsFilter Filter, IReadOnlyList<CohortReport> Reports, AnalyticsOptions Options);

/// <summary>
/// Clinic analytics per therapy × condition × measure, built from the database: every course with a measurement plan
/// contributes its baseline and latest follow-up score per instrument, its sessions held, its adverse events and whether
/// and when a joint replacement or surgery followed. The statistics and the small-number suppression are
/// <see cref="CohortAnalytics"/>'s.
/// </summary>
public sealed class AnalyseOutcomes(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    private const double DaysPerMonth = 30.4375;

    public async Task<OutcomeAnalytics> HandleAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "OutcomeAnalytics", null, null,
            $"from={filter.From};to={filter.To};site={filter.SiteId};physician={filter.Physician}"));
        await db.SaveChangesAsync(ct);
        var records = await RecordsAsync(filter, ct);
        var sites = (await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToArray();
        var physicians = await db.Courses.AsNoTracking().Select(c => c.PrescribedBy).Distinct().OrderBy(p => p).ToListAsync(ct);
        return new OutcomeAnalytics(filter, CohortAnalytics.Summarise(records), new AnalyticsOptions(sites, physicians));
    }

    /// <summary>One record per planned course and instrument of its plan.</summary>
    public async Task<IReadOnlyList<PatientCourseRecord>> RecordsAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var query = from plan in db.MeasurementPlans.AsNoTracking()
                    join course in db.Courses.AsNoTracking() on plan.CourseId equals course.Id
                    where course.Status != CourseStatus.Draft
                    select new { plan, course };
        if (filter.SiteId is { } site) query = query.Where(x => x.course.SiteId == site);
        if (!string.IsNullOrWhiteSpace(filter.Physician)) query = query.Where(x => x.course.PrescribedBy == filter.Physician);
        var rows = await query.ToListAsync(ct);
        if (rows.Count == 0) return [];

        var courseIds = rows.Select(r => r.course.Id).ToArray();
        var patientIds = rows.Select(r => r.course.PatientId).Distinct().ToArray();
        var sessions = await CourseSessions.SessionDatesAsync(db, time, courseIds, ct);
        var now = time.Now;
        var held = (await db.Appointments.AsNoTracking()
                .Where(a => a.CourseId != null && courseIds.Contains(a.CourseId.Value) && a.Start <= now
                    && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
                .Select(a => a.CourseId!.Value).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var scores = await db.OutcomeScores.AsNoTracking()
            .Where(s => s.CourseId != null && courseIds.Contains(s.CourseId.Value) && s.Score != null && s.VoidedAt == null && s.SupersededAt == null)
            .Select(s => new { CourseId = s.CourseId!.Value, s.InstrumentId, s.EffectiveAt, s.MeasurementPoint, Score = s.Score!.Value })
            .ToListAsync(ct);
        var surgeries = await db.SurgeryEvents.AsNoTracking()
            .Where(e => patientIds.Contains(e.PatientId) && e.VoidedAt == null && e.SupersededAt == null)
            .Select(e => new { e.PatientId, e.Date, e.CourseId }).ToListAsync(ct);
        // Hyperbaric events belong to the course; injection and cell-therapy events to a procedure of the course.
        var adverse = (await db.HbotAdverseEvents.AsNoTracking().Where(e => courseIds.Contains(e.CourseId)).Select(e => e.CourseId).ToListAsync(ct))
            .Concat(await (from e in db.AdverseEvents.AsNoTracking()
                           join p in db.ProcedureRecords on e.ProcedureId equals p.Id
                           where courseIds.Contains(p.CourseId)
                           select p.CourseId).ToListAsync(ct))
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var today = time.Today;

        var records = new List<PatientCourseRecord>();
        foreach (var (plan, course) in rows.Select(r => (r.plan, r.course)))
        {
            var dates = CourseSessions.Dates(course, sessions.GetValueOrDefault(course.Id, []));
            if (filter.From is { } from && dates.Start < from) continue;
            if (filter.To is { } to && dates.Start > to) continue;
            var courseScores = scores.Where(s => s.CourseId == course.Id).OrderBy(s => s.EffectiveAt).ToArray();
            // Censored at last contact: the latest session held or questionnaire returned.
            var lastContact = dates.SessionDates.Where(d => d <= today).DefaultIfEmpty(dates.Start).Max();
            if (courseScores.Length > 0) lastContact = Max(lastContact, time.Local(courseScores[^1].EffectiveAt).Date);
            var surgery = surgeries.Where(s => s.PatientId == course.PatientId && s.Date >= dates.Start && (s.CourseId == null || s.CourseId == course.Id))
                .OrderBy(s => s.Date).FirstOrDefault();
            var survival = surgery is not null
                ? new SurvivalObservation(Months(dates.Start, surgery.Date), true)
                : new SurvivalObservation(Months(dates.Start, Max(lastContact, dates.Start)), false);
            foreach (var instrument in plan.InstrumentIds)
            {
                var series = courseScores.Where(s => s.InstrumentId == instrument).ToArray();
                var baseline = series.FirstOrDefault(s => s.MeasurementPoint == "baseline") ?? series.FirstOrDefault();
                var followUp = series.LastOrDefault(s => baseline is not null && s.EffectiveAt > baseline.EffectiveAt);
                records.Add(new PatientCourseRecord(course.PatientId.ToString(), course.Therapy, plan.Condition, instrument,
                    baseline?.Score, followUp?.Score, course.Status == CourseStatus.Completed, held.GetValueOrDefault(course.Id),
                    adverse.GetValueOrDefault(course.Id), survival));
            }
        }
        return records;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static double Months(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days / DaysPerMonth;
}
