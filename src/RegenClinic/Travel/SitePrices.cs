using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

/// <summary>A new price or a new version of one (same kind and code, later <see cref="ValidFrom"/>).</summary>
public sealed record PriceInput(PriceKind Kind, string Code, string NameEn, string NameNl, decimal UnitPrice, string Currency, LocalDate ValidFrom);

/// <summary>One row of a site's price list history: the item and whether it is the price in effect today.</summary>
public sealed record PriceRow(PriceItem Item, bool InEffect);

public sealed record SitePrices(Guid SiteId, string SiteName, IReadOnlyList<(Guid Id, string Name)> Sites, IReadOnlyList<PriceRow> Rows);

/// <summary>A site's price list with every version (old prices are kept), newest first within each item. No patient data.</summary>
public sealed class ViewSitePrices(ClinicDb db, ClinicTime time)
{
    public async Task<SitePrices> HandleAsync(Guid? siteId, CancellationToken ct = default)
    {
        var site = await SiteChoice.OfAsync(db, siteId, ct);
        var items = await db.PriceItems.AsNoTracking().Where(p => p.SiteId == site.Id).ToListAsync(ct);
        var current = PriceList.InEffect(items, time.Today).Select(i => i.Id).ToHashSet();
        var rows = items.OrderBy(i => i.Kind).ThenBy(i => i.Code, StringComparer.Ordinal).ThenByDescending(i => i.ValidFrom ?? LocalDate.MinIsoValue)
            .ThenByDescending(i => i.CreatedAt ?? Instant.MinValue).Select(i => new PriceRow(i, current.Contains(i.Id))).ToList();
        return new SitePrices(site.Id, site.Name, site.Sites, rows);
    }
}

/// <summary>
/// Adds a price to a site's list, or a new version of one: the earlier version is kept (quotes priced from it keep naming it)
/// and the new one applies from its first day. Not retroactive (from today at the earliest), one currency per site's list,
/// one version per item and day. The insert is audited by the interceptor with who did it.
/// </summary>
public sealed class ReviseSitePrices(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid siteId, PriceInput input, CancellationToken ct = default)
    {
        if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct)) throw new DomainException("site.not-found", "No such site.", "siteId");
        if (input.ValidFrom < time.Today) throw new DomainException("price.retroactive", "A price applies from today at the earliest.", "validFrom");
        var item = PriceItem.Create(siteId, input.Kind, input.Code, input.NameEn, input.NameNl, input.UnitPrice, input.Currency ?? "", input.ValidFrom, actor.Name, time.Now);
        var existing = await db.PriceItems.AsNoTracking().Where(p => p.SiteId == siteId && !p.Retired).ToListAsync(ct);
        if (existing.FirstOrDefault(p => p.Currency != item.Currency) is { } other)
            throw new DomainException("price.currency-mixed", $"This site's prices are in {other.Currency}; a list has one currency.", "currency");
        if (existing.Any(p => p.Kind == item.Kind && p.Code == item.Code && p.ValidFrom == item.ValidFrom))
            throw new DomainException("price.duplicate-version", $"{item.Code} already has a price from {input.ValidFrom:uuuu-MM-dd}; withdraw it first or choose another day.", "validFrom");
        db.PriceItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}

/// <summary>Withdraws a price list item (entered by mistake, or no longer offered). It stays in the history; quotes that
/// used it keep its amounts.</summary>
public sealed class RetirePriceItem(ClinicDb db)
{
    public async Task HandleAsync(Guid itemId, CancellationToken ct = default)
    {
        var item = await db.PriceItems.FirstOrDefaultAsync(p => p.Id == itemId, ct) ?? throw new DomainException("price.not-found", "No such price.", "id");
        item.Retire();
        await db.SaveChangesAsync(ct);
    }
}
