namespace RegenClinic.Domain.Hyperbaric;

/// <summary>One step of a treatment table: over <paramref name="Minutes"/> the chamber goes linearly from the previous
/// step's pressure to <paramref name="EndPressure"/> (equal pressure = a hold) while the patient breathes <paramref name="Gas"/>.</summary>
public sealed record TableStep(double Minutes, Ata EndPressure, BreathingGas Gas);
