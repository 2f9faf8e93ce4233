using Microsoft.Extensions.Configuration;
using NodaTime;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>The clinic's configurable hyperbaric thresholds (section <c>Hyperbaric</c>); defaults are the reference's (clinical-reference §4).</summary>
public sealed class HyperbaricSettings(IConfiguration configuration)
{
    public PreDiveChecklistSettings Checklist { get; } = new(
        configuration.GetValue("Hyperbaric:FeverCelsius", PreDiveChecklistSettings.Default.FeverCelsius),
        configuration.GetValue("Hyperbaric:DiabeticGlucoseMinimumMgPerDl", PreDiveChecklistSettings.Default.DiabeticGlucoseMinimumMgPerDl));

    public ChamberAlarmLimits Alarms { get; } = ChamberAlarmLimits.Default with
    {
        MaxMultiplaceO2Percent = configuration.GetValue("Hyperbaric:MaxMultiplaceO2Percent", ChamberAlarmLimits.Default.MaxMultiplaceO2Percent),
        MaxTelemetryGap = Duration.FromSeconds(configuration.GetValue("Hyperbaric:MaxTelemetryGapSeconds", ChamberAlarmLimits.Default.MaxTelemetryGap.TotalSeconds)),
    };

    public OxygenDoseLimits Dose { get; } = OxygenDoseLimits.Default;
}
