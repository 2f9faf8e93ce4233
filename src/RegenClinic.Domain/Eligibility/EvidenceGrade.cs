namespace RegenClinic.Domain.Eligibility;

/// <summary>Evidence grade of a therapy for a condition (clinical reference §2), with plain words for consent and quotes.</summary>
public readonly record struct EvidenceGrade(string Id)
{
    public static readonly EvidenceGrade GuidelineEndorsed = new("guideline-endorsed");
    public static readonly EvidenceGrade RctSupported = new("rct-supported");
    public static readonly EvidenceGrade MixedRcts = new("mixed-rcts");
    public static readonly EvidenceGrade ObservationalOnly = new("observational-only");
    public static readonly EvidenceGrade NegativeRct = new("negative-rct");
    public static readonly EvidenceGrade NoEvidenceFound = new("no-evidence-found");

    public static IReadOnlyList<EvidenceGrade> All { get; } =
        [GuidelineEndorsed, RctSupported, MixedRcts, ObservationalOnly, NegativeRct, NoEvidenceFound];

    /// <summary>§1: a course cannot start on such an indication until the physician acknowledges the evidence.</summary>
    public bool RequiresAcknowledgement => this == NegativeRct || this == NoEvidenceFound;

    public static EvidenceGrade Parse(string id) =>
        All.Contains(new EvidenceGrade(id)) ? new EvidenceGrade(id)
            : throw new Common.DomainException("eligibility.unknown-evidence-grade", $"Unknown evidence grade '{id}'.", "grade");

    /// <summary>What the grade means, without overstating it, in "en" or "nl".</summary>
    public string PlainWords(string language) => Words().In(language);

    private LocalizedText Words() => Id switch
    {
        "guideline-endorsed" => new("recommended by a professional guideline", "aanbevolen in een professionele richtlijn"),
        "rct-supported" => new("supported by one or a few small randomised trials", "ondersteund door een of enkele kleine gerandomiseerde studies"),
        "mixed-rcts" => new("randomised trials disagree: some found a benefit, others did not", "gerandomiseerde studies spreken elkaar tegen: sommige vonden een effect, andere niet"),
        "observational-only" => new("only observational studies, no randomised trial", "alleen observationeel onderzoek, geen gerandomiseerde studie"),
        "negative-rct" => new("a randomised trial found it no better than the comparison", "een gerandomiseerde studie vond het niet beter dan de vergelijking"),
        _ => new("no published evidence found for this use", "geen gepubliceerd bewijs gevonden voor deze toepassing"),
    };

    public override string ToString() => Id;
}
