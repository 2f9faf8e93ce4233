using System.Globalization;
using System.Net;
using System.Text;
using NodaTime.Text;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Travel;

/// <summary>The quote as the patient reads it, in the quote's language: printed from the page and sent as a self-contained
/// HTML file. Plain facts: price lines, dates, the evidence grade in plain words with its source, the risks. No sales text.</summary>
public static class QuoteDocument
{
    public static string Html(QuoteView v)
    {
        var title = WebUtility.HtmlEncode($"{L(v, "Quote", "Offerte")} {v.Enquiry.Reference} v{v.Quote.Version}");
        return $"<!DOCTYPE html><html lang=\"{v.Quote.Language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
               $"<title>{title}</title><style>body{{font-family:sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.4}}" +
               "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}td.n,th.n{text-align:right}</style>" +
               $"</head><body>{Body(v)}</body></html>";
    }

    public static string Body(QuoteView v)
    {
        var q = v.Quote;
        var culture = CultureInfo.GetCultureInfo(q.Language == "nl" ? "nl-NL" : "en-GB");
        string Money(decimal amount) => $"{q.Currency} {amount.ToString("N2", culture)}";
        string Date(NodaTime.LocalDate d) => LocalDatePattern.Create("d MMMM yyyy", culture).Format(d);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var b = new StringBuilder();
        b.Append("<article class=\"quote-document\">");
        b.Append($"<h2>{E(L(v, "Quote", "Offerte"))} {E(v.Enquiry.Reference)} — {E(L(v, "version", "versie"))} {q.Version}</h2>");
        b.Append($"<p>{E(v.Enquiry.GivenName)} {E(v.Enquiry.FamilyName)} · {E(v.SiteName)}{(v.SiteCity.Length > 0 ? ", " + E(v.SiteCity) : "")}</p>");
        if (q.Superseded) b.Append($"<p class=\"warning\"><strong>{E(L(v, "This version has been replaced by a newer quote.", "Deze versie is vervangen door een nieuwere offerte."))}</strong></p>");
        b.Append($"<p>{E(L(v, "Valid until", "Geldig tot"))}: <strong>{E(Date(q.ValidUntil))}</strong></p>");

        b.Append($"<h3>{E(L(v, "Treatment", "Behandeling"))}</h3>");
        b.Append($"<p>{E(v.TherapyName)}: {E(q.Protocol)}. {q.Sessions} {E(L(v, "sessions", "sessies"))}");
        b.Append(q.Pattern switch
        {
            SessionPatternKind.Weekdays => $", {E(q.PerDay == 2 ? L(v, "twice a day on weekdays", "twee keer per dag op werkdagen") : L(v, "one a day on weekdays", "één per dag op werkdagen"))}.</p>",
            SessionPatternKind.Interval => $", {E(L(v, $"every {q.MinDays}–{q.MaxDays} days", $"elke {q.MinDays}–{q.MaxDays} dagen"))}.</p>",
            _ => ".</p>",
        });
        if (q.StayFirstDay is { } first && q.StayLastDay is { } last)
        {
            b.Append($"<p>{E(L(v, "Tentative schedule", "Voorlopige planning"))}: {E(Date(first))} – {E(Date(last))} " +
                     $"(<strong>{q.StayWeeks} {E(q.StayWeeks == 1 ? L(v, "week", "week") : L(v, "weeks", "weken"))}</strong>). " +
                     $"{E(L(v, "Dates are confirmed when you book.", "De data worden bevestigd bij het boeken."))}</p>");
        }

        b.Append($"<table><caption>{E(L(v, "Price", "Prijs"))}</caption><thead><tr><th>{E(L(v, "Item", "Onderdeel"))}</th><th class=\"n\">{E(L(v, "Number", "Aantal"))}</th>" +
                 $"<th class=\"n\">{E(L(v, "Unit price", "Prijs per stuk"))}</th><th class=\"n\">{E(L(v, "Amount", "Bedrag"))}</th></tr></thead><tbody>");
        foreach (var line in q.Lines)
        {
            b.Append($"<tr><td>{E(line.Description)}</td><td class=\"n\">{line.Quantity}</td><td class=\"n\">{E(Money(line.UnitPrice))}</td><td class=\"n\">{E(Money(line.Amount))}</td></tr>");
        }
        b.Append($"</tbody><tfoot><tr><th colspan=\"3\">{E(L(v, "Total", "Totaal"))}</th><td class=\"n\"><strong>{E(Money(q.Total))}</strong></td></tr></tfoot></table>");
        b.Append($"<p>{E(L(v, "Travel, accommodation and any treatment a physician finds necessary after examining you are not included.", "Reis, verblijf en behandeling die een arts na onderzoek nodig vindt, zijn niet inbegrepen."))}</p>");

        b.Append($"<h3>{E(L(v, "What the evidence says", "Wat het onderzoek zegt"))}</h3>");
        b.Append($"<p>{E(L(v, "Evidence for this treatment in your condition", "Bewijs voor deze behandeling bij uw aandoening"))}: {E(q.EvidenceWords)}.</p><p class=\"citation\">{E(L(v, "Source", "Bron"))}: {E(q.EvidenceCitation)}</p>");
        if (EvidenceGrade.Parse(q.EvidenceGrade).RequiresAcknowledgement)
        {
            b.Append($"<p><strong>{E(L(v, "The evidence does not show that this treatment works for your condition. Please discuss this with your own doctor before you decide.", "Het onderzoek laat niet zien dat deze behandeling werkt voor uw aandoening. Bespreek dit met uw eigen arts voordat u beslist."))}</strong></p>");
        }
        b.Append($"<h3>{E(L(v, "Risks", "Risico's"))}</h3><ul>");
        foreach (var risk in q.Risks) b.Append($"<li>{E(risk)}</li>");
        b.Append("</ul>");
        b.Append($"<p>{E(L(v, "This quote is based on what you told us. A physician examines you before the first session; if treatment turns out not to be safe or suitable for you, it does not go ahead.", "Deze offerte is gebaseerd op wat u ons vertelde. Een arts onderzoekt u voor de eerste sessie; als de behandeling dan niet veilig of niet geschikt blijkt, gaat ze niet door."))}</p>");
        b.Append("</article>");
        return b.ToString();
    }

    private static string L(QuoteView v, string en, string nl) => v.Quote.Language == "nl" ? nl : en;
}
