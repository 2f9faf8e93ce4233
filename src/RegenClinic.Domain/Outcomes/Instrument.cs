namespace RegenClinic.Domain.Outcomes;

/// <summary>An outcome instrument as data: what it asks (item count and answer values, never licensed wording),
/// how it is coded, who owns it, and which way is better. Scoring lives in <see cref="Scoring"/>.</summary>
/// <param name="Id">Stable id used on the CLI and in stored observations (<c>odi</c>, <c>koos-jr</c>).</param>
/// <param name="LoincCodes">Only codes given by the clinical reference; an empty list means none is shipped.</param>
/// <param name="Items">In answer order.</param>
/// <param name="ItemTextShipped">False where the wording is licensed: a clinic that holds the licence loads it
/// with <see cref="LicensedItemText.Parse"/>.</param>
/// <param name="LicenceNotice">Shown beside the instrument wherever it is offered.</param>
/// <param name="HigherIsBetter">Direction of the score, so change can be called improvement or worsening.</param>
/// <param name="ScoreRange">The score's possible minimum and maximum.</param>
/// <param name="MeaningfulChange">Null where no threshold is given by the clinical reference: responder rates are then not computed.</param>
/// <param name="Completion">Who completes it.</param>
/// <param name="Source">Scoring source.</param>
public sealed record Instrument(
    string Id,
    string Name,
    IReadOnlyList<LoincCode> LoincCodes,
    IReadOnlyList<InstrumentItem> Items,
    bool ItemTextShipped,
    string LicenceNotice,
    bool HigherIsBetter,
    ScoreRange ScoreRange,
    MeaningfulChange? MeaningfulChange,
    Respondent Completion,
    string Source);

/// <summary>One item: its position (1-based, the order answers are given in) and the answer values it accepts.</summary>
/// <param name="Text">Null when the wording is licensed and not shipped.</param>
public sealed record InstrumentItem(int Number, string Key, string? Text, IReadOnlyList<int> AllowedAnswers)
{
    public bool Accepts(int answer) => AllowedAnswers.Contains(answer);

    public string DescribeAllowed() =>
        IsContiguous() ? $"{AllowedAnswers[0]}–{AllowedAnswers[^1]}" : string.Join(", ", AllowedAnswers);

    private bool IsContiguous()
    {
        for (var i = 1; i < AllowedAnswers.Count; i++)
        {
            if (AllowedAnswers[i] != AllowedAnswers[i - 1] + 1)
            {
                return false;
            }
        }
        return true;
    }

    internal static InstrumentItem Range(int number, string key, string? text, int min, int max) =>
        new(number, key, text, Enumerable.Range(min, max - min + 1).ToArray());
}

public readonly record struct LoincCode(string Code, string Display);

public readonly record struct ScoreRange(double Minimum, double Maximum);

public enum Respondent
{
    Patient,
    Clinician,
}
