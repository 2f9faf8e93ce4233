using System.Globalization;
using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>An error in an edited limit set, named by the form field it belongs to.</summary>
public sealed record LimitFieldError(string Field, string Message);

/// <summary>
/// One revision of a site's ozone and prolotherapy dose limits (clinical-reference §3: *configurable*, defaults from studies).
/// Append-only: an edit stores the next revision and marks the previous one superseded, so the limits in force when any
/// procedure was charted can always be read back from <see cref="Version"/>, which every procedure record keeps. Revision 1
/// of a site is seeded from <see cref="OzoneDoseLimits.Default"/> and <see cref="ProlotherapyLimits.Default"/> with their
/// citation. Changes apply to procedures charted after the edit only.
/// </summary>
public sealed class InjectionLimitSet
{
    public const int MinimumReasonLength = 10;
    public const string SeedReason = "Seeded from the reference defaults (clinical-reference §3).";

    private InjectionLimitSet() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public int Revision { get; private set; }
    /// <summary>Unique per site and revision (<c>AMS-limits-r2</c>); what a procedure records as the limits in force.</summary>
    public string Version { get; private set; } = "";
    public OzoneDoseLimits Ozone { get; private set; } = OzoneDoseLimits.Default;
    public ProlotherapyLimits Prolotherapy { get; private set; } = ProlotherapyLimits.Default;
    /// <summary>The citation of the defaults, and the clinic's own note when a value departs from them.</summary>
    public string Source { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public Instant ChangedAt { get; private set; }
    public Instant? SupersededAt { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    public static string VersionFor(string siteCode, int revision) => string.Create(CultureInfo.InvariantCulture, $"{siteCode}-limits-r{revision}");

    /// <summary>Revision 1 of a site: the reference defaults with their citation.</summary>
    public static InjectionLimitSet SeedDefaults(Guid siteId, string siteCode, string by, Instant at) =>
        Create(siteId, siteCode, 1, OzoneDoseLimits.Default, ProlotherapyLimits.Default,
            $"{OzoneDoseLimits.ReferenceSource}; {ProlotherapyLimits.Source}", SeedReason, by, at);

    /// <summary>The next revision after <paramref name="current"/> with the edited values; validated as a whole. The previous
    /// revision is kept, marked superseded.</summary>
    public static InjectionLimitSet Revise(InjectionLimitSet current, string siteCode, OzoneDoseLimits ozone, ProlotherapyLimits prolotherapy,
        string? source, string? reason, string by, Instant at)
    {
        if (!current.IsCurrent) throw new DomainException("limits.not-current", "Only the limits in force can be revised.");
        var errors = Validate(ozone, prolotherapy);
        if (errors.Count > 0) throw new DomainException("limits.invalid", errors[0].Message, errors[0].Field);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinimumReasonLength)
            throw new DomainException("limits.reason-required", $"Give the reason for the change (at least {MinimumReasonLength} characters).", "reason");
        var next = Create(current.SiteId, siteCode, current.Revision + 1, ozone, prolotherapy,
            string.IsNullOrWhiteSpace(source) ? current.Source : source.Trim(), reason.Trim(), by, at);
        current.SupersededAt = at;
        return next;
    }

    private static InjectionLimitSet Create(Guid siteId, string siteCode, int revision, OzoneDoseLimits ozone, ProlotherapyLimits prolotherapy,
        string source, string reason, string by, Instant at)
    {
        var version = VersionFor(Require.Text(siteCode, "siteCode", 20), revision);
        return new InjectionLimitSet
        {
            SiteId = siteId, Revision = revision, Version = version,
            Ozone = ozone with { Version = version, RouteLimits = [.. ozone.RouteLimits] },
            Prolotherapy = prolotherapy with { Version = version },
            Source = Require.Text(source, "source", 1000), Reason = Require.Text(reason, "reason", 500),
            ChangedBy = Require.Text(by, "changedBy", 200), ChangedAt = at,
        };
    }

    /// <summary>Every value positive, every minimum at or below its maximum, percentages below 100. The rules say nothing
    /// about how far a clinic may depart from the study defaults: that is the medical director's decision, recorded with a
    /// reason and shown beside the default on the settings page.</summary>
    public static IReadOnlyList<LimitFieldError> Validate(OzoneDoseLimits ozone, ProlotherapyLimits prolo)
    {
        var errors = new List<LimitFieldError>();
        Positive(errors, "ozone.maxConcentration", ozone.MaxConcentrationAnyRouteMicrogramsPerMl, "The any-route concentration cap");
        for (var i = 0; i < ozone.RouteLimits.Count; i++)
        {
            var l = ozone.RouteLimits[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"ozone.routes[{i}]");
            Positive(errors, at + ".minConcentration", l.MinConcentrationMicrogramsPerMl, "A minimum concentration");
            Positive(errors, at + ".maxConcentration", l.MaxConcentrationMicrogramsPerMl, "A maximum concentration");
            Positive(errors, at + ".minVolume", l.MinVolumeMl, "A minimum volume");
            Positive(errors, at + ".maxVolume", l.MaxVolumeMl, "A maximum volume");
            Ordered(errors, at + ".minConcentration", l.MinConcentrationMicrogramsPerMl, l.MaxConcentrationMicrogramsPerMl, "concentration");
            Ordered(errors, at + ".minVolume", l.MinVolumeMl, l.MaxVolumeMl, "volume");
        }

        Percent(errors, "prolo.minDextrose", prolo.MinDextrosePercent, "The minimum dextrose %");
        Percent(errors, "prolo.maxDextrose", prolo.MaxDextrosePercent, "The maximum dextrose %");
        Percent(errors, "prolo.typicalExtraArticular", prolo.TypicalMaxExtraArticularDextrosePercent, "The typical extra-articular dextrose %");
        Positive(errors, "prolo.minVolume", prolo.MinVolumePerSiteMl, "The minimum volume per site");
        Positive(errors, "prolo.maxVolume", prolo.MaxVolumePerSiteMl, "The maximum volume per site");
        Ordered(errors, "prolo.minDextrose", prolo.MinDextrosePercent, prolo.MaxDextrosePercent, "dextrose %");
        if (prolo.TypicalMaxExtraArticularDextrosePercent < prolo.MinDextrosePercent || prolo.TypicalMaxExtraArticularDextrosePercent > prolo.MaxDextrosePercent)
            errors.Add(new("prolo.typicalExtraArticular", "The typical extra-articular dextrose % must lie within the dextrose range."));
        Ordered(errors, "prolo.minVolume", prolo.MinVolumePerSiteMl, prolo.MaxVolumePerSiteMl, "volume per site");
        return errors;
    }

    private static void Positive(List<LimitFieldError> errors, string field, decimal? value, string what)
    {
        if (value is { } v && v <= 0) errors.Add(new(field, $"{what} must be greater than 0."));
    }

    private static void Percent(List<LimitFieldError> errors, string field, decimal value, string what)
    {
        if (value <= 0 || value >= 100) errors.Add(new(field, $"{what} must be greater than 0 and less than 100."));
    }

    private static void Ordered(List<LimitFieldError> errors, string field, decimal? min, decimal? max, string what)
    {
        if (min is { } lo && max is { } hi && lo > hi && errors.All(e => e.Field != field))
            errors.Add(new(field, $"The minimum {what} is above the maximum."));
    }
}
