using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

public enum ChamberLogKind { StatusChanged, DiveCompleted, Alarm, Maintenance, Configured }

/// <summary>One line of a chamber's operations log (cycles, alarms, status, maintenance). Numbered 1, 2, 3 … per chamber with
/// a unique index, so a survey can see the log has no gaps.</summary>
public sealed class ChamberLogEntry
{
    private ChamberLogEntry() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ChamberId { get; private set; }
    public int Sequence { get; private set; }
    public Instant At { get; private set; }
    public ChamberLogKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public string By { get; private set; } = "";
    /// <summary>The chamber's cycle counter after this entry.</summary>
    public int CycleCount { get; private set; }
    public Guid? DiveId { get; private set; }

    public static ChamberLogEntry Write(Guid chamberId, int sequence, Instant at, ChamberLogKind kind, string text, string by, int cycleCount, Guid? diveId = null)
    {
        if (sequence < 1) throw new DomainException("chamber-log.sequence", "The log counts from 1.", "sequence");
        return new ChamberLogEntry
        {
            ChamberId = chamberId, Sequence = sequence, At = at, Kind = kind, Text = Require.Text(text, "text", 2000), By = Require.Text(by, "by", 200),
            CycleCount = cycleCount, DiveId = diveId,
        };
    }
}
