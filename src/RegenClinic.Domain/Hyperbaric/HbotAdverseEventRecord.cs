using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>An adverse event during or after a dive as recorded, with the pause it causes and the physician's clearance.</summary>
public sealed class HbotAdverseEventRecord
{
    private HbotAdverseEventRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public Guid CourseId { get; private set; }
    public Guid? DiveId { get; private set; }
    public HyperbaricAdverseEventType Type { get; private set; }
    public AdverseEventTiming Timing { get; private set; }
    public AdverseEventSeverity Severity { get; private set; }
    public ONeillGrade? ONeillGrade { get; private set; }
    public Instant OccurredAt { get; private set; }
    public string ActionTaken { get; private set; } = "";
    public string ReportedBy { get; private set; } = "";
    /// <summary>Why it pauses the course (<see cref="HyperbaricAdverseEvent.PauseReason"/>), frozen when recorded.</summary>
    public string? PauseReason { get; private set; }
    public string? ClearedBy { get; private set; }
    public Instant? ClearedAt { get; private set; }
    public string? ClearanceReason { get; private set; }

    public static HbotAdverseEventRecord Record(Guid patientId, Guid courseId, Guid? diveId, HyperbaricAdverseEvent e) => new()
    {
        PatientId = patientId, CourseId = courseId, DiveId = diveId, Type = e.Type, Timing = e.Timing, Severity = e.Severity, ONeillGrade = e.ONeillGrade,
        OccurredAt = e.OccurredAt, ActionTaken = e.ActionTaken, ReportedBy = e.ReportedBy, PauseReason = e.PauseReason,
    };

    public HyperbaricAdverseEvent ToDomain() => new(Type, Timing, Severity, OccurredAt, ActionTaken, ReportedBy, ONeillGrade);

    public PhysicianClearance? Clearance => ClearedAt is { } at ? new PhysicianClearance(at, ClearedBy ?? "", ClearanceReason ?? "") : null;

    public void Clear(string physician, string reason, Instant at)
    {
        if (PauseReason is null) throw new DomainException("adverse-event.not-pausing", "This event does not pause the course.", "id");
        if (ClearedAt is not null) throw new DomainException("adverse-event.already-cleared", "This event is already cleared.", "id");
        ClearanceReason = Require.Text(reason, "reason", 1000);
        ClearedBy = Require.Text(physician, "clearedBy", 200);
        ClearedAt = at;
    }
}
