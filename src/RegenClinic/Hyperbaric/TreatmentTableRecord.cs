using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>A treatment table as stored: the catalogue of the clinic. The domain's <see cref="TreatmentTable"/> stays a pure
/// value; this row maps it. Catalogue entries are retired, never deleted: dive logs and courses refer to tables by id.</summary>
public sealed class TreatmentTableRecord
{
    private TreatmentTableRecord() { }

    public string Id { get; private set; } = "";
    public string Name { get; private set; } = "";
    public double PressureAta { get; private set; }
    public List<TableStep> Steps { get; private set; } = [];
    public double FastestCompressionMinutes { get; private set; }
    public double FastestDecompressionAtaPerMinute { get; private set; }
    public bool EmergencyOnly { get; private set; }
    public string Source { get; private set; } = "";
    public string? Note { get; private set; }
    /// <summary>Seeded from the reference's tables (clinical-reference §4) rather than added by a physician.</summary>
    public bool FromReference { get; private set; }
    public string AddedBy { get; private set; } = "";
    /// <summary>Null for the reference's tables seeded at first start (the audit trail holds when).</summary>
    public Instant? AddedAt { get; private set; }
    public Instant? RetiredAt { get; private set; }
    public string? RetiredBy { get; private set; }
    public string? RetireReason { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public static TreatmentTableRecord From(TreatmentTable table, bool fromReference, string by, Instant? at) => new()
    {
        Id = table.Id, Name = table.Name, PressureAta = table.Pressure.Value, Steps = [.. table.Steps],
        FastestCompressionMinutes = table.FastestCompressionMinutes, FastestDecompressionAtaPerMinute = table.FastestDecompressionAtaPerMinute,
        EmergencyOnly = table.EmergencyOnly, Source = table.Source, Note = table.Note, FromReference = fromReference, AddedBy = by, AddedAt = at,
    };

    public TreatmentTable ToDomain() => new(Id, Name, new Ata(PressureAta), Steps, FastestCompressionMinutes, FastestDecompressionAtaPerMinute,
        EmergencyOnly, Source, Note, IsRetired);

    public void Retire(string by, string reason, Instant at)
    {
        if (IsRetired) throw new DomainException("treatment-table.already-retired", $"{Id} is already retired.", "id");
        RetireReason = Require.Text(reason, "reason", 500);
        RetiredBy = Require.Text(by, "retiredBy", 200);
        RetiredAt = at;
    }
}
