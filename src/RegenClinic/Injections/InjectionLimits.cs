using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

public sealed record InjectionLimitRevision(int Revision, string Version, string Reason, string Source, string ChangedBy, Instant ChangedAt);

/// <summary>A site's limits in force. <see cref="Stored"/> false: nothing stored for the site yet, so the reference defaults
/// apply (and are stored as revision 1 on the first edit).</summary>
public sealed record InjectionLimitsView(Guid SiteId, string SiteCode, string SiteName, bool Stored, string Version, OzoneDoseLimits Ozone,
    ProlotherapyLimits Prolotherapy, string Source, IReadOnlyList<InjectionLimitRevision> History);

/// <summary>Reads the ozone and prolotherapy limits in force at a site.</summary>
public static class InjectionLimitStore
{
    public static async Task<(OzoneDoseLimits Ozone, ProlotherapyLimits Prolotherapy)> InForceAsync(ClinicDb db, Guid? siteId, CancellationToken ct)
    {
        var current = siteId is { } id
            ? await db.InjectionLimits.AsNoTracking().Where(l => l.SiteId == id && l.SupersededAt == null).OrderByDescending(l => l.Revision).FirstOrDefaultAsync(ct)
            : null;
        return current is null ? (OzoneDoseLimits.Default, ProlotherapyLimits.Default) : (current.Ozone, current.Prolotherapy);
    }

    /// <summary>Stores revision 1 (the reference defaults with their citation) for every site that has no limits yet.</summary>
    public static async Task SeedMissingAsync(ClinicDb db, string by, Instant at, CancellationToken ct)
    {
        var seeded = await db.InjectionLimits.Select(l => l.SiteId).Distinct().ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking().Where(s => !seeded.Contains(s.Id)).ToListAsync(ct);
        db.InjectionLimits.AddRange(sites.Select(s => InjectionLimitSet.SeedDefaults(s.Id, s.Code, by, at)));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The limits in force at a site (the first site when none is named) and every earlier revision.</summary>
public sealed class ViewInjectionLimits(ClinicDb db)
{
    public async Task<InjectionLimitsView> HandleAsync(Guid? siteId, CancellationToken ct = default)
    {
        var site = await SiteAsync(db, siteId, ct);
        var revisions = await db.InjectionLimits.AsNoTracking().Where(l => l.SiteId == site.Id).OrderByDescending(l => l.Revision).ToListAsync(ct);
        var history = revisions.Select(r => new InjectionLimitRevision(r.Revision, r.Version, r.Reason, r.Source, r.ChangedBy, r.ChangedAt)).ToList();
        var current = revisions.FirstOrDefault(r => r.IsCurrent);
        return current is null
            ? new(site.Id, site.Code, site.Name, false, $"{OzoneDoseLimits.Default.Version} / {ProlotherapyLimits.Default.Version}", OzoneDoseLimits.Default,
                ProlotherapyLimits.Default, $"{OzoneDoseLimits.ReferenceSource}; {ProlotherapyLimits.Source}", history)
            : new(site.Id, site.Code, site.Name, true, current.Version, current.Ozone, current.Prolotherapy, current.Source, history);
    }

    internal static async Task<Site> SiteAsync(ClinicDb db, Guid? siteId, CancellationToken ct) =>
        (siteId is { } id ? await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : await db.Sites.AsNoTracking().OrderBy(s => s.Code).FirstOrDefaultAsync(ct))
        ?? throw new DomainException("site.not-found", "No such site.", "siteId");
}

public sealed record ReviseInjectionLimitsRequest(Guid? SiteId, OzoneDoseLimits Ozone, ProlotherapyLimits Prolotherapy, string? Source, string? Reason);

/// <summary>Stores a site's next limit revision (validated; reason required). Procedures charted from now on are checked
/// against it and record its version; earlier procedures keep the version they were checked against.</summary>
public sealed class ReviseInjectionLimits(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<string> HandleAsync(ReviseInjectionLimitsRequest request, CancellationToken ct = default)
    {
        var site = await ViewInjectionLimits.SiteAsync(db, request.SiteId, ct);
        var now = time.Now;
        var current = await db.InjectionLimits.Where(l => l.SiteId == site.Id && l.SupersededAt == null).OrderByDescending(l => l.Revision).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            current = InjectionLimitSet.SeedDefaults(site.Id, site.Code, actor.Name, now);
            db.InjectionLimits.Add(current);
        }
        var next = InjectionLimitSet.Revise(current, site.Code, request.Ozone, request.Prolotherapy, request.Source, request.Reason, actor.Name, now);
        db.InjectionLimits.Add(next);
        await db.SaveChangesAsync(ct);
        return next.Version;
    }
}
