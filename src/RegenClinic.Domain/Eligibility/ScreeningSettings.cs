using NodaTime;

namespace RegenClinic.Domain.Eligibility;

/// <summary>Thresholds a clinic may tune (clinical reference marks them configurable). Defaults are the reference's values.
/// Boundaries are inclusive where the reference says "at least" or "within", and strict where it says "below"/"less than".</summary>
public sealed record ScreeningSettings
{
    public static ScreeningSettings Default { get; } = new();

    /// <summary>Ozone absolute contraindication: latest platelet count strictly below this (×10⁹/L, LOINC 777-3).</summary>
    public decimal MinimumPlateletsPerNanoliter { get; init; } = 50m;

    /// <summary>HBOT for back pain / disc herniation: conservative care started at least this long before (inclusive).</summary>
    public Period HbotConservativeCare { get; init; } = Period.FromWeeks(6);

    /// <summary>Prolotherapy: conservative care started at least this long before (inclusive).</summary>
    public Period ProlotherapyConservativeCare { get; init; } = Period.FromMonths(3);

    /// <summary>Ozone: myocardial infarction with onset on or after (date − this) is "within 6 months".</summary>
    public Period MyocardialInfarctionWindow { get; init; } = Period.FromMonths(6);

    /// <summary>Prolotherapy: fracture with onset on or after (date − this).</summary>
    public Period FractureWindow { get; init; } = Period.FromMonths(3);

    /// <summary>HBOT: body temperature at or above this (°C, LOINC 8310-5) is fever.</summary>
    public decimal FeverCelsius { get; init; } = 38.0m;

    /// <summary>"Within 24 h": a temperature dated the screening date or up to this many days before counts.</summary>
    public int FeverLookbackDays { get; init; } = 1;

    /// <summary>HBOT: heart failure with latest LVEF strictly below this (%, LOINC 10230-1).</summary>
    public decimal MinimumLvefPercent { get; init; } = 30m;
}
