namespace RegenClinic.Domain.Injections;

/// <summary>The notice shown on ozone screens and consents for clinics in a US jurisdiction
/// (clinical-reference §7: 21 CFR 801.415 declares ozone a toxic gas with no known medical use; ambient limit 0.05 ppm).</summary>
public static class OzoneRegulatoryNotice
{
    public const string Source = "21 CFR 801.415 (clinical-reference §7)";

    /// <summary>Whether the notice applies: US clinics only. <paramref name="jurisdictionCountry"/> is an ISO 3166-1
    /// alpha-2 code (<c>US</c>, <c>NL</c>).</summary>
    public static bool AppliesTo(string jurisdictionCountry) =>
        string.Equals(jurisdictionCountry?.Trim(), "US", StringComparison.OrdinalIgnoreCase);

    public const string English =
        "US regulatory notice (21 CFR 801.415): the FDA regards ozone as a toxic gas with no known useful medical " +
        "application in specific, adjunctive or preventive therapy. Ozone in room air must not exceed 0.05 ppm by " +
        "volume; room-air ozone checks are logged for this clinic.";

    public const string Dutch =
        "Amerikaanse regelgeving (21 CFR 801.415): de FDA beschouwt ozon als een giftig gas zonder bekende nuttige " +
        "medische toepassing in specifieke, aanvullende of preventieve therapie. Ozon in de kamerlucht mag niet hoger " +
        "zijn dan 0,05 ppm (volume); controles van ozon in de kamerlucht worden voor deze kliniek vastgelegd.";

    /// <summary>The notice in <paramref name="language"/> (<c>en</c> or <c>nl</c>, also <c>nl-NL</c>); English otherwise.</summary>
    public static string Text(string language) =>
        language.StartsWith("nl", StringComparison.OrdinalIgnoreCase) ? Dutch : English;
}
