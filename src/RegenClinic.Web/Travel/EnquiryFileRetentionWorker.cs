using RegenClinic.Travel;
using RegenClinic.Web.Infrastructure;

namespace RegenClinic.Web.Travel;

/// <summary>Deletes the files of declined and withdrawn enquiries after the retention period. Every instance tries once an
/// hour (after a start delay that lets the app migrate and seed); the job runs at most once a day across all of them
/// (<see cref="RemoveExpiredEnquiryFiles"/> claims the day in the database). <c>Travel:RetentionJob</c> = false turns it off.</summary>
public sealed class EnquiryFileRetentionWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<EnquiryFileRetentionWorker> logger)
    : ClaimingWorker(scopes, logger, "Enquiry file retention failed",
        TimeSpan.FromMinutes(configuration.GetValue("Travel:RetentionJobMinutes", 60)),
        TimeSpan.FromSeconds(configuration.GetValue("Travel:RetentionJobDelaySeconds", 60)))
{
    protected override bool Enabled => configuration.GetValue("Travel:RetentionJob", true);

    protected override async Task<bool> PassAsync(IServiceProvider services, CancellationToken ct)
    {
        var outcome = await services.GetRequiredService<RemoveExpiredEnquiryFiles>().HandleAsync(Name, ct);
        if (outcome is { FilesRemoved: > 0 }) logger.LogInformation("Enquiry file retention: {Files} files of {Enquiries} enquiries removed", outcome.FilesRemoved, outcome.Enquiries);
        return false; // once per period, whatever it found
    }
}
