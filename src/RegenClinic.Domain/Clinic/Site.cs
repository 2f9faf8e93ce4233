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

    /// <summary>Where travelling patients come to (the public directory shows it); empty until the site is described.</summary>
    public string City { get; private set; } = "";
    /// <summary>Therapy ids (clinical reference §1) this centre offers.</summary>
    public List<string> Therapies { get; private set; } = [];
    /// <summary>Languages the centre's staff speak with patients (ISO 639-1).</summary>
    public List<string> Languages { get; private set; } = [];
    /// <summary>Accreditations as the accrediting body words them (e.g. "ECHM/EUBS chamber safety audit 2025").</summary>
    public List<string> Accreditations { get; private set; } = [];

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

    /// <summary>What the public directory shows of this centre. Therapies must be known ids, so the directory never offers
    /// something the screening engine cannot screen.</summary>
    public void Describe(string city, IEnumerable<string> therapies, IEnumerable<string> languages, IEnumerable<string> accreditations)
    {
        var offered = therapies.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = offered.FirstOrDefault(t => !Eligibility.TherapyId.All.Contains(new Eligibility.TherapyId(t)));
        if (unknown is not null) throw new DomainException("site.unknown-therapy", $"Unknown therapy '{unknown}'.", "therapies");
        City = Require.Text(city, "city", 100);
        Therapies = offered;
        Languages = [.. languages.Select(l => Require.Text(l, "languages", 5).ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        Accreditations = [.. accreditations.Select(a => Require.Text(a, "accreditations", 200))];
    }
}
