using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Travel;

/// <summary>What a price-list line prices: one therapy session, a consultation, an imaging study or a follow-up contact.</summary>
public enum PriceKind { Session, Consultation, Imaging, FollowUp }

/// <summary>One line of a site's price list. Versioned: a changed price is a new item with the same kind and code and a later
/// <see cref="ValidFrom"/>; the old item is kept (it was the price until then), so a quote already sent keeps the price it was
/// built on (its lines copy the amounts and name the item). <see cref="Retired"/> withdraws an item entered by mistake or no
/// longer offered.</summary>
public sealed class PriceItem
{
    private PriceItem() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public PriceKind Kind { get; private set; }
    /// <summary>For a session: the therapy id (clinical reference §1); otherwise a short code such as "consult-initial".</summary>
    public string Code { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string NameNl { get; private set; } = "";
    public decimal UnitPrice { get; private set; }
    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; private set; } = "";
    public bool Retired { get; private set; }
    /// <summary>First day this price applies; null = since the price list began.</summary>
    public LocalDate? ValidFrom { get; private set; }
    public string? CreatedBy { get; private set; }
    public Instant? CreatedAt { get; private set; }

    public string Name(string language) => language.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? NameNl : NameEn;

    public static PriceItem Create(Guid siteId, PriceKind kind, string code, string nameEn, string nameNl, decimal unitPrice, string currency,
        LocalDate? validFrom = null, string? by = null, Instant? at = null)
    {
        if (unitPrice < 0 || unitPrice > 1_000_000m) throw new DomainException("price.range", "A price is between 0 and 1,000,000.", "unitPrice");
        if (decimal.Round(unitPrice, 2) != unitPrice) throw new DomainException("price.cents", "A price has at most two decimals.", "unitPrice");
        var code3 = Require.Text(currency, "currency", 3).ToUpperInvariant();
        if (code3.Length != 3 || !code3.All(char.IsAsciiLetterUpper)) throw new DomainException("price.currency", "Currency is a three-letter ISO 4217 code.", "currency");
        return new PriceItem
        {
            SiteId = siteId, Kind = Require.Defined(kind, "kind"), Code = Require.Text(code, "code", 40),
            NameEn = Require.Text(nameEn, "nameEn", 200), NameNl = Require.Text(nameNl, "nameNl", 200), UnitPrice = unitPrice, Currency = code3,
            ValidFrom = validFrom, CreatedBy = by, CreatedAt = at,
        };
    }

    public void Retire() => Retired = true;
}

/// <summary>Which price list items apply on a day: per kind and code, the newest version (latest <see cref="PriceItem.ValidFrom"/>
/// on or before the day) among the items not withdrawn.</summary>
public static class PriceList
{
    public static IReadOnlyList<PriceItem> InEffect(IEnumerable<PriceItem> items, LocalDate day) =>
    [
        .. items.Where(i => !i.Retired && (i.ValidFrom is null || i.ValidFrom <= day))
            .GroupBy(i => (i.SiteId, i.Kind, i.Code))
            .Select(g => g.OrderByDescending(i => i.ValidFrom ?? LocalDate.MinIsoValue).ThenByDescending(i => i.CreatedAt ?? Instant.MinValue).First())
            .OrderBy(i => i.Kind).ThenBy(i => i.Code, StringComparer.Ordinal),
    ];
}
