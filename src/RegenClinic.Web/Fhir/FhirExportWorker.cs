using RegenClinic.Fhir;

namespace RegenClinic.Web.Fhir;

/// <summary>Runs queued exports in the background. Several app instances may run it: the runner's conditional claim gives each
/// job to one of them.</summary>
public sealed class FhirExportWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<FhirExportWorker> logger) : BackgroundService
{
    private readonly string name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async System.Threading.Tasks.Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(configuration.GetValue("Fhir:ExportPollMilliseconds", 1000));
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                worked = await scope.ServiceProvider.GetRequiredService<FhirExportRunner>().RunNextAsync(name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the worker must outlive a failed job (the database may be briefly unavailable)
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "FHIR export failed");
            }
            if (!worked) await System.Threading.Tasks.Task.Delay(idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
