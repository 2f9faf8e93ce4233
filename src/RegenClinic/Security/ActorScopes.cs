using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Data;

namespace RegenClinic.Security;

/// <summary>Works out a signed-in user's <see cref="SiteScope"/>: their own site, the sites granted to them, and their live break-glass openings.</summary>
public static class ActorScopes
{
    public static async Task<SiteScope> LoadAsync(ClinicDb db, string userId, Instant now, CancellationToken ct = default)
    {
        var own = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SiteId).FirstOrDefaultAsync(ct);
        var granted = await db.StaffSiteAccess.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.SiteId).ToListAsync(ct);
        var glass = await db.BreakGlassAccess.AsNoTracking().Where(g => g.UserId == userId && g.ExpiresAt > now).Select(g => g.PatientId).ToListAsync(ct);
        Guid[] sites = own is { } site ? [site, .. granted] : [.. granted];
        return new SiteScope(false, [.. sites.Distinct()], [.. glass.Distinct()], own);
    }
}
