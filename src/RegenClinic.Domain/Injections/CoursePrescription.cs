using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>A prescribed course: protocol, number of sessions and spacing between sessions (days, min–max).
/// Invariants (throw <see cref="DomainException"/>): therapy and protocol named, 1 ≤ sessions ≤ 100,
/// 0 ≤ min spacing ≤ max spacing ≤ 365, and a single session needs no spacing rule beyond that.</summary>
public sealed record CoursePrescription
{
    public CoursePrescription(string therapyId, string protocolId, int sessions, int spacingMinDays, int spacingMaxDays)
    {
        if (string.IsNullOrWhiteSpace(therapyId))
        {
            throw new DomainException("course.therapy-missing", "Name the therapy.", "therapyId");
        }

        if (string.IsNullOrWhiteSpace(protocolId))
        {
            throw new DomainException("course.protocol-missing", "Name the protocol.", "protocolId");
        }

        if (sessions is < 1 or > 100)
        {
            throw new DomainException("course.sessions-out-of-range", "A course has between 1 and 100 sessions.", "sessions");
        }

        if (spacingMinDays < 0 || spacingMaxDays > 365)
        {
            throw new DomainException("course.spacing-out-of-range", "Spacing is between 0 and 365 days.", "spacingMinDays");
        }

        if (spacingMinDays > spacingMaxDays)
        {
            throw new DomainException("course.spacing-inverted", "Minimum spacing is greater than maximum spacing.", "spacingMinDays");
        }

        TherapyId = therapyId;
        ProtocolId = protocolId;
        Sessions = sessions;
        SpacingMinDays = spacingMinDays;
        SpacingMaxDays = spacingMaxDays;
    }

    public string TherapyId { get; }

    public string ProtocolId { get; }

    public int Sessions { get; }

    public int SpacingMinDays { get; }

    public int SpacingMaxDays { get; }

    /// <summary>The dates on which the next session may fall after a session on <paramref name="previousSession"/>.</summary>
    public DateInterval NextSessionWindow(LocalDate previousSession) =>
        new(previousSession.PlusDays(SpacingMinDays), previousSession.PlusDays(SpacingMaxDays));

    /// <summary>Findings for a proposed session date against the previous one: too early or too late is a limit breach
    /// (physician may override with a reason); not after the previous session is invalid.</summary>
    public IReadOnlyList<ProcedureFinding> CheckSessionDate(LocalDate previousSession, LocalDate proposed)
    {
        var gap = Period.Between(previousSession, proposed, PeriodUnits.Days).Days;
        if (gap <= 0)
        {
            return [new("course.session.not-after-previous", FindingKind.InvalidEntry, "date", "The session must be after the previous one.")];
        }

        if (gap < SpacingMinDays)
        {
            return [new("course.session.too-early", FindingKind.LimitBreach, "date", $"{gap} days after the previous session; the prescription asks at least {SpacingMinDays}.", $"≥ {SpacingMinDays} days")];
        }

        if (gap > SpacingMaxDays)
        {
            return [new("course.session.too-late", FindingKind.LimitBreach, "date", $"{gap} days after the previous session; the prescription allows at most {SpacingMaxDays}.", $"≤ {SpacingMaxDays} days")];
        }

        return [];
    }
}

/// <summary>Course limits per therapy (*configurable*). Prolotherapy: sessions every 2–6 weeks, usually 3–6 sessions
/// (clinical-reference §3; Rabago 2013 used weeks 1, 5, 9 ± 13, 17).</summary>
public sealed record CourseLimits(string TherapyId, int MinSessions, int MaxSessions, int MinSpacingDays, int MaxSpacingDays, string Source)
{
    public static CourseLimits Prolotherapy { get; } =
        new("prolotherapy", 3, 6, 14, 42, "clinical-reference §3, prolotherapy (sessions every 2–6 weeks, usually 3–6 sessions)");

    /// <summary>Each bound outside the limits is a <see cref="FindingKind.LimitBreach"/> (physician override with reason).</summary>
    public IReadOnlyList<ProcedureFinding> Check(CoursePrescription prescription)
    {
        var findings = new List<ProcedureFinding>();
        if (prescription.Sessions > MaxSessions)
        {
            findings.Add(new("course.sessions.above-max", FindingKind.LimitBreach, "sessions", $"{prescription.Sessions} sessions is more than the usual {MaxSessions}.", $"≤ {MaxSessions}", Source));
        }

        if (prescription.Sessions < MinSessions)
        {
            findings.Add(new("course.sessions.below-min", FindingKind.LimitBreach, "sessions", $"{prescription.Sessions} sessions is fewer than the usual {MinSessions}.", $"≥ {MinSessions}", Source));
        }

        if (prescription.Sessions > 1 && prescription.SpacingMinDays < MinSpacingDays)
        {
            findings.Add(new("course.spacing.below-min", FindingKind.LimitBreach, "spacingMinDays", $"Spacing of {prescription.SpacingMinDays} days is shorter than {MinSpacingDays} days.", $"≥ {MinSpacingDays} days", Source));
        }

        if (prescription.Sessions > 1 && prescription.SpacingMaxDays > MaxSpacingDays)
        {
            findings.Add(new("course.spacing.above-max", FindingKind.LimitBreach, "spacingMaxDays", $"Spacing of {prescription.SpacingMaxDays} days is longer than {MaxSpacingDays} days.", $"≤ {MaxSpacingDays} days", Source));
        }

        return findings;
    }
}
