using NodaTime;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Domain.CellTherapy;

/// <summary>The three cell therapies of clinical-reference §1.</summary>
public enum CellProductKind
{
    Bmac,
    Adipose,
    Allogeneic,
}

public enum HarvestSite
{
    PosteriorIliacCrest,
    AnteriorIliacCrest,
    Abdomen,
    Flank,
    Thigh,
}

/// <summary>How the harvested tissue was processed. <see cref="None"/> means only rinsing, cleansing, sizing or shaping.</summary>
public enum ProcessingMethod
{
    None,
    CentrifugalConcentration,
    MechanicalMicrofragmentation,
    EnzymaticDigestion,
    CultureExpansion,
}

public enum CellAdministrationRoute
{
    CoreDecompressionFemoralHead,
    IntraArticular,
}

public static class CellProductKinds
{
    public static string TherapyId(this CellProductKind kind) => kind switch
    {
        CellProductKind.Bmac => "cell-therapy-bmac",
        CellProductKind.Adipose => "cell-therapy-adipose",
        CellProductKind.Allogeneic => "cell-therapy-allogeneic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsAutologous(this CellProductKind kind) => kind is CellProductKind.Bmac or CellProductKind.Adipose;
}

public sealed record HarvestRecord(HarvestSite Site, BodySide Side, decimal VolumeAspiratedMl, Instant HarvestedAt);

/// <summary>An allogeneic product: lot number or donor identifier (at least one), and its supplier.</summary>
public sealed record AllogeneicSource(string? LotNumber, string? DonorId, string Supplier, bool DonorIsFirstOrSecondDegreeRelative = false);

/// <summary>Counts when measured: total nucleated cells, CFU-F colonies, viability %.</summary>
public sealed record CellCounts(long? TotalNucleatedCells = null, long? CfuF = null, decimal? ViabilityPercent = null);

public sealed record CellProduct(
    CellProductKind Kind,
    HarvestRecord? Harvest,
    AllogeneicSource? Allogeneic,
    ProcessingMethod Processing,
    decimal FinalProductVolumeMl,
    CellCounts Counts);

public sealed record CellAdministration(
    CellAdministrationRoute Route,
    InjectionRegion Region,
    BodySide Side,
    InjectionGuidance Guidance,
    decimal VolumeAdministeredMl,
    Instant AdministeredAt);

public sealed record CellTherapyProcedureRecord(CellProduct Product, CellAdministration Administration);
