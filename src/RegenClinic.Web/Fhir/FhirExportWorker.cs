using RegenClinic.Fhir;
using RegenClinic.Web.Infrastructure;

namespace RegenClinic.Web.Fhir;

/// <summary>Runs queued exports in the background; the runner's conditional claim gives each job to one instance.</summary>
public sealed class FhirExportWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<FhirExportWorker> logger)
    : ClaimingWorker(scopes, logger, "FHIR export failed", TimeSpan.FromMilliseconds(configuration.GetValue("Fhir:ExportPollMilliseconds", 1000)))
{
    protected override System.Threading.Tasks.Task<bool> PassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<FhirExportRunner>().RunNextAsync(Name, ct);
}
