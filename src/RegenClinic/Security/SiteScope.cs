namespace RegenClinic.Security;

/// <summary>
/// Which patients the acting user may see: those registered at <see cref="Sites"/> (their own site and any granted),
/// plus single patients opened by break-glass. The database applies it to every query of patient data
/// (<see cref="Data.ClinicDb"/> query filters), so no use case can forget it.
/// </summary>
public sealed record SiteScope(bool AllSites, Guid[] Sites, Guid[] BreakGlassPatients, Guid? HomeSite = null)
{
    /// <summary>The system itself (CLI, seeding, background work): every site.</summary>
    public static readonly SiteScope Unrestricted = new(true, [], []);

    /// <summary>Anyone not signed in as staff (and interactive circuits until told otherwise): no patient at all.</summary>
    public static readonly SiteScope Nothing = new(false, [], []);

    public bool Allows(Guid siteId, Guid patientId) => AllSites || Sites.Contains(siteId) || BreakGlassPatients.Contains(patientId);
}
