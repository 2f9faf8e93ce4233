namespace RegenClinic.Audit;

/// <summary>Who is acting in this scope (request or CLI run) and from where; every audit entry names them.</summary>
public sealed class ClinicActor
{
    public string UserId { get; set; } = "system";
    public string Name { get; set; } = "system";
    public string? Address { get; set; }

    /// <summary>When set, one summary audit entry is written per save instead of one per entity (demo seeding, bulk import).</summary>
    public string? BulkOperation { get; set; }

    /// <summary>Which patients this actor may see; the database filters every patient query by it. The system sees all.</summary>
    public Security.SiteScope Scope { get; set; } = Security.SiteScope.Unrestricted;
}
