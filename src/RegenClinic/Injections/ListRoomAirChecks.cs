using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

public sealed record RoomAirLog(IReadOnlyList<Site> UsSites, IReadOnlyList<RoomAirCheckRecord> Checks);

/// <summary>The clinic's US sites (the only ones that log room-air ozone, 21 CFR 801.415) and their latest readings.</summary>
public sealed class ListRoomAirChecks(ClinicDb db)
{
    public async Task<RoomAirLog> HandleAsync(CancellationToken ct = default)
    {
        var sites = (await db.Sites.AsNoTracking().ToListAsync(ct)).Where(s => OzoneRegulatoryNotice.AppliesTo(s.Jurisdiction)).ToList();
        var ids = sites.Select(s => s.Id).ToList();
        var checks = await db.RoomAirChecks.AsNoTracking().Where(c => ids.Contains(c.SiteId)).OrderByDescending(c => c.MeasuredAt).Take(50).ToListAsync(ct);
        return new RoomAirLog(sites, checks);
    }
}
