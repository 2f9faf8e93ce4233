using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;

namespace RegenClinic.Travel;

public sealed record SiteClosureList(Guid SiteId, string SiteName, IReadOnlyList<(Guid Id, string Name)> Sites, IReadOnlyList<SiteClosure> Closures);

/// <summary>The site a per-site Admin page shows (the asked one, else the first by name) and every site to choose from.</summary>
internal sealed record SiteChoice(Guid Id, string Name, IReadOnlyList<(Guid Id, string Name)> Sites)
{
    public static async Task<SiteChoice> OfAsync(ClinicDb db, Guid? siteId, CancellationToken ct)
    {
        var sites = (await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
        var site = siteId is { } asked ? sites.Find(s => s.Id == asked) : sites.FirstOrDefault();
        if (site == default) throw new DomainException("site.not-found", "No such site.", "siteId");
        return new SiteChoice(site.Id, site.Name, sites);
    }
}

/// <summary>A site's closed days from today on (public holidays, refits). No patient data.</summary>
public sealed class ListSiteClosures(ClinicDb db, ClinicTime time)
{
    public async Task<SiteClosureList> HandleAsync(Guid? siteId, CancellationToken ct = default)
    {
        var site = await SiteChoice.OfAsync(db, siteId, ct);
        var today = time.Today;
        var closures = await db.SiteClosures.AsNoTracking().Where(c => c.SiteId == site.Id && c.Date >= today).OrderBy(c => c.Date).ToListAsync(ct);
        return new SiteClosureList(site.Id, site.Name, site.Sites, closures);
    }
}

/// <summary>Closes a site on a day: the scheduler (board, solver, tentative stays of quotes) plans nothing on it. Refused while
/// sessions are booked that day: move or cancel them first, so no patient is left with a booking on a closed day.</summary>
public sealed class AddSiteClosure(ClinicDb db, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid siteId, LocalDate date, string reason, CancellationToken ct = default)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct)) throw new DomainException("site.not-found", "No such site.", "siteId");
        if (date < time.Today) throw new DomainException("closure.past", "A closed day is today or later.", "date");
        if (await db.SiteClosures.AnyAsync(c => c.SiteId == siteId && c.Date == date, ct)) throw new DomainException("closure.duplicate", "The site is already closed that day.", "date");
        var from = time.ToInstant(date.AtMidnight());
        var to = time.ToInstant(date.PlusDays(1).AtMidnight());
        var booked = await db.Appointments.IgnoreQueryFilters().CountAsync(a => a.SiteId == siteId && a.Start >= from && a.Start < to
            && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived), ct);
        if (booked > 0) throw new DomainException("closure.booked", $"{booked} session(s) are booked that day; move or cancel them first.", "date");
        var closure = SiteClosure.Create(siteId, date, reason);
        db.SiteClosures.Add(closure);
        await db.SaveChangesAsync(ct);
        return closure.Id;
    }
}

/// <summary>Opens a closed day again (entered by mistake). The removal is audited.</summary>
public sealed class RemoveSiteClosure(ClinicDb db)
{
    public async Task HandleAsync(Guid closureId, CancellationToken ct = default)
    {
        var closure = await db.SiteClosures.FirstOrDefaultAsync(c => c.Id == closureId, ct) ?? throw new DomainException("closure.not-found", "No such closed day.", "id");
        db.SiteClosures.Remove(closure);
        await db.SaveChangesAsync(ct);
    }
}
