using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Security;

public sealed record StaffSitesView(string UserId, string Email, string Name, Guid? HomeSiteId, string? HomeSite, IReadOnlyList<SiteGrantView> Grants);
public sealed record SiteGrantView(Guid Id, Guid SiteId, string Site, string GrantedBy, NodaTime.Instant GrantedAt);
public sealed record SiteOption(Guid Id, string Code, string Name);

/// <summary>The Admin's table of who sees which site's patients.</summary>
public sealed class ListSiteAccess(ClinicDb db)
{
    public async Task<(IReadOnlyList<StaffSitesView> Staff, IReadOnlyList<SiteOption> Sites)> HandleAsync(CancellationToken ct = default)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => new SiteOption(s.Id, s.Code, s.Name)).ToListAsync(ct);
        var names = sites.ToDictionary(s => s.Id, s => s.Code);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.DisplayName, u.SiteId }).ToListAsync(ct);
        var grants = await db.StaffSiteAccess.AsNoTracking().OrderBy(g => g.GrantedAt).ToListAsync(ct);
        var view = users.Select(u => new StaffSitesView(u.Id, u.Email ?? "", u.DisplayName, u.SiteId,
            u.SiteId is { } s ? names.GetValueOrDefault(s) : null,
            [.. grants.Where(g => g.UserId == u.Id).Select(g => new SiteGrantView(g.Id, g.SiteId, names.GetValueOrDefault(g.SiteId, "?"), g.GrantedBy, g.GrantedAt))])).ToList();
        return (view, sites);
    }
}

/// <summary>Grants a staff member the patients of another site. Audited as a write and as <c>site-access-granted</c>.</summary>
public sealed class GrantSiteAccess(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(string userId, Guid siteId, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new DomainException("staff.not-found", "No staff member with this id.", "userId");
        if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct)) throw new DomainException("site.not-found", "No site with this id.", "siteId");
        if (user.SiteId == siteId || await db.StaffSiteAccess.AnyAsync(g => g.UserId == userId && g.SiteId == siteId, ct))
            throw new DomainException("site-access.conflict", "This staff member already sees this site.", "siteId");
        db.StaffSiteAccess.Add(StaffSiteAccess.Grant(userId, siteId, actor.Name, time.Now));
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.SiteAccessGranted, "StaffUser", userId, null, $"site {siteId}"));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Withdraws a grant. A grant is configuration, not clinical data: it is removed, and the removal audited.</summary>
public sealed class RevokeSiteAccess(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid grantId, CancellationToken ct = default)
    {
        var grant = await db.StaffSiteAccess.FirstOrDefaultAsync(g => g.Id == grantId, ct)
            ?? throw new DomainException("site-access.not-found", "No such grant.", "grantId");
        db.StaffSiteAccess.Remove(grant);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.SiteAccessRevoked, "StaffUser", grant.UserId, null, $"site {grant.SiteId}"));
        await db.SaveChangesAsync(ct);
    }
}
