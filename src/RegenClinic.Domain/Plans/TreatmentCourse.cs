using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Plans;

public enum CourseStatus { Draft, Active, Paused, Completed, Cancelled }

/// <summary>How sessions of a course are spaced (formats/scheduling.md): every open weekday (once or twice a day, at least
/// minimum-gap apart), every min–max days, or a single procedure.</summary>
public enum SessionPatternKind { Weekdays, Interval, Single }

public sealed record SessionPattern(SessionPatternKind Kind, int PerDay = 1, int MinGapMinutes = 240, int MinDays = 0, int MaxDays = 0)
{
    public static SessionPattern Weekdays(int perDay = 1, int minGapMinutes = 240) => new(SessionPatternKind.Weekdays, perDay, minGapMinutes);
    public static SessionPattern Interval(int minDays, int maxDays) => new(SessionPatternKind.Interval, MinDays: minDays, MaxDays: maxDays);
    public static readonly SessionPattern Single = new(SessionPatternKind.Single);

    public void Validate()
    {
        switch (Kind)
        {
            case SessionPatternKind.Weekdays when PerDay is < 1 or > 2:
                throw new DomainException("course.per-day", "Sessions per day must be 1 or 2.", "perDay");
            // clinical-reference §4: twice daily allowed with a gap of at least 4 hours (configurable; never below it here).
            case SessionPatternKind.Weekdays when PerDay == 2 && MinGapMinutes < 240:
                throw new DomainException("course.min-gap", "Twice-daily sessions must be at least 4 hours apart.", "minGapMinutes");
            case SessionPatternKind.Interval when MinDays < 1 || MaxDays < MinDays:
                throw new DomainException("course.interval", "Interval needs 1 ≤ minimum days ≤ maximum days.", "minDays");
        }
    }
}

/// <summary>
/// A prescription turned into a plan: a therapy, its protocol (an HBOT table or an injection preset), N sessions with their
/// spacing, and the window in which it may start. Screening and consent are linked before it can become active.
/// </summary>
public sealed class TreatmentCourse
{
    private TreatmentCourse() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public Guid SiteId { get; private set; }
    public string Therapy { get; private set; } = "";
    public string Protocol { get; private set; } = "";
    public int Sessions { get; private set; }
    public SessionPattern Pattern { get; private set; } = SessionPattern.Single;
    public LocalDate EarliestStart { get; private set; }
    public LocalDate? TargetStart { get; private set; }
    /// <summary>1 urgent, 2 normal, 3 elective (scheduling weights 3, 2, 1).</summary>
    public int Priority { get; private set; } = 2;
    public string Goals { get; private set; } = "";
    public CourseStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public string PrescribedBy { get; private set; } = "";
    public Instant PrescribedAt { get; private set; }
    public Guid? ScreeningId { get; private set; }
    public Guid? ConsentId { get; private set; }

    public static TreatmentCourse Prescribe(Guid patientId, Guid siteId, string therapy, string protocol, int sessions, SessionPattern pattern,
        LocalDate earliestStart, LocalDate? targetStart, int priority, string goals, string by, Instant at)
    {
        if (sessions is < 1 or > 60) throw new DomainException("course.sessions", "A course has 1 to 60 sessions.", "sessions");
        if (priority is < 1 or > 3) throw new DomainException("course.priority", "Priority is 1 (urgent), 2 or 3 (elective).", "priority");
        if (targetStart is { } t && t < earliestStart) throw new DomainException("course.target-before-earliest", "Target start cannot be before the earliest start.", "targetStart");
        pattern.Validate();
        return new TreatmentCourse
        {
            PatientId = patientId, SiteId = siteId, Therapy = Require.Text(therapy, "therapy", 40), Protocol = Require.Text(protocol, "protocol", 80),
            Sessions = sessions, Pattern = pattern, EarliestStart = earliestStart, TargetStart = targetStart, Priority = priority,
            // Auditors reject plans without goals (clinical-reference §4).
            Goals = Require.Text(goals, "goals", 2000), Status = CourseStatus.Draft, PrescribedBy = Require.Text(by, "by", 200), PrescribedAt = at,
        };
    }

    public void LinkScreening(Guid screeningId) => ScreeningId = screeningId;

    public void LinkConsent(Guid consentId) => ConsentId = consentId;

    /// <summary>A course starts only with a screening result and a signed consent linked; the callers check their content.</summary>
    public void Activate()
    {
        if (Status != CourseStatus.Draft && Status != CourseStatus.Paused) throw new DomainException("course.not-startable", $"A {Status} course cannot be started.");
        if (ScreeningId is null) throw new DomainException("course.no-screening", "A course needs a screening result before it starts.");
        if (ConsentId is null) throw new DomainException("course.no-consent", "A course needs a signed consent before it starts.");
        Status = CourseStatus.Active;
        StatusReason = null;
    }

    public void Pause(string reason)
    {
        if (Status != CourseStatus.Active) throw new DomainException("course.not-active", "Only an active course can be paused.");
        StatusReason = Require.Text(reason, "reason", 500);
        Status = CourseStatus.Paused;
    }

    public void Complete()
    {
        if (Status != CourseStatus.Active) throw new DomainException("course.not-active", "Only an active course can be completed.");
        Status = CourseStatus.Completed;
    }

    public void Cancel(string reason)
    {
        if (Status is CourseStatus.Completed or CourseStatus.Cancelled) throw new DomainException("course.closed", "This course is already closed.");
        StatusReason = Require.Text(reason, "reason", 500);
        Status = CourseStatus.Cancelled;
    }
}
