using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>The stored follow-up of a procedure (<see cref="FollowUpTask"/> gives the window): a call or visit 48–72 h
/// after, done with a note.</summary>
public sealed class ProcedureFollowUp
{
    private ProcedureFollowUp() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ProcedureId { get; private set; }
    public Guid PatientId { get; private set; }
    public FollowUpKind Kind { get; private set; }
    public Instant DueFrom { get; private set; }
    public Instant DueBy { get; private set; }
    public string? HomePhysician { get; private set; }
    public Instant? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public string? Note { get; private set; }

    public static ProcedureFollowUp For(Guid patientId, FollowUpTask task) => new()
    {
        ProcedureId = Guid.Parse(task.ProcedureId), PatientId = patientId, Kind = task.Kind, DueFrom = task.DueFrom, DueBy = task.DueBy,
        HomePhysician = task.HomePhysician,
    };

    public FollowUpTask Window => new(ProcedureId.ToString(), Kind, DueFrom, DueBy, HomePhysician);

    public FollowUpStatus StatusAt(Instant now) => Window.StatusAt(now, CompletedAt);

    public void Complete(string by, string note, Instant at)
    {
        if (CompletedAt is not null) throw new DomainException("follow-up.already-done", "This follow-up is already done.");
        Note = Require.Text(note, "note", 2000);
        CompletedBy = Require.Text(by, "by", 200);
        CompletedAt = at;
    }
}

/// <summary>A stored adverse event after a procedure (catalogue of clinical-reference §6, checked by
/// <see cref="AdverseEventCatalog.Check"/> before it is created).</summary>
public sealed class AdverseEventRecord
{
    private AdverseEventRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ProcedureId { get; private set; }
    public Guid PatientId { get; private set; }
    public string EventCode { get; private set; } = "";
    public Instant OnsetAt { get; private set; }
    public AdverseEventSeverity Severity { get; private set; }
    /// <summary>Actions taken, comma-separated enum names (<see cref="AdverseEventAction"/>).</summary>
    public string Actions { get; private set; } = "";
    public string? Notes { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public Instant RecordedAt { get; private set; }

    public IReadOnlyList<AdverseEventAction> ActionList =>
        [.. Actions.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<AdverseEventAction>)];

    public static AdverseEventRecord Record(Guid patientId, AdverseEventReport report, Instant at)
    {
        var blocking = AdverseEventCatalog.Check(report).FirstOrDefault(f => f.Blocks);
        if (blocking is not null) throw new DomainException(blocking.Code, blocking.Message, blocking.Field);
        return new AdverseEventRecord
        {
            ProcedureId = Guid.Parse(report.ProcedureId), PatientId = patientId, EventCode = report.EventCode, OnsetAt = report.OnsetAt,
            Severity = report.Severity, Actions = string.Join(',', report.Actions.Distinct()), Notes = Require.OptionalText(report.Notes, "notes", 2000),
            ReportedBy = report.ReportedBy, RecordedAt = at,
        };
    }
}

/// <summary>A logged room-air ozone reading at a US site (21 CFR 801.415, clinical-reference §7).</summary>
public sealed class RoomAirCheckRecord
{
    private RoomAirCheckRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string Room { get; private set; } = "";
    public Instant MeasuredAt { get; private set; }
    public decimal OzonePpm { get; private set; }
    public bool ExceedsLimit { get; private set; }
    public string MeasuredBy { get; private set; } = "";
    public string? InstrumentId { get; private set; }

    public static RoomAirCheckRecord From(Guid siteId, RoomAirOzoneCheck check) => new()
    {
        SiteId = siteId, Room = check.Room, MeasuredAt = check.MeasuredAt, OzonePpm = check.OzonePpm, ExceedsLimit = check.ExceedsLimit,
        MeasuredBy = check.MeasuredBy, InstrumentId = check.InstrumentId,
    };
}
