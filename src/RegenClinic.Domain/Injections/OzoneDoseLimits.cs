namespace RegenClinic.Domain.Injections;

/// <summary>Which volume a route's volume range applies to: the O2–O3 gas, or (autohemotherapy) the blood drawn.</summary>
public enum OzoneVolumeBasis
{
    Gas,
    Blood,
}

/// <summary>A route's dose range. Null bounds are not checked. <paramref name="Region"/> null means every site of the
/// route; a region-specific limit (knee intra-articular) wins over a route-wide one.
/// <paramref name="ExemptFromGeneralCap"/>: when true the route's own maximum replaces the any-route concentration cap
/// (a clinic decision; false in the defaults, see <see cref="OzoneDoseLimits.Default"/>).</summary>
public sealed record OzoneRouteLimit(
    string Id,
    OzoneRoute Route,
    InjectionRegion? Region,
    decimal? MinConcentrationMicrogramsPerMl,
    decimal? MaxConcentrationMicrogramsPerMl,
    decimal? MinVolumeMl,
    decimal? MaxVolumeMl,
    OzoneVolumeBasis VolumeBasis,
    bool ExemptFromGeneralCap,
    string Source);

/// <summary>The clinic's ozone dose limits (*configurable*; clinical-reference §3). A clinic edits a copy with
/// <c>with</c> and stores it; <see cref="Version"/> is recorded with every check.</summary>
public sealed record OzoneDoseLimits(
    string Version,
    decimal MaxConcentrationAnyRouteMicrogramsPerMl,
    IReadOnlyList<OzoneRouteLimit> RouteLimits)
{
    public const string ReferenceSource =
        "clinical-reference §3, ozone dose limits (configurable defaults from studies)";

    /// <summary>Defaults of clinical-reference §3: any route ≤ 40 µg/mL; paravertebral 10–30 mL at 20–30 µg/mL; knee
    /// intra-articular ≤ 20 mL at ≤ 20 µg/mL; autohemotherapy 100–200 mL blood at 20–60 µg/mL; rectal ≤ 300 mL at
    /// ≤ 40 µg/mL.
    /// <para>Contradiction resolved here: the reference gives autohemotherapy 20–60 µg/mL but also "≤ 40 µg/mL for any
    /// route". We keep the stricter reading by default: the any-route cap applies to autohemotherapy too, so 40 &lt;
    /// c ≤ 60 µg/mL is a limit breach (finding <c>ozone.concentration.above-general-cap</c>) that a physician may
    /// override with a reason, and whose message says the route's study range reaches 60. A clinic whose medical
    /// director adopts the 60 µg/mL ceiling sets <see cref="OzoneRouteLimit.ExemptFromGeneralCap"/> on the
    /// <c>OZONE-LIM-MAH</c> limit (ADR docs/adr/0101-ozone-autohemotherapy-concentration-cap.md).</para></summary>
    public static OzoneDoseLimits Default { get; } = new(
        "ozone-limits-2026-1",
        40m,
        [
            new("OZONE-LIM-PARAVERTEBRAL", OzoneRoute.Paravertebral, null, 20m, 30m, 10m, 30m, OzoneVolumeBasis.Gas, false, ReferenceSource),
            new("OZONE-LIM-KNEE-IA", OzoneRoute.IntraArticular, InjectionRegion.Knee, null, 20m, null, 20m, OzoneVolumeBasis.Gas, false, ReferenceSource),
            new("OZONE-LIM-MAH", OzoneRoute.MajorAutohemotherapy, null, 20m, 60m, 100m, 200m, OzoneVolumeBasis.Blood, false, ReferenceSource),
            new("OZONE-LIM-RECTAL", OzoneRoute.RectalInsufflation, null, null, 40m, null, 300m, OzoneVolumeBasis.Gas, false, ReferenceSource),
        ]);

    /// <summary>The limit for a route and site: a region-specific one first, then a route-wide one, else null (only the
    /// any-route cap applies).</summary>
    public OzoneRouteLimit? For(OzoneRoute route, InjectionRegion? region) =>
        RouteLimits.FirstOrDefault(l => l.Route == route && l.Region is not null && l.Region == region)
        ?? RouteLimits.FirstOrDefault(l => l.Route == route && l.Region is null);
}
