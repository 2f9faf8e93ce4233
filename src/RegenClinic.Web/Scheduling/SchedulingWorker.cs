using RegenClinic.Scheduling;
using RegenClinic.Web.Infrastructure;

namespace RegenClinic.Web.Scheduling;

/// <summary>Runs queued schedule runs in the background, one at a time in this instance; the runner's conditional claim lets
/// only one instance take each run.</summary>
public sealed class SchedulingWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SchedulingWorker> logger)
    : ClaimingWorker(scopes, logger, "Schedule run failed", TimeSpan.FromMilliseconds(configuration.GetValue("Scheduling:PollMilliseconds", 1000)))
{
    protected override Task<bool> PassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ScheduleRunner>().RunNextAsync(Name, ct);
}
