using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Hyperbaric;

public sealed record HbotAdverseEventEntry(Guid CourseId, Guid? DiveId, HyperbaricAdverseEventType Type, AdverseEventTiming Timing,
    AdverseEventSeverity Severity, ONeillGrade? ONeillGrade, string ActionTaken, Instant? OccurredAt);

/// <summary>Records an adverse event during or after a dive; a pausing event (seizure, O'Neill 3, pulmonary symptoms, severe)
/// pauses the course until a physician clears it.</summary>
public sealed class RecordHbotAdverseEvent(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(HbotAdverseEventEntry entry, CancellationToken ct = default)
    {
        var course = await HbotCourses.FindAsync(db, entry.CourseId, ct);
        var at = entry.OccurredAt ?? time.Now;
        if (at > time.Now) throw new DomainException("adverse-event.in-future", "An adverse event cannot be in the future.", "occurredAt");
        var e = new HyperbaricAdverseEvent(Require.Defined(entry.Type, "type"), Require.Defined(entry.Timing, "timing"), Require.Defined(entry.Severity, "severity"),
            at, entry.ActionTaken?.Trim() ?? "", actor.Name, entry.ONeillGrade);
        var record = HbotAdverseEventRecord.Record(course.PatientId, course.Id, entry.DiveId, e);
        db.HbotAdverseEvents.Add(record);
        if (record.PauseReason is { } reason && course.Status == CourseStatus.Active) course.Pause(reason);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}

/// <summary>A physician clears every open pausing event of a course with a reason; an active course paused by them resumes.</summary>
public sealed class ClearCoursePause(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid courseId, string reason, CancellationToken ct = default)
    {
        var course = await HbotCourses.FindAsync(db, courseId, ct);
        var open = await db.HbotAdverseEvents.Where(e => e.CourseId == courseId && e.PauseReason != null && e.ClearedAt == null).ToListAsync(ct);
        if (open.Count == 0) throw new DomainException("hbot.not-paused", "No adverse event pauses this course.", "courseId");
        foreach (var e in open) e.Clear(actor.Name, reason, time.Now);
        if (course.Status == CourseStatus.Paused && course.ScreeningId is not null && course.ConsentId is not null) course.Activate();
        await db.SaveChangesAsync(ct);
    }
}
