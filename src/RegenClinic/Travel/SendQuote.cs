using System.Text;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

public sealed record SentQuote(string To, string FileName, string MessageFile);

/// <summary>
/// Sends a quote version to the patient as a file: an e-mail in the patient's language with the quote attached as a
/// PDF printed by Chromium when <c>Travel:PdfChromium</c> is configured (<see cref="QuotePdf"/>), otherwise as a
/// self-contained HTML document (it prints as it shows, opens in any browser and needs no PDF engine), written to the outbox a mail relay picks up. The enquiry's history records to which address, when and by whom; the
/// history entry is audited like every write. A superseded version is not sent.
/// </summary>
public sealed class SendQuote(ClinicDb db, ClinicActor actor, ClinicTime time, QuoteOutbox outbox, QuotePdf pdf)
{
    public async Task<SentQuote> HandleAsync(Guid quoteId, string? to, CancellationToken ct = default)
    {
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quoteId, ct) ?? throw new DomainException("quote.not-found", "No quote with this id.", "id");
        if (quote.Superseded) throw new DomainException("quote.superseded", $"Version {quote.Version} has been replaced; send the current version.", "id");
        var enquiry = await db.Enquiries.AsNoTracking().FirstAsync(e => e.Id == quote.EnquiryId, ct);
        if (!enquiry.IsOpen || enquiry.Status is not (EnquiryStatus.QuoteSent or EnquiryStatus.Accepted))
            throw new DomainException("quote.not-sendable", $"A quote is not sent for an enquiry that is {enquiry.Status}.", "status");
        var address = Require.Text(string.IsNullOrWhiteSpace(to) ? enquiry.Email : to, "to", 200);
        if (!address.Contains('@', StringComparison.Ordinal) || address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>'))
            throw new DomainException("field.invalid", "One e-mail address.", "to");
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == quote.SiteId, ct);
        var view = new QuoteView(quote, enquiry, site.Name, site.City, KnowledgeBase.Default.Therapy(new TherapyId(quote.Therapy)).Name.In(quote.Language));
        var nl = quote.Language == "nl";
        var html = QuoteDocument.Html(view);
        var asPdf = pdf.Enabled;
        var fileName = $"quote-{enquiry.Reference}-v{quote.Version}.{(asPdf ? "pdf" : "html")}";
        var file = asPdf ? await pdf.PrintAsync(html, ct) : Encoding.UTF8.GetBytes(html);
        var mail = new OutgoingMail(address,
            nl ? $"Uw offerte {enquiry.Reference} (versie {quote.Version}) — {site.Name}" : $"Your quote {enquiry.Reference} (version {quote.Version}) — {site.Name}",
            nl ? $"Beste {enquiry.GivenName} {enquiry.FamilyName},\r\n\r\nIn de bijlage vindt u onze offerte {enquiry.Reference}, versie {quote.Version}, geldig tot {quote.ValidUntil:uuuu-MM-dd}. " +
                 "Open het bestand in uw browser om het te lezen of af te drukken. Een arts onderzoekt u voor de eerste sessie.\r\n\r\nMet vriendelijke groet,\r\n" + site.Name + "\r\n"
               : $"Dear {enquiry.GivenName} {enquiry.FamilyName},\r\n\r\nAttached is our quote {enquiry.Reference}, version {quote.Version}, valid until {quote.ValidUntil:uuuu-MM-dd}. " +
                 "Open the file in your browser to read or print it. A physician examines you before the first session.\r\n\r\nKind regards,\r\n" + site.Name + "\r\n",
            fileName, asPdf ? "application/pdf" : "text/html; charset=utf-8", file);

        var message = await outbox.StageAsync(mail, time.Now, ct);
        try
        {
            db.EnquiryEvents.Add(EnquiryEvent.Of(enquiry.Id, EnquiryEventKind.Sent,
                $"Quote version {quote.Version} sent to {address} as {fileName} (outbox message {message})", actor.Name, time.Now));
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            outbox.Discard(message);
            throw;
        }
        outbox.Release(message);
        return new SentQuote(address, fileName, message);
    }
}
