namespace RegenClinic.Domain.Hyperbaric;

/// <summary>What the patient breathes during a table step. Fractions per clinical-reference §4 (1.0 on O2, 0.21 on air).</summary>
public enum BreathingGas
{
    Air,
    Oxygen,
}

public static class BreathingGasExtensions
{
    public const double AirFio2 = 0.21;
    public const double OxygenFio2 = 1.0;

    public static double Fio2(this BreathingGas gas) => gas == BreathingGas.Oxygen ? OxygenFio2 : AirFio2;
}
