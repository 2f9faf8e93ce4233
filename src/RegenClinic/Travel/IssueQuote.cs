using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Travel;
using RegenClinic.Eligibility;

namespace RegenClinic.Travel;

public sealed record QuoteRequest(QuotePackage Package, string Currency, LocalDate ValidUntil);

/// <summary>
/// Prices a package for a pre-screened enquiry and sends it as the next version (the previous one is kept, marked superseded).
/// Refused when the pre-screen found the therapy contraindicated or screened another therapy, when the centre has no price,
/// or when the scheduler cannot fit the sessions inside the patient's dates. The evidence grade and risks come from the
/// knowledge base in the patient's language (English where we have no translation), never from a sales text.
/// </summary>
public sealed class IssueQuote(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid enquiryId, QuoteRequest request, CancellationToken ct = default)
    {
        var enquiry = await db.Enquiries.FirstOrDefaultAsync(e => e.Id == enquiryId, ct) ?? throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        if (enquiry.Status is not (EnquiryStatus.PreScreen or EnquiryStatus.QuoteSent))
            throw new DomainException("enquiry.invalid-transition", $"A quote cannot be sent for an enquiry that is {enquiry.Status}.", "status");
        var package = request.Package;
        if (enquiry.PreScreenTherapy != package.Therapy)
            throw new DomainException("quote.not-prescreened", $"The pre-screen was for {enquiry.PreScreenTherapy}; pre-screen {package.Therapy} before quoting it.", "therapy");
        if (enquiry.PreScreenVerdict == Verdict.Contraindicated.ToWire())
            throw new DomainException("quote.contraindicated", "The pre-screen found this therapy contraindicated: no quote can be sent.", "therapy");

        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == enquiry.SiteId, ct);
        var prices = PriceList.InEffect(await db.PriceItems.AsNoTracking().Where(p => p.SiteId == site.Id).ToListAsync(ct), time.Today);
        var language = enquiry.Language == "nl" ? "nl" : "en";
        var currency = (request.Currency ?? "").Trim().ToUpperInvariant();
        var lines = QuotePricing.Lines(package, prices, currency, language);
        var stay = (await TentativeSchedule.ProposeAsync(db, time, site.Id, package, enquiry.PreferredFrom, enquiry.PreferredTo, ct)).Stay;
        if (!stay.Fits)
            throw new DomainException("quote.stay-does-not-fit", $"The sessions do not fit between {enquiry.PreferredFrom} and {enquiry.PreferredTo}: {stay.NotPlacedReason}. Ask the patient for wider dates.", "package");

        var kb = KnowledgeBase.Default;
        var therapy = new TherapyId(package.Therapy);
        var screened = enquiry.PreScreenResult is { } json ? ScreeningJson.ReadResult(json) : null;
        var evidence = (screened is { Indications.Count: > 0 } ? screened.Indications[0].Evidence : null)
            ?? (enquiry.ConditionGroup is { } g && kb.ConditionGroups.Any(c => c.Id == g) ? kb.EvidenceFor(therapy, g) : kb.EvidenceFor(therapy, "none"));
        var risks = kb.Therapy(therapy).Risks.Select(r => r.In(language)).ToList();

        var previous = await db.Quotes.Where(q => q.EnquiryId == enquiryId).ToListAsync(ct);
        foreach (var old in previous.Where(q => !q.Superseded)) old.Supersede();
        var version = previous.Count == 0 ? 1 : previous.Max(q => q.Version) + 1;
        var quote = Quote.Issue(enquiryId, site.Id, version, language, currency, request.ValidUntil, time.Today, package, lines, stay, evidence, risks, actor.Name, time.Now);
        db.Quotes.Add(quote);
        db.EnquiryEvents.Add(enquiry.MoveTo(EnquiryStatus.QuoteSent, actor.Name, time.Now, $"Quote version {version}: {quote.Total:0.00} {currency}"));
        await db.SaveChangesAsync(ct);
        return quote.Id;
    }
}
