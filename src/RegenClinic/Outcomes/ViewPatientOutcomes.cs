using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Outcomes;

/// <summary>The outcomes section of a chart: one plot per measure with the treatment sessions and the meaningful-change
/// band, and the ARCO / AAOMS stages over time. A read of patient data, so it is audited.</summary>
public sealed class ViewPatientOutcomes(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <summary>Fits the text width of an A4 page at 96 dpi (about 720 px), so the plot prints without clipping.</summary>
    public const int PrintWidth = 700;
    public const int PrintHeight = 400;

    public async Task<PatientOutcomes> HandleAsync(Guid patientId, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
            throw new Domain.Common.DomainException("patient.not-found", "No patient with this id.", "id");
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Outcomes", patientId.ToString(), patientId, null));
        await db.SaveChangesAsync(ct);

        var scores = (await db.OutcomeScores.AsNoTracking()
                .Where(s => s.PatientId == patientId && s.VoidedAt == null && s.SupersededAt == null)
                .ToListAsync(ct))
            .OrderBy(s => s.EffectiveAt).ToList();
        var sessions = (await db.Appointments.AsNoTracking()
                .Where(a => a.PatientId == patientId && a.Status != AppointmentStatus.Cancelled)
                .Select(a => a.Start).ToListAsync(ct))
            .Select(s => time.Local(s).Date)
            // Injection and cell-therapy sessions are treatment sessions too (charted procedures, amended or voided ones excepted).
            .Concat(await db.ProcedureRecords.AsNoTracking()
                .Where(p => p.PatientId == patientId && p.VoidedAt == null && p.SupersededAt == null).Select(p => p.ProcedureDate).ToListAsync(ct))
            .Distinct().Order().ToArray();
        var stages = await StagesAsync(patientId, ct);
        StageSeries[] stageSeries = [.. stages.Select(t => new StageSeries(t.Scale, [.. t.Points.Select(p => new StageObservation(p.Date, t.Scale.Parse(p.Stage)))]))];

        var measures = scores.Where(s => s.Score is not null).GroupBy(s => s.InstrumentId)
            .Select(g =>
            {
                var instrument = Instruments.Get(g.Key);
                var views = g.Select(s => s.ToView(time)).ToArray();
                var svg = OutcomePlots.MeasureOverTime(instrument, views.Select(v => new MeasuredScore(v.Date, v.Score!.Value)).ToArray(), sessions,
                    PrintWidth, PrintHeight, stageSeries);
                return new MeasureSeries(instrument, views, svg);
            })
            .OrderBy(m => Instruments.All.ToList().IndexOf(m.Instrument)).ToArray();
        var notScored = scores.Where(s => s.Score is null).Select(s => s.ToView(time)).ToArray();

        var surgeries = await db.SurgeryEvents.AsNoTracking().Where(e => e.PatientId == patientId && e.VoidedAt == null && e.SupersededAt == null)
            .OrderBy(e => e.Date).Select(e => new SurgeryView(e.Date, e.Procedure, e.JointReplacement)).ToListAsync(ct);
        return new PatientOutcomes(measures, sessions, stages, notScored, await CoursesAsync(patientId, scores, ct), surgeries);
    }

    private async Task<IReadOnlyList<CourseOutcomePlan>> CoursesAsync(Guid patientId, IReadOnlyList<Domain.Outcomes.Records.OutcomeScore> scores, CancellationToken ct)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.EarliestStart).ToListAsync(ct);
        if (courses.Count == 0) return [];
        var ids = courses.Select(c => c.Id).ToArray();
        var plans = await db.MeasurementPlans.AsNoTracking().Where(p => ids.Contains(p.CourseId)).ToDictionaryAsync(p => p.CourseId, ct);
        var sessions = await CourseSessions.SessionDatesAsync(db, time, ids, ct);
        return courses.Select(c =>
        {
            var dates = CourseSessions.Dates(c, sessions.GetValueOrDefault(c.Id, []));
            if (!plans.TryGetValue(c.Id, out var plan))
                return new CourseOutcomePlan(c.Id, c.Therapy, c.Status.ToString(), dates.Start, null, [], []);
            var done = scores.Where(s => s.CourseId == c.Id && s.MeasurementPoint is not null).Select(s => s.MeasurementPoint!).ToHashSet(StringComparer.Ordinal);
            return new CourseOutcomePlan(c.Id, c.Therapy, c.Status.ToString(), dates.Start, plan.Condition, plan.InstrumentIds,
                plan.Rules.StatusAt(dates, time.Today, done));
        }).ToArray();
    }

    private async Task<IReadOnlyList<StageTimeline>> StagesAsync(Guid patientId, CancellationToken ct)
    {
        var imaging = await db.ImagingStudies.AsNoTracking()
            .Where(i => i.PatientId == patientId && i.StageSystem != null && i.VoidedAt == null && i.SupersededAt == null)
            .Select(i => new { i.Date, i.StageSystem, i.Stage, i.Modality, i.BodySite }).ToListAsync(ct);
        var conditions = await db.Conditions.AsNoTracking()
            .Where(c => c.PatientId == patientId && c.StageSystem != null && c.VoidedAt == null && c.SupersededAt == null)
            .Select(c => new { c.Onset, c.RecordedAt, c.StageSystem, c.Stage, c.Display }).ToListAsync(ct);
        var points = imaging.Select(i => new StagePoint(i.Date, i.StageSystem!, i.Stage!, $"{i.Modality} {i.BodySite}"))
            .Concat(conditions.Select(c => new StagePoint(c.Onset ?? time.Local(c.RecordedAt).Date, c.StageSystem!, c.Stage!, c.Display)))
            .ToArray();
        return points.GroupBy(p => p.ScaleId).Select(g =>
        {
            var scale = ScaleFor(g.Key);
            var ordered = g.OrderBy(p => p.Date).ToArray();
            var course = StageHistory.Summarise(ordered.Select(p => new StageObservation(p.Date, scale.Parse(p.Stage))).ToArray());
            return new StageTimeline(scale, course, ordered);
        }).ToArray();
    }

    private static StageScale ScaleFor(string system) => system switch
    {
        StageSystems.Arco2019 => StageScales.Arco2019,
        _ => StageScales.Aaoms2022,
    };
}
