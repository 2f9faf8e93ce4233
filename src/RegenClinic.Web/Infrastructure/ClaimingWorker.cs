namespace RegenClinic.Web.Infrastructure;

/// <summary>
/// A background loop that every app instance runs: each pass does one unit of work in a fresh scope, and the use case behind
/// it claims that work in the database, so only one instance does it. A failed pass is logged and the loop goes on (the
/// database may be briefly unavailable); a pass that found nothing to do waits <paramref name="idle"/> before the next.
/// </summary>
public abstract class ClaimingWorker(IServiceScopeFactory scopes, ILogger logger, string failure, TimeSpan idle, TimeSpan startDelay = default)
    : BackgroundService
{
    /// <summary>Who claimed a piece of work, as the database records it.</summary>
    protected string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected virtual bool Enabled => true;

    /// <summary>One pass; true when it did work and the next pass should follow at once.</summary>
    protected abstract Task<bool> PassAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        await PauseAsync(startDelay, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                worked = await PassAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the worker must outlive a failed pass
            catch (Exception ex)
#pragma warning restore CA1031
            {
#pragma warning disable CA2254 // the message is one constant per worker
                logger.LogError(ex, failure);
#pragma warning restore CA2254
            }
            if (!worked) await PauseAsync(idle, stoppingToken);
        }
    }

    private static Task PauseAsync(TimeSpan wait, CancellationToken ct) =>
        wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, ct).ContinueWith(_ => { }, TaskScheduler.Default);
}
