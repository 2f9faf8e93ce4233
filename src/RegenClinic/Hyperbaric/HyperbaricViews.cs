using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Hyperbaric;

public sealed record ChamberDetail(Chamber Chamber, IReadOnlyList<ChamberLogEntry> Log, IReadOnlyList<HbotDive> RecentDives);

public sealed record OccupantView(Guid PatientId, string Name, string RecordNumber, Guid CourseId, int SessionNumber, int SessionsPrescribed, CumulativeDoseReport Dose);

public sealed record DiveView(HbotDive Dive, Chamber Chamber, TreatmentTable Table, IReadOnlyList<OccupantView> Occupants, IReadOnlyList<ChamberAlarm> Alarms,
    DiveProfile Actual, OxygenDoseSummary? Dose, IReadOnlyList<string> MissingForAudit, DivePhase? NextExpected, bool OnOxygen);

public sealed record CourseDive(Guid DiveId, LocalDate Date, int SessionNumber, string TableId, DiveStatus Status, double? Otu, int Alarms);

public sealed record HbotCourseView(TreatmentCourse Course, string PatientName, string RecordNumber, TreatmentTable Table, int SessionsDone,
    IReadOnlyList<HbotDailyOrder> Orders, bool OrderSignedToday, IReadOnlyList<HbotProgressNote> Notes, ProgressNoteStatus NoteStatus,
    CoursePauseStatus Pause, IReadOnlyList<HbotAdverseEventRecord> AdverseEvents, IReadOnlyList<CourseDive> Dives,
    IReadOnlyList<PreDiveChecklistRecord> TodaysChecklists, CumulativeDoseReport Dose);

public sealed record ChecklistView(PreDiveChecklistRecord Checklist, TreatmentCourse Course, string PatientName, IReadOnlyList<Chamber> Chambers,
    IReadOnlyList<HbotDive> OpenDives, CoursePauseStatus Pause);

/// <summary>The reads of the hyperbaric pages. Every read that shows patient data writes its audit entry first.</summary>
public sealed class HyperbaricViews(ClinicDb db, ClinicActor actor, ClinicTime time, HyperbaricSettings settings)
{
    /// <summary>The stored treatment-table catalogue, retired tables included (they are marked).</summary>
    public Task<IReadOnlyList<TreatmentTableRecord>> TablesAsync(CancellationToken ct = default) => StoredTreatmentTables.AllAsync(db, ct);

    public Task<List<Chamber>> ChambersAsync(CancellationToken ct = default) => db.Chambers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task<ChamberDetail> ChamberAsync(Guid id, CancellationToken ct = default)
    {
        var chamber = await db.Chambers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("chamber.not-found", "No chamber with this id.", "id");
        var log = await db.ChamberLog.AsNoTracking().Where(l => l.ChamberId == id).OrderBy(l => l.Sequence).ToListAsync(ct);
        var dives = await db.HbotDives.AsNoTracking().Where(d => d.ChamberId == id).OrderByDescending(d => d.PlannedAt).Take(20).ToListAsync(ct);
        return new ChamberDetail(chamber, log, dives);
    }

