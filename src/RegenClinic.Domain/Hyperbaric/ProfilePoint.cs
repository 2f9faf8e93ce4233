namespace RegenClinic.Domain.Hyperbaric;

/// <summary>One point of a pressure profile: at <paramref name="Minute"/> the chamber is at <paramref name="Pressure"/>;
/// pressure runs linearly to the next point and <paramref name="Fio2"/> (inspired O2 fraction) holds until the next point.</summary>
public readonly record struct ProfilePoint(double Minute, Ata Pressure, double Fio2)
{
    /// <summary>Inspired oxygen partial pressure at this instant, ATA.</summary>
    public double Po2 => Pressure.Value * Fio2;
}
