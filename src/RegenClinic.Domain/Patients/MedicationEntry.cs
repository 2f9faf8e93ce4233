using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

/// <summary>FHIR MedicationStatement.status values that matter to the rules (clinical-reference §1).</summary>
public enum MedicationStatus { Active, Intended, OnHold, Completed, Stopped }

public sealed record MedicationDetails(
    string AtcCode, string Display, MedicationStatus Status, string? Dose = null, LocalDate? Start = null, LocalDate? End = null, string? Note = null);

public sealed class MedicationEntry : ChartEntry
{
    private MedicationEntry() { }

    public string AtcCode { get; private set; } = "";
    public string Display { get; private set; } = "";
    public string? Dose { get; private set; }
    public MedicationStatus Status { get; private set; }
    public LocalDate? Start { get; private set; }
    public LocalDate? End { get; private set; }
    public string? Note { get; private set; }

    public bool IsTaken => Status is MedicationStatus.Active or MedicationStatus.Intended or MedicationStatus.OnHold;

    public static MedicationEntry Record(Guid patientId, MedicationDetails d, string by, Instant at, LocalDate today)
    {
        var entry = new MedicationEntry
        {
            AtcCode = Codes.Atc(d.AtcCode, "atcCode"),
            Display = Require.Text(d.Display, "display", 300),
            Dose = Require.OptionalText(d.Dose, "dose", 200),
            Status = Require.Defined(d.Status, "status"),
            Start = Dates.NotFuture(d.Start, today, "start"),
            End = d.End,
            Note = Require.OptionalText(d.Note, "note", 2000),
        };
        if (entry.Start is { } s && entry.End is { } e && e < s)
            throw new DomainException("medication.end-before-start", "End cannot be before start.", "end");
        if (entry.Status is MedicationStatus.Completed or MedicationStatus.Stopped && entry.End is null)
            throw new DomainException("medication.end-required", "A completed or stopped medication needs an end date.", "end");
        entry.Stamp(patientId, by, at);
        return entry;
    }
}
