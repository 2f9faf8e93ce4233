using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Clinic;

/// <summary>A clinic site (centre). Its IANA zone turns what people enter (local dates and times) into instants;
/// its jurisdiction switches regulatory notices (clinical-reference §7).</summary>
public sealed class Site
{
    private Site() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "";
    /// <summary>ISO 3166-1 alpha-2 country code, e.g. NL or US.</summary>
    public string Jurisdiction { get; private set; } = "";

    public DateTimeZone TimeZone => DateTimeZoneProviders.Tzdb[TimeZoneId];

    public static Site Create(string code, string name, string timeZoneId, string jurisdiction)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is null)
            throw new DomainException("site.unknown-zone", $"'{timeZoneId}' is not an IANA time zone.", "timeZoneId");
        return new Site
        {
            Code = Require.Text(code, "code", 20),
            Name = Require.Text(name, "name", 200),
            TimeZoneId = timeZoneId,
            Jurisdiction = Require.Text(jurisdiction, "jurisdiction", 2).ToUpperInvariant(),
        };
    }
}
