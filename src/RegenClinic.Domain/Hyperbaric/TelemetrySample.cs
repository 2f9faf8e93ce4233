using NodaTime;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>One chamber telemetry reading: pressure and chamber-atmosphere oxygen percentage.</summary>
public readonly record struct TelemetrySample(Instant At, Ata Pressure, double O2Percent);

public enum ChamberKind
{
    /// <summary>One patient, compressed with O2.</summary>
    Monoplace,

    /// <summary>Several patients, compressed with air, O2 by mask or hood, inside attendant.</summary>
    Multiplace,
}
