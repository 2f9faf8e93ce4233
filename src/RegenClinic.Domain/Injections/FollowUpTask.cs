using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

public enum FollowUpKind
{
    Call,
    Visit,
}

public enum FollowUpStatus
{
    NotYetDue,
    Due,
    Overdue,
    Done,
}

/// <summary>When the follow-up after a procedure is due (*configurable*): by default a call or visit 48–72 h after the
/// procedure (issue; a post-injection flare lasts up to 72 h, clinical-reference §6).</summary>
public sealed record FollowUpRule(Duration Earliest, Duration Latest)
{
    public static FollowUpRule Default { get; } = new(Duration.FromHours(48), Duration.FromHours(72));
}

/// <summary>A follow-up task created after each procedure. <paramref name="HomePhysician"/> for travelling patients
/// (clinical-reference §7: complications often appear after return home).</summary>
public sealed record FollowUpTask(string ProcedureId, FollowUpKind Kind, Instant DueFrom, Instant DueBy, string? HomePhysician = null)
{
    public static FollowUpTask Create(string procedureId, Instant procedureAt, FollowUpKind kind, FollowUpRule rule, string? homePhysician = null)
    {
        if (string.IsNullOrWhiteSpace(procedureId))
        {
            throw new DomainException("follow-up.procedure-missing", "A follow-up belongs to a procedure.", "procedureId");
        }

        if (rule.Earliest < Duration.Zero || rule.Latest < rule.Earliest)
        {
            throw new DomainException("follow-up.rule-invalid", "The follow-up window must start at or after the procedure and end after it starts.", "rule");
        }

        return new FollowUpTask(procedureId, kind, procedureAt + rule.Earliest, procedureAt + rule.Latest, homePhysician);
    }

    /// <summary>Due from <see cref="DueFrom"/> to <see cref="DueBy"/> inclusive; overdue after; done once completed.</summary>
    public FollowUpStatus StatusAt(Instant now, Instant? completedAt = null) =>
        completedAt is not null ? FollowUpStatus.Done
        : now < DueFrom ? FollowUpStatus.NotYetDue
        : now <= DueBy ? FollowUpStatus.Due
        : FollowUpStatus.Overdue;
}
