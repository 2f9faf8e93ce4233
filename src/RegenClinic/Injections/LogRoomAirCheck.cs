using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Injections;

/// <summary>Logs a room-air ozone reading. Only US sites log them (21 CFR 801.415, clinical-reference §7).</summary>
public sealed class LogRoomAirCheck(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<RoomAirCheckRecord> HandleAsync(Guid siteId, string room, Instant measuredAt, decimal ozonePpm, string? instrumentId, CancellationToken ct = default)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new DomainException("site.not-found", "No such site.", "siteId");
        if (!OzoneRegulatoryNotice.AppliesTo(site.Jurisdiction))
            throw new DomainException("ozone.room-air.not-us", "Room-air ozone checks are logged for US sites.", "siteId");
        var record = RoomAirCheckRecord.From(site.Id, RoomAirOzoneCheck.Create(room, measuredAt, ozonePpm, actor.Name, time.Now, instrumentId));
        db.RoomAirChecks.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
