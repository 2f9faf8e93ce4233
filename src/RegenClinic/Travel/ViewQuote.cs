using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

public sealed record QuoteView(Quote Quote, Enquiry Enquiry, string SiteName, string SiteCity, string TherapyName);

/// <summary>One quote version for the printable page and the file sent to the patient; the read is audited.</summary>
public sealed class ViewQuote(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<QuoteView> HandleAsync(Guid quoteId, CancellationToken ct = default)
    {
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quoteId, ct) ?? throw new DomainException("quote.not-found", "No quote with this id.", "id");
        var enquiry = await db.Enquiries.AsNoTracking().FirstAsync(e => e.Id == quote.EnquiryId, ct);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == quote.SiteId, ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Quote", quoteId.ToString(), enquiry.PatientId, $"{enquiry.Reference} v{quote.Version}"));
        await db.SaveChangesAsync(ct);
        return new QuoteView(quote, enquiry, site.Name, site.City, KnowledgeBase.Default.Therapy(new TherapyId(quote.Therapy)).Name.In(quote.Language));
    }
}