    public async Task<HbotCourseView> CourseAsync(Guid courseId, CancellationToken ct = default)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId && c.Therapy == HbotCourses.Therapy, ct)
            ?? throw new DomainException("hbot.course-not-found", "No HBOT course with this id.", "courseId");
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == course.PatientId, ct);
        await AuditAsync("HbotCourse", course.Id, course.PatientId, ct);
        var today = time.Today;
        var orders = await db.HbotDailyOrders.AsNoTracking().Where(o => o.CourseId == courseId).OrderByDescending(o => o.Date).ToListAsync(ct);
        var notes = await db.HbotProgressNotes.AsNoTracking().Where(n => n.CourseId == courseId).OrderByDescending(n => n.Date).ToListAsync(ct);
        var events = await db.HbotAdverseEvents.AsNoTracking().Where(e => e.CourseId == courseId).OrderByDescending(e => e.OccurredAt).ToListAsync(ct);
        var checklists = await db.PreDiveChecklists.AsNoTracking().Where(c => c.CourseId == courseId).OrderBy(c => c.RecordedAt).ToListAsync(ct);
        var diveIds = checklists.Where(c => c.DiveId != null).Select(c => c.DiveId!.Value).ToList();
        var dives = await db.HbotDives.AsNoTracking().Where(d => diveIds.Contains(d.Id)).ToListAsync(ct);
        var courseDives = checklists.Where(c => c.DiveId != null).Join(dives, c => c.DiveId, d => d.Id,
            (c, d) => new CourseDive(d.Id, d.Date, c.SessionNumber, d.TableId, d.Status, d.Otu, d.Alarms.Count)).ToList();
        var done = courseDives.Count(d => d.Status == DiveStatus.Surfaced);
        var firstSession = courseDives.Where(d => d.Status == DiveStatus.Surfaced).Select(d => (LocalDate?)d.Date).Min();
        return new HbotCourseView(course, $"{patient.FamilyName}, {patient.GivenName}", patient.RecordNumber, await StoredTreatmentTables.GetAsync(db, course.Protocol, ct), done,
            orders, orders.Any(o => o.Date == today), notes, ProgressNoteSchedule.Evaluate(firstSession, notes.Select(n => n.Date), today),
            HbotCourses.Pause(events), events, courseDives, checklists.Where(c => c.SessionDate == today).ToList(),
            await PatientDoseAsync(course.PatientId, courseId, ct));
    }

    public async Task<ChecklistView> ChecklistAsync(Guid checklistId, CancellationToken ct = default)
    {
        var checklist = await db.PreDiveChecklists.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checklistId, ct)
            ?? throw new DomainException("checklist.not-found", "No checklist with this id.", "checklistId");
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == checklist.CourseId, ct);
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == checklist.PatientId, ct);
        await AuditAsync("PreDiveChecklist", checklist.Id, checklist.PatientId, ct);
        var chambers = (await db.Chambers.AsNoTracking().Where(c => c.Status == EquipmentStatus.InService).OrderBy(c => c.Name).ToListAsync(ct))
            .Where(c => c.Tables.Contains(course.Protocol)).ToList();
        var multi = chambers.Where(c => c.Kind == Domain.Clinic.ChamberKind.Multiplace).Select(c => c.Id).ToList();
        var today = time.Today;
        var open = await db.HbotDives.AsNoTracking().Where(d => multi.Contains(d.ChamberId) && d.Status == DiveStatus.Planned && d.Date == today && d.TableId == course.Protocol)
            .ToListAsync(ct);
        return new ChecklistView(checklist, course, $"{patient.FamilyName}, {patient.GivenName}", chambers, open, await HbotCourses.PauseAsync(db, course.Id, ct));
    }

    public async Task<DiveView> DiveAsync(Guid diveId, CancellationToken ct = default)
    {
        var dive = await db.HbotDives.AsNoTracking().FirstOrDefaultAsync(d => d.Id == diveId, ct)
            ?? throw new DomainException("dive.not-found", "No dive with this id.", "diveId");
        var chamber = await db.Chambers.AsNoTracking().FirstAsync(c => c.Id == dive.ChamberId, ct);
        var table = await StoredTreatmentTables.GetAsync(db, dive.TableId, ct);
        var occupants = new List<OccupantView>();
        foreach (var o in dive.Occupants)
        {
            var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == o.PatientId, ct);
            var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == o.CourseId, ct);
            db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "HbotDive", dive.Id.ToString(), o.PatientId, null));
            occupants.Add(new OccupantView(o.PatientId, $"{patient.FamilyName}, {patient.GivenName}", patient.RecordNumber, o.CourseId, o.SessionNumber, course.Sessions,
                await PatientDoseAsync(o.PatientId, null, ct, dive)));
        }

        await db.SaveChangesAsync(ct);
        var log = dive.Log();
        var actual = log.ActualProfile();
        var alarms = dive.Status == DiveStatus.InProgress ? RecordDivePhase.Alarms(dive, table, chamber.Kind, settings.Alarms, time.Now) : dive.Alarms;
        if (dive.Status == DiveStatus.Surfaced && dive.Telemetry is { } csv)
        {
            actual = TelemetryDive.Profile(TelemetryCsv.Parse(csv), dive.Events);
        }

        var dose = actual.Points.Count > 1 ? OxygenDose.Summarise(actual) : null;
        return new DiveView(dive, chamber, table, occupants, alarms, actual, dose, log.MissingForAudit(), Next(log, dive), log.OnOxygen);
    }

    /// <summary>The HBOT courses on a patient's chart, newest first.</summary>
    public async Task<IReadOnlyList<HbotCourseView>> PatientCoursesAsync(Guid patientId, CancellationToken ct = default)
    {
        var ids = await db.Courses.AsNoTracking().Where(c => c.PatientId == patientId && c.Therapy == HbotCourses.Therapy)
            .OrderByDescending(c => c.PrescribedAt).Select(c => c.Id).ToListAsync(ct);
        var views = new List<HbotCourseView>();
        foreach (var id in ids) views.Add(await CourseAsync(id, ct));
        return views;
    }

    /// <summary>The patient's pulmonary dose per day over all their dives (a day's limit counts every session), and the course total
    /// when <paramref name="courseId"/> is given. A dive still running counts with its dose so far.</summary>
    private async Task<CumulativeDoseReport> PatientDoseAsync(Guid patientId, Guid? courseId, CancellationToken ct, HbotDive? running = null)
    {
        var rows = await (from c in db.PreDiveChecklists.AsNoTracking()
                          where c.PatientId == patientId && c.DiveId != null && (courseId == null || c.CourseId == courseId)
                          join d in db.HbotDives.AsNoTracking() on c.DiveId equals d.Id
                          select new { d.Id, d.Date, d.Otu }).ToListAsync(ct);
        var sessions = rows.Where(r => r.Otu is not null).Select(r => new SessionDose(r.Date, new Otu(r.Otu!.Value))).ToList();
        if (running is { Status: DiveStatus.InProgress } && running.Events.Count > 1)
        {
            sessions.Add(new SessionDose(running.Date, OxygenDose.Otu(running.Log().ActualProfile())));
        }

        return CumulativeOxygenDose.Evaluate(sessions, settings.Dose);
    }

    private static DivePhase? Next(DiveLog log, HbotDive dive)
    {
        if (log.IsComplete) return null;
        if (log.Events.Count == 0) return DivePhase.CompressionStart;
        return log.Events[^1].Phase switch
        {
            DivePhase.CompressionStart => DivePhase.AtPressure,
            DivePhase.DecompressionStart => DivePhase.Surface,
            _ when dive.Status == DiveStatus.InProgress => null,
            _ => null,
        };
    }

    private async Task AuditAsync(string what, Guid id, Guid patientId, CancellationToken ct)
    {
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, what, id.ToString(), patientId, null));
        await db.SaveChangesAsync(ct);
    }
}
