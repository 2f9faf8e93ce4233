namespace RegenClinic.Domain.Hyperbaric;

/// <summary>A hyperbaric treatment table as data (clinical-reference §4). Catalogue entries are retired, never deleted.</summary>
/// <param name="Pressure">Treatment (deepest) pressure.</param>
/// <param name="Steps">From the surface: compression, holds (O2 periods, air breaks), intermediate travel, final decompression.</param>
/// <param name="FastestCompressionMinutes">Shortest compression from the surface to <paramref name="Pressure"/> the table allows; sets the compression-rate alarm.</param>
/// <param name="FastestDecompressionAtaPerMinute">Fastest ascent the table allows (ATA per minute); sets the decompression-rate alarm.</param>
/// <param name="EmergencyOnly">An emergency table (never schedulable as a course).</param>
/// <param name="Source">Where the table comes from, shown with it.</param>
public sealed record TreatmentTable(
    string Id,
    string Name,
    Ata Pressure,
    IReadOnlyList<TableStep> Steps,
    double FastestCompressionMinutes,
    double FastestDecompressionAtaPerMinute,
    bool EmergencyOnly,
    string Source,
    string? Note = null,
    bool IsRetired = false)
{
    /// <summary>Only a current, non-emergency table may be prescribed as a course of sessions.</summary>
    public bool IsSchedulableAsCourse => !EmergencyOnly && !IsRetired;

    public double TotalMinutes => Steps.Sum(s => s.Minutes);

    /// <summary>Minutes of the first step (compression from the surface).</summary>
    public double CompressionMinutes => Steps[0].Minutes;

    /// <summary>Minutes of the last step (final decompression to the surface).</summary>
    public double DecompressionMinutes => Steps[^1].Minutes;

    /// <summary>Minutes from arrival at treatment pressure to the start of the final decompression.</summary>
    public double MinutesAtPressure => TotalMinutes - CompressionMinutes - DecompressionMinutes;

    /// <summary>Pressure held just before the final decompression (2.4 ATA for 2.4-90, 1.9 ATA for TT6).</summary>
    public Ata LastStopPressure => Steps.Count >= 2 ? Steps[^2].EndPressure : Pressure;

    public double OxygenMinutesAtPressure =>
        Steps.Skip(1).Take(Steps.Count - 2).Where(s => s.Gas == BreathingGas.Oxygen).Sum(s => s.Minutes);

    public int AirBreakCount =>
        Steps.Skip(1).Take(Steps.Count - 2).Count(s => s.Gas == BreathingGas.Air);

    public double FastestCompressionAtaPerMinute => (Pressure.Value - Ata.Surface.Value) / FastestCompressionMinutes;

    /// <summary>The planned profile, minute 0 at the start of compression: (minute, ATA, fio2) at each step boundary.</summary>
    public DiveProfile PlannedProfile()
    {
        var points = new List<ProfilePoint>(Steps.Count + 1);
        var minute = 0.0;
        var pressure = Ata.Surface;
        foreach (var step in Steps)
        {
            points.Add(new ProfilePoint(minute, pressure, step.Gas.Fio2()));
            minute += step.Minutes;
            pressure = step.EndPressure;
        }

        points.Add(new ProfilePoint(minute, pressure, BreathingGasExtensions.AirFio2));
        return new DiveProfile(points);
    }

    public TreatmentTable Retire() => this with { IsRetired = true };
}
