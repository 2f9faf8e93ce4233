using System.Globalization;
using System.Text;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Eligibility;

/// <summary>A regulatory notice shown on a consent (clinical reference §7), with its legal source.</summary>
public sealed record RegulatoryNotice(string Text, string Source);

/// <summary>The consent a patient reads and signs for one therapy, in their language. <see cref="TextVersion"/> is the rule-set
/// version plus the template version: a course starts only on a consent signed for the current one.</summary>
public sealed record ConsentDocument(
    Guid PatientId,
    string PatientName,
    string RecordNumber,
    TherapyId Therapy,
    Guid ScreeningId,
    string Language,
    string TextVersion,
    int PlannedSessions,
    ConsentText Content,
    IReadOnlyList<RegulatoryNotice> Notices,
    ConsentHeadings Headings,
    string PatientLanguage)
{
    /// <summary>The exact words stored with the signature, so the record shows later what the patient read.</summary>
    public string ToPlainText()
    {
        var h = Headings;
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.Title}: {Content.Therapy}");
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.Patient}: {PatientName} ({RecordNumber})");
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.WhatItIs}: {Content.Description}");
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.Evidence}:");
        foreach (var e in Content.Evidence) s.AppendLine(CultureInfo.InvariantCulture, $"- {e.Condition}: {e.PlainWords} ({e.Citation})");
        if (Content.Evidence.Count == 0) s.AppendLine(CultureInfo.InvariantCulture, $"- {h.NoIndication}");
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.PlannedSessions}: {PlannedSessions}");
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.Risks}:");
        foreach (var r in Content.Risks) s.AppendLine(CultureInfo.InvariantCulture, $"- {r}");
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.Alternatives}:");
        foreach (var a in Content.Alternatives) s.AppendLine(CultureInfo.InvariantCulture, $"- {a}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- {h.NoTreatment}");
        if (Notices.Count > 0)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"{h.Regulatory}:");
            foreach (var n in Notices) s.AppendLine(CultureInfo.InvariantCulture, $"- {n.Text} ({n.Source})");
        }
        s.AppendLine(h.Declaration);
        s.AppendLine(CultureInfo.InvariantCulture, $"{h.Version}: {TextVersion}");
        return s.ToString();
    }
}

/// <summary>The fixed words of the consent form in one language.</summary>
public sealed record ConsentHeadings(
    string Title, string Patient, string WhatItIs, string Evidence, string NoIndication, string PlannedSessions, string Risks,
    string Alternatives, string NoTreatment, string Regulatory, string Declaration, string SignedBy, string WitnessedBy, string Date, string Version);

public static class ConsentTemplate
{
    /// <summary>Bump when the template's words change: every consent signed on the old words stops being current.</summary>
    public const string Version = "consent-1";

    /// <summary>The languages the consent exists in; other preferred languages get English (and the page says so).</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "nl"];

    public static string TextVersion(string ruleSetVersion) => $"{ruleSetVersion}/{Version}";

    public static string LanguageFor(string preferred) => Languages.Contains(preferred) ? preferred : "en";

    public static ConsentHeadings Headings(string language) => language == "nl"
        ? new("Toestemmingsformulier", "Patiënt", "Wat de behandeling is", "Hoe sterk het bewijs is", "Er is geen aandoening vastgesteld waarvoor deze behandeling bedoeld is.",
            "Gepland aantal behandelingen", "Risico's", "Alternatieven, waaronder gangbare zorg", "Niet behandelen, of afwachten met uw huisarts of specialist",
            "Wettelijke mededelingen", "Ik heb deze informatie gelezen, mijn vragen zijn beantwoord en ik stem in met de behandeling. Ik kan mijn toestemming altijd intrekken.",
            "Ondertekend door", "Getuige", "Datum", "Versie van de tekst")
        : new("Informed consent", "Patient", "What the treatment is", "How strong the evidence is", "No condition was found that this treatment is meant for.",
            "Planned number of sessions", "Risks", "Alternatives, including conventional care", "No treatment, or watchful waiting with your family doctor or specialist",
            "Regulatory notices", "I have read this information, my questions were answered and I consent to the treatment. I may withdraw my consent at any time.",
            "Signed by", "Witnessed by", "Date", "Version of the text");

    /// <summary>§7: notices for US clinics. Ozone: 21 CFR 801.415; cell products: PHS Act §361 / §351.</summary>
    public static IReadOnlyList<RegulatoryNotice> Notices(TherapyId therapy, string jurisdiction, string language)
    {
        if (!string.Equals(jurisdiction, "US", StringComparison.OrdinalIgnoreCase)) return [];
        var nl = language == "nl";
        if (therapy.Value.StartsWith("ozone", StringComparison.Ordinal))
        {
            return [new(nl
                ? "De Amerikaanse FDA noemt ozon een giftig gas zonder bekende medische toepassing (grenswaarde in de kamerlucht 0,05 ppm). Deze behandeling is in de VS niet goedgekeurd."
                : "The US FDA declares ozone a toxic gas with no known medical use (room-air limit 0.05 ppm). This treatment is not FDA-approved.",
                "21 CFR 801.415")];
        }
        if (therapy.Value.StartsWith("cell-therapy", StringComparison.Ordinal))
        {
            var allogeneic = therapy == TherapyId.CellTherapyAllogeneic;
            return [new(nl
                ? allogeneic
                    ? "Gekweekte en donorcellen (allogene MSC) vereisen in de VS een vergunning onder §351 van de PHS Act en zijn niet goedgekeurd voor deze toepassing."
                    : "Eigen cellen vallen in de VS alleen onder §361 van de PHS Act als ze minimaal bewerkt en homoloog gebruikt worden (21 CFR 1271.10) of in dezelfde ingreep worden teruggeplaatst (1271.15(b)). Deze behandeling is niet door de FDA goedgekeurd."
                : allogeneic
                    ? "Culture-expanded and donor (allogeneic) cells need a US licence under PHS Act §351 and are not approved for this use."
                    : "Your own cells are regulated in the US only under PHS Act §361 when minimally manipulated for homologous use (21 CFR 1271.10) or returned in the same surgical procedure (1271.15(b)). This treatment is not FDA-approved.",
                allogeneic ? "PHS Act §351" : "PHS Act §361; 21 CFR 1271.10, 1271.15(b)")];
        }
        return [];
    }
}
