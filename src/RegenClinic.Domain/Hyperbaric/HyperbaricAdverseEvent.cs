using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Adverse events during or after a dive (clinical-reference §4). The modified TEED 0–5 scale is deliberately absent:
/// its wording is unconfirmed, so barotrauma is graded on the O'Neill scale only.</summary>
public enum HyperbaricAdverseEventType
{
    /// <summary>5–40% of patients; graded O'Neill 0–3.</summary>
    MiddleEarBarotrauma,
    SinusSqueeze,

    /// <summary>CNS oxygen toxicity without a seizure: stop O2, resume after 15 minutes symptom-free per table rules.</summary>
    CnsOxygenToxicity,
    Seizure,
    Hypoglycaemia,
    ConfinementAnxiety,

    /// <summary>Reversible myopia or other vision change.</summary>
    VisionChange,
    PulmonarySymptoms,
}

public enum AdverseEventTiming
{
    DuringDive,
    AfterDive,
}

public enum AdverseEventSeverity
{
    Mild,
    Moderate,
    Severe,
}

/// <summary>O'Neill otoscopic grade of middle-ear barotrauma (clinical-reference §4).</summary>
public enum ONeillGrade
{
    /// <summary>Eustachian tube dysfunction without visible change.</summary>
    Grade0 = 0,

    /// <summary>Redness or fluid.</summary>
    Grade1 = 1,

    /// <summary>Bleeding.</summary>
    Grade2 = 2,

    /// <summary>Perforation.</summary>
    Grade3 = 3,
}

/// <summary>An adverse event recorded against a session. Append-only: correct with a new record, never edit.</summary>
public sealed record HyperbaricAdverseEvent
{
    public HyperbaricAdverseEvent(HyperbaricAdverseEventType type, AdverseEventTiming timing, AdverseEventSeverity severity,
        Instant occurredAt, string actionTaken, string reportedBy, ONeillGrade? oNeillGrade = null)
    {
        if (type == HyperbaricAdverseEventType.MiddleEarBarotrauma && oNeillGrade is null)
        {
            throw new DomainException("adverse-event.oneill-grade-required", "Middle-ear barotrauma needs its O'Neill grade (0–3).", "oNeillGrade");
        }

        if (type != HyperbaricAdverseEventType.MiddleEarBarotrauma && oNeillGrade is not null)
        {
            throw new DomainException("adverse-event.oneill-grade-not-applicable", "The O'Neill grade applies to middle-ear barotrauma only.", "oNeillGrade");
        }

        if (oNeillGrade is { } g && !Enum.IsDefined(g))
        {
            throw new DomainException("adverse-event.oneill-grade-invalid", $"O'Neill grade {(int)g} is outside 0–3.", "oNeillGrade");
        }

        if (string.IsNullOrWhiteSpace(actionTaken))
        {
            throw new DomainException("adverse-event.action-required", "Record the action taken.", "actionTaken");
        }

        Type = type;
        Timing = timing;
        Severity = severity;
        OccurredAt = occurredAt;
        ActionTaken = actionTaken;
        ReportedBy = reportedBy;
        ONeillGrade = oNeillGrade;
    }

    public HyperbaricAdverseEventType Type { get; }
    public AdverseEventTiming Timing { get; }
    public AdverseEventSeverity Severity { get; }
    public Instant OccurredAt { get; }
    public string ActionTaken { get; }
    public string ReportedBy { get; }
    public ONeillGrade? ONeillGrade { get; }

    /// <summary>Why this event pauses the course until a physician clears it, or null when it does not. Product rule (the
    /// reference lists the events, not the pause): a seizure, a perforated ear drum (O'Neill 3), pulmonary symptoms
    /// (possible pulmonary oxygen toxicity) or any event the recorder grades severe.</summary>
    public string? PauseReason => this switch
    {
        { Type: HyperbaricAdverseEventType.Seizure } => "Seizure: physician clearance before the next session",
        { Type: HyperbaricAdverseEventType.MiddleEarBarotrauma, ONeillGrade: Hyperbaric.ONeillGrade.Grade3 } => "Ear drum perforation (O'Neill 3): physician clearance before the next session",
        { Type: HyperbaricAdverseEventType.PulmonarySymptoms } => "Pulmonary symptoms: physician clearance before the next session",
        { Severity: AdverseEventSeverity.Severe } => $"Severe {Type}: physician clearance before the next session",
        _ => null,
    };

    public bool PausesCourse => PauseReason is not null;
}

/// <summary>A physician's clearance to resume a paused course.</summary>
public sealed record PhysicianClearance(Instant At, string PhysicianId, string Reason);

public sealed record CoursePauseStatus(bool IsPaused, IReadOnlyList<HyperbaricAdverseEvent> UnclearedEvents)
{
    public IReadOnlyList<string> Reasons => UnclearedEvents.Select(e => e.PauseReason!).ToList();
}

public static class CoursePause
{
    /// <summary>The course is paused while any pausing event has no physician clearance recorded after it.</summary>
    public static CoursePauseStatus Evaluate(IEnumerable<HyperbaricAdverseEvent> events, IEnumerable<PhysicianClearance> clearances)
    {
        var cleared = clearances.Where(c => !string.IsNullOrWhiteSpace(c.Reason)).Select(c => c.At).DefaultIfEmpty(Instant.MinValue).Max();
        var open = events.Where(e => e.PausesCourse && e.OccurredAt >= cleared).OrderBy(e => e.OccurredAt).ToList();
        return new CoursePauseStatus(open.Count > 0, open);
    }
}
