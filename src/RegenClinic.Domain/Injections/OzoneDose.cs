using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>An ozone dose as given: concentration of O3 in the O2–O3 mixture (µg/mL) and gas volume (mL).
/// Total dose (µg) = concentration × volume (clinical-reference §3, ozone dose limits).</summary>
public readonly record struct OzoneDose
{
    public OzoneDose(decimal concentrationMicrogramsPerMl, decimal gasVolumeMl)
    {
        if (concentrationMicrogramsPerMl <= 0)
        {
            throw new DomainException("ozone.concentration.not-positive", "Ozone concentration must be greater than 0 µg/mL.", "concentration");
        }

        if (gasVolumeMl <= 0)
        {
            throw new DomainException("ozone.gas-volume.not-positive", "Gas volume must be greater than 0 mL.", "gasVolume");
        }

        ConcentrationMicrogramsPerMl = concentrationMicrogramsPerMl;
        GasVolumeMl = gasVolumeMl;
    }

    public decimal ConcentrationMicrogramsPerMl { get; }

    public decimal GasVolumeMl { get; }

    /// <summary>Total ozone in µg. Decimal multiplication is always overflow-checked; an absurd entry throws
    /// <see cref="DomainException"/> <c>ozone.dose.overflow</c> rather than wrapping.</summary>
    public decimal TotalMicrograms => Total(ConcentrationMicrogramsPerMl, GasVolumeMl);

    /// <summary>Total dose in µg for a concentration (µg/mL) and a gas volume (mL), both positive.</summary>
    public static decimal Total(decimal concentrationMicrogramsPerMl, decimal gasVolumeMl)
    {
        try
        {
            return checked(concentrationMicrogramsPerMl * gasVolumeMl);
        }
        catch (OverflowException ex)
        {
            throw new DomainException("ozone.dose.overflow", $"Ozone dose overflows: {ex.Message}", "gasVolume");
        }
    }
}
