namespace RegenClinic.Domain.Eligibility;

/// <summary>What a consent form, quote or patient screen says about a therapy for this patient, in one language:
/// what it is, its risks and alternatives, and for each of the patient's indications how strong the evidence is, in
/// plain words with the citation (§2: never overstated).</summary>
public sealed record ConsentText(
    string Therapy,
    string Description,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Alternatives,
    IReadOnlyList<EvidenceStatement> Evidence)
{
    public static ConsentText For(ScreeningResult result, string language) => For(result, language, KnowledgeBase.Default);

    public static ConsentText For(ScreeningResult result, string language, KnowledgeBase kb)
    {
        var therapy = kb.Therapy(result.Therapy);
        var evidence = result.Indications
            .DistinctBy(i => i.Group)
            .Select(i => new EvidenceStatement(
                kb.Group(i.Group).Name.In(language),
                i.Evidence.Grade,
                i.Evidence.Grade.PlainWords(language),
                i.Evidence.Citation,
                i.Evidence.Grade.RequiresAcknowledgement))
            .ToList();
        return new ConsentText(
            therapy.Name.In(language),
            therapy.Description.In(language),
            therapy.Risks.Select(r => r.In(language)).ToList(),
            therapy.Alternatives.Select(a => a.In(language)).ToList(),
            evidence);
    }
}

/// <summary>"Knee osteoarthritis: supported by one or a few small randomised trials (Rabago et al., ...)".</summary>
/// <param name="RequiresAcknowledgement">The physician must acknowledge the evidence before a course starts (§1).</param>
public sealed record EvidenceStatement(string Condition, EvidenceGrade Grade, string PlainWords, string Citation, bool RequiresAcknowledgement)
{
    public override string ToString() => $"{Condition}: {PlainWords} ({Citation})";
}
