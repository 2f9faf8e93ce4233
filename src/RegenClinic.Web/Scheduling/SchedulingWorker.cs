using RegenClinic.Scheduling;

namespace RegenClinic.Web.Scheduling;

/// <summary>Runs queued schedule runs in the background, one at a time in this instance. Several app instances may run
/// this worker: the runner's conditional claim lets only one of them take each run.</summary>
public sealed class SchedulingWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SchedulingWorker> logger) : BackgroundService
{
    private readonly string name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(configuration.GetValue("Scheduling:PollMilliseconds", 1000));
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                worked = await scope.ServiceProvider.GetRequiredService<ScheduleRunner>().RunNextAsync(name, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the worker must outlive a failed run (the database may be briefly unavailable)
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Schedule run failed");
            }
            if (!worked) await Task.Delay(idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
