using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Clinic;

/// <summary>A day a site is closed (a public holiday, a chamber-room refit): no session is planned or booked on it.</summary>
public sealed class SiteClosure
{
    private SiteClosure() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public LocalDate Date { get; private set; }
    public string Reason { get; private set; } = "";

    public static SiteClosure Create(Guid siteId, LocalDate date, string reason) =>
        new() { SiteId = siteId, Date = date, Reason = Require.Text(reason, "reason", 200) };

    /// <summary>The closed days of a site in <c>[start, start + days)</c>, as the scheduler's calendar takes them.</summary>
    public static IReadOnlyList<DateOnly> Within(IEnumerable<SiteClosure> closures, LocalDate start, int days) =>
        [.. closures.Where(c => c.Date >= start && c.Date < start.PlusDays(days)).Select(c => c.Date.ToDateOnly()).Distinct().Order()];
}
