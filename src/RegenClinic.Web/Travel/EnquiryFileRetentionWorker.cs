using RegenClinic.Travel;

namespace RegenClinic.Web.Travel;

/// <summary>Deletes the files of declined and withdrawn enquiries after the retention period. Every instance of the app
/// runs this worker and tries once an hour; the job itself runs at most once a day across all of them
/// (<see cref="RemoveExpiredEnquiryFiles"/> claims the day in the database). <c>Travel:RetentionJob</c> = false turns it off.</summary>
public sealed class EnquiryFileRetentionWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<EnquiryFileRetentionWorker> logger) : BackgroundService
{
    private readonly string name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Travel:RetentionJob", true)) return;
        var every = TimeSpan.FromMinutes(configuration.GetValue("Travel:RetentionJobMinutes", 60));
        // Let the app migrate and seed first.
        await Task.Delay(TimeSpan.FromSeconds(configuration.GetValue("Travel:RetentionJobDelaySeconds", 60)), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<RemoveExpiredEnquiryFiles>().HandleAsync(name, stoppingToken);
                if (outcome is { FilesRemoved: > 0 }) logger.LogInformation("Enquiry file retention: {Files} files of {Enquiries} enquiries removed", outcome.FilesRemoved, outcome.Enquiries);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the worker must outlive a failed run (the database may be briefly unavailable)
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Enquiry file retention failed");
            }
            await Task.Delay(every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
