using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

public enum ObservationCategory { VitalSigns, Laboratory, Survey }

public sealed record ObservationDetails(
    string LoincCode, string Display, ObservationCategory Category, Instant EffectiveAt,
    decimal? Value = null, string? Unit = null, string? ValueCodeSystem = null, string? ValueCode = null, string? ValueDisplay = null);

/// <summary>A vital sign, lab value or coded answer (LOINC, UCUM units). One narrow row that maps 1:1 to a FHIR Observation.</summary>
public sealed class ObservationEntry : ChartEntry
{
    private ObservationEntry() { }

    public string LoincCode { get; private set; } = "";
    public string Display { get; private set; } = "";
    public ObservationCategory Category { get; private set; }
    public Instant EffectiveAt { get; private set; }
    public decimal? Value { get; private set; }
    public string? Unit { get; private set; }
    public string? ValueCodeSystem { get; private set; }
    public string? ValueCode { get; private set; }
    public string? ValueDisplay { get; private set; }

    public static ObservationEntry Record(Guid patientId, ObservationDetails d, string by, Instant at)
    {
        if (d.EffectiveAt > at) throw new DomainException("date.future", "effectiveAt cannot be in the future.", "effectiveAt");
        var hasValue = d.Value is not null;
        var hasCode = !string.IsNullOrWhiteSpace(d.ValueCode);
        if (hasValue == hasCode)
            throw new DomainException("observation.value-required", "Give either a numeric value with its unit or a coded answer.", "value");
        var entry = new ObservationEntry
        {
            LoincCode = Codes.Loinc(d.LoincCode, "loincCode"),
            Display = Require.Text(d.Display, "display", 200),
            Category = Require.Defined(d.Category, "category"),
            EffectiveAt = d.EffectiveAt,
            Value = d.Value,
            Unit = hasValue ? Require.Text(d.Unit, "unit", 30) : null,
            ValueCodeSystem = hasCode ? Require.Text(d.ValueCodeSystem, "valueCodeSystem", 200) : null,
            ValueCode = hasCode ? Require.Text(d.ValueCode, "valueCode", 50) : null,
            ValueDisplay = Require.OptionalText(d.ValueDisplay, "valueDisplay", 200),
        };
        entry.Stamp(patientId, by, at);
        return entry;
    }
}
