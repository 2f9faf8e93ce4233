using Microsoft.Extensions.Configuration;
using NodaTime;

namespace RegenClinic.Clinic;

/// <summary>The clinic's IANA zone (Clinic:TimeZone) applied to the injected clock: what "today" means at the front desk.</summary>
public sealed class ClinicTime(IClock clock, IConfiguration configuration)
{
    public DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb.GetZoneOrNull(configuration["Clinic:TimeZone"] ?? "Europe/Amsterdam")
        ?? throw new InvalidOperationException($"Clinic:TimeZone '{configuration["Clinic:TimeZone"]}' is not an IANA time zone.");

    public Instant Now => clock.GetCurrentInstant();
    public LocalDate Today => Now.InZone(Zone).Date;
    public ZonedDateTime Local(Instant instant) => instant.InZone(Zone);
    public Instant ToInstant(LocalDateTime local) => local.InZoneLeniently(Zone).ToInstant();
}
