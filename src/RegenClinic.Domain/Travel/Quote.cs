using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Domain.Travel;

/// <summary>One priced line: quantity × unit price, in the quote's currency, naming the price list item (version) it came from.</summary>
public sealed record QuoteLine(PriceKind Kind, string Description, int Quantity, decimal UnitPrice, decimal Amount, Guid? PriceItemId = null);

/// <summary>What the quote offers: a therapy by a protocol (its sessions and spacing) plus the visits around it.</summary>
public sealed record QuotePackage(
    string Therapy, string Protocol, int Sessions, SessionPatternKind Pattern, int PerDay, int MinDays, int MaxDays,
    int Consultations, int ImagingStudies, int FollowUps);

/// <summary>The tentative stay the scheduler proposed inside the patient's dates: first and last session day, or why none fits.</summary>
public sealed record TentativeStay(LocalDate? FirstDay, LocalDate? LastDay, int SessionsPlaced, string? NotPlacedReason)
{
    public bool Fits => FirstDay is not null && NotPlacedReason is null;

    /// <summary>Whole weeks from the first to the last session day, inclusive: 30 weekday sessions from a Monday end on the
    /// Friday of the sixth week (40 days) → 6 weeks.</summary>
    public int Weeks => FirstDay is { } f && LastDay is { } l ? (Period.Between(f, l, PeriodUnits.Days).Days + 1 + 6) / 7 : 0;

    public int Days => FirstDay is { } f && LastDay is { } l ? Period.Between(f, l, PeriodUnits.Days).Days + 1 : 0;
}

/// <summary>A priced, dated offer to a travelling patient. Never edited: a changed quote is a new version, the old one is kept
/// and marked superseded.</summary>
public sealed class Quote
{
    private Quote() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid EnquiryId { get; private set; }
    public Guid SiteId { get; private set; }
    public int Version { get; private set; }
    public string Language { get; private set; } = "en";
    public string Currency { get; private set; } = "";
    public LocalDate ValidUntil { get; private set; }
    public string Therapy { get; private set; } = "";
    public string Protocol { get; private set; } = "";
    public int Sessions { get; private set; }
    public SessionPatternKind Pattern { get; private set; }
    public int PerDay { get; private set; }
    public int MinDays { get; private set; }
    public int MaxDays { get; private set; }
    public List<QuoteLine> Lines { get; private set; } = [];
    public decimal Total { get; private set; }
    public LocalDate? StayFirstDay { get; private set; }
    public LocalDate? StayLastDay { get; private set; }
    public int StayWeeks { get; private set; }
    public string? StayNote { get; private set; }
    public string EvidenceGrade { get; private set; } = "";
    public string EvidenceWords { get; private set; } = "";
    public string EvidenceCitation { get; private set; } = "";
    public List<string> Risks { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public bool Superseded { get; private set; }
    /// <summary>The day whose price list the lines were priced from (<see cref="PriceList.InEffect"/>); each line names its item.</summary>
    public LocalDate? PricedOn { get; private set; }

    public static Quote Issue(Guid enquiryId, Guid siteId, int version, string language, string currency, LocalDate validUntil, LocalDate today,
        QuotePackage package, IReadOnlyList<QuoteLine> lines, TentativeStay stay, Evidence evidence, IReadOnlyList<string> risks, string by, Instant at)
    {
        if (version < 1) throw new DomainException("quote.version", "Versions start at 1.", "version");
        if (validUntil < today) throw new DomainException("quote.valid-until-past", "A quote must be valid until today or later.", "validUntil");
        if (validUntil > today.PlusDays(180)) throw new DomainException("quote.valid-until-far", "A quote is valid for at most 180 days.", "validUntil");
        if (lines.Count == 0) throw new DomainException("quote.no-lines", "A quote has at least one line.", "lines");
        if (risks.Count == 0) throw new DomainException("quote.no-risks", "A quote states the therapy's risks.", "risks");
        return new Quote
        {
            EnquiryId = enquiryId, SiteId = siteId, Version = version, Language = language, Currency = currency, ValidUntil = validUntil,
            Therapy = package.Therapy, Protocol = Require.Text(package.Protocol, "protocol", 120), Sessions = package.Sessions,
            Pattern = package.Pattern, PerDay = package.PerDay, MinDays = package.MinDays, MaxDays = package.MaxDays,
            Lines = [.. lines], Total = QuotePricing.Total(lines),
            StayFirstDay = stay.FirstDay, StayLastDay = stay.LastDay, StayWeeks = stay.Weeks, StayNote = stay.NotPlacedReason,
            EvidenceGrade = evidence.Grade.Id, EvidenceWords = evidence.Grade.PlainWords(language), EvidenceCitation = evidence.Citation,
            Risks = [.. risks], CreatedBy = Require.Text(by, "by", 200), CreatedAt = at, PricedOn = today,
        };
    }

    public void Supersede() => Superseded = true;
}

/// <summary>The arithmetic of a quote: sessions × the therapy's session price, plus consultations, imaging and follow-ups at
/// their list prices. Every line is in the price list's one currency; decimal and checked, rounded to cents per line.</summary>
public static class QuotePricing
{
    public static IReadOnlyList<QuoteLine> Lines(QuotePackage p, IReadOnlyList<PriceItem> priceList, string currency, string language)
    {
        if (!Eligibility.TherapyId.All.Contains(new TherapyId(p.Therapy))) throw new DomainException("eligibility.unknown-therapy", $"Unknown therapy '{p.Therapy}'.", "therapy");
        if (p.Sessions is < 1 or > 60) throw new DomainException("course.sessions", "A course has 1 to 60 sessions.", "sessions");
        foreach (var (count, field) in new[] { (p.Consultations, "consultations"), (p.ImagingStudies, "imagingStudies"), (p.FollowUps, "followUps") })
        {
            if (count is < 0 or > 20) throw new DomainException("quote.count", "Between 0 and 20.", field);
        }
        var items = priceList.Where(i => !i.Retired).ToList();
        var lines = new List<QuoteLine>();
        var session = items.FirstOrDefault(i => i.Kind == PriceKind.Session && i.Code == p.Therapy)
            ?? throw new DomainException("quote.no-session-price", $"This centre has no session price for {p.Therapy}.", "therapy");
        lines.Add(Line(session, $"{session.Name(language)} — {p.Protocol}", p.Sessions, currency));
        Add(PriceKind.Consultation, p.Consultations, "consultations");
        Add(PriceKind.Imaging, p.ImagingStudies, "imagingStudies");
        Add(PriceKind.FollowUp, p.FollowUps, "followUps");
        return lines;

        void Add(PriceKind kind, int count, string field)
        {
            if (count == 0) return;
            var item = items.Where(i => i.Kind == kind).OrderBy(i => i.Code, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new DomainException("quote.no-price", $"This centre has no {kind} price.", field);
            lines.Add(Line(item, item.Name(language), count, currency));
        }
    }

    public static decimal Total(IEnumerable<QuoteLine> lines) => lines.Aggregate(0m, (sum, l) => checked(sum + l.Amount));

    private static QuoteLine Line(PriceItem item, string description, int quantity, string currency)
    {
        if (item.Currency != currency)
            throw new DomainException("quote.currency-mismatch", $"{item.Code} is priced in {item.Currency}, not {currency}.", "currency");
        return new QuoteLine(item.Kind, description, quantity, item.UnitPrice, decimal.Round(checked(item.UnitPrice * quantity), 2, MidpointRounding.ToEven), item.Id);
    }
}
