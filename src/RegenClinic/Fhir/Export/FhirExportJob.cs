using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Fhir;

public enum FhirExportStatus { Queued, Running, Completed, Failed, Cancelled }

/// <summary>
/// One bulk export (FHIR Bulk Data Access <c>$export</c>): queued at kick-off, claimed by exactly one app instance with a conditional
/// update (Queued → Running, as <see cref="Scheduling.ScheduleRunner"/> claims its runs), written as NDJSON files into the database
/// (so that every instance can serve them) and completed, failed or cancelled. It remembers who asked and which sites they may see:
/// the files are served only to them, and the export sees only those sites' patients.
/// </summary>
public sealed class FhirExportJob
{
    private FhirExportJob() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>"system" (<c>/fhir/$export</c>) or "patient" (<c>/fhir/Patient/$export</c>: the patient compartment only).</summary>
    public string Level { get; private set; } = "";
    /// <summary>Resource types to export, comma-separated, in registry order.</summary>
    public string Types { get; private set; } = "";
    public Instant? Since { get; private set; }
    /// <summary>The kick-off request URL, echoed in the manifest.</summary>
    public string Request { get; private set; } = "";
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    /// <summary>The requester's sites, comma-separated; null when they see every site (system clients).</summary>
    public string? SiteIds { get; private set; }
    public Instant RequestedAt { get; private set; }
    public FhirExportStatus Status { get; private set; }
    public string? Worker { get; private set; }
    public Instant? StartedAt { get; private set; }
    /// <summary>Written with every file; a running job whose heartbeat stops is failed (its instance stopped).</summary>
    public Instant? HeartbeatAt { get; private set; }
    /// <summary>Bulk Data <c>transactionTime</c>: taken before the export's database snapshot, so a later <c>_since</c> misses nothing.</summary>
    public Instant? TransactionTime { get; private set; }
    public Instant? FinishedAt { get; private set; }
    public string? Progress { get; private set; }
    public string? Message { get; private set; }
    public int ResourceCount { get; private set; }
    public int PatientCount { get; private set; }

    public bool IsActive => Status is FhirExportStatus.Queued or FhirExportStatus.Running;

    public IReadOnlyList<string> TypeNames => Types.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static FhirExportJob Queue(string level, IReadOnlyList<string> types, Instant? since, string request, string byId, string byName, IReadOnlyList<Guid>? siteIds, Instant at)
    {
        if (level is not ("system" or "patient")) throw new DomainException("fhir-export.level", "Export level is system or patient.", "level");
        if (types.Count == 0) throw new DomainException("fhir-export.no-types", "Nothing to export.", "_type");
        return new FhirExportJob
        {
            Level = level, Types = string.Join(',', types), Since = since, Request = Require.Text(request, "request", 2000),
            RequestedById = Require.Text(byId, "by", 200), RequestedByName = Require.Text(byName, "by", 200),
            SiteIds = siteIds is null ? null : string.Join(',', siteIds), RequestedAt = at, Status = FhirExportStatus.Queued,
        };
    }

    public Security.SiteScope Scope => SiteIds is null
        ? Security.SiteScope.Unrestricted
        : new Security.SiteScope(false, [.. SiteIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)], []);
}

/// <summary>One NDJSON output file of an export: resources of one type, one per line, at most <see cref="FhirExportRunner.FileSize"/>.</summary>
public sealed class FhirExportFile
{
    private FhirExportFile() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid JobId { get; private set; }
    public string ResourceType { get; private set; } = "";
    public int Sequence { get; private set; }
    public int Count { get; private set; }
    public string Content { get; private set; } = "";

    public static FhirExportFile Write(Guid jobId, string resourceType, int sequence, int count, string content) =>
        new() { JobId = jobId, ResourceType = resourceType, Sequence = sequence, Count = count, Content = content };
}
