using NodaTime;

namespace RegenClinic.Domain.Injections;

/// <summary>One ozone procedure as charted. <paramref name="Region"/> from the region list when it fits, and
/// <paramref name="SiteDetail"/> for the rest (<c>L4–L5</c>, <c>cervical</c>). For
/// <see cref="OzoneRoute.MajorAutohemotherapy"/>, <paramref name="BloodVolumeMl"/> and <paramref name="Anticoagulant"/>
/// are required; for other routes they must be empty.</summary>
public sealed record OzoneProcedureRecord(
    OzoneRoute Route,
    InjectionRegion? Region,
    string? SiteDetail,
    BodySide Side,
    string GeneratorId,
    LocalDate GeneratorCalibrationDate,
    LocalDate ProcedureDate,
    decimal ConcentrationMicrogramsPerMl,
    decimal GasVolumeMl,
    decimal? BloodVolumeMl = null,
    AutohemotherapyAnticoagulant? Anticoagulant = null)
{
    /// <summary>Total ozone (µg) = concentration × gas volume; null while either entry is not positive.</summary>
    public decimal? TotalOzoneMicrograms =>
        ConcentrationMicrogramsPerMl > 0 && GasVolumeMl > 0
            ? OzoneDose.Total(ConcentrationMicrogramsPerMl, GasVolumeMl)
            : null;
}
