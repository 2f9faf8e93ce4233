using System.Globalization;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes;

/// <summary>Scores a completed form. Answers are given in item order; null marks an unanswered item.
/// Answers outside an item's allowed values, or the wrong number of answers, are input errors
/// (<see cref="DomainException"/> naming the item); too many unanswered items is an expected "cannot score".</summary>
public static class Scoring
{
    /// <summary>House rule for the ODI, where Fairbank &amp; Pynsent (2000) show how to score with a section missing
    /// (÷ 45 instead of ÷ 50) but set no ceiling: at most 2 of 10 sections may be missing, so the score always rests
    /// on at least 8 sections (denominator ≥ 40). Beyond that the form is not scored.</summary>
    public const int OswestryMaxMissingSections = 2;

    public static ScoreResult Score(string instrumentId, IReadOnlyList<int?> answers)
    {
        var instrument = Instruments.Get(instrumentId);
        Validate(instrument, answers);
        var answered = answers.Count(a => a is not null);
        return instrument.Id switch
        {
            Instruments.PainNrsId or Instruments.PgicId => SingleItem(instrument, answers),
            Instruments.OswestryId => Oswestry(instrument, answers, answered),
            Instruments.KoosJrId => KoosJr(instrument, answers, answered),
            Instruments.HoosJrId => HoosJr(instrument, answers, answered),
            Instruments.HarrisHipId => HarrisHip(instrument, answers, answered),
            _ => throw new DomainException("outcomes.no-scoring", $"No scoring defined for '{instrument.Id}'.", "instrument"),
        };
    }

    /// <summary>Harris Hip band (Harris 1969 as given in clinical-reference §5).</summary>
    public static string HarrisHipBand(double score) => score switch
    {
        >= 90 => "excellent",
        >= 80 => "good",
        >= 70 => "fair",
        _ => "poor",
    };

    private static void Validate(Instrument instrument, IReadOnlyList<int?> answers)
    {
        if (answers.Count != instrument.Items.Count)
        {
            throw new DomainException("outcomes.answer-count",
                $"{instrument.Id} expects {instrument.Items.Count} answer(s) in item order, got {answers.Count}.", "answers");
        }
        for (var i = 0; i < answers.Count; i++)
        {
            var item = instrument.Items[i];
            if (answers[i] is { } answer && !item.Accepts(answer))
            {
                throw new DomainException("outcomes.answer-out-of-range",
                    $"{instrument.Id} item {item.Number} ({item.Key}): answer {answer.ToString(CultureInfo.InvariantCulture)} is not one of {item.DescribeAllowed()}.",
                    $"answers[{item.Number}]");
            }
        }
    }

    private static ScoreResult SingleItem(Instrument instrument, IReadOnlyList<int?> answers) =>
        answers[0] is { } value
            ? ScoreResult.Computed(instrument.Id, value, 1)
            : ScoreResult.NotComputable(instrument.Id, 0, $"cannot score: the single {instrument.Id} item is unanswered.");

    private static ScoreResult Oswestry(Instrument instrument, IReadOnlyList<int?> answers, int answered)
    {
        var missing = instrument.Items.Count - answered;
        if (missing > OswestryMaxMissingSections)
        {
            return ScoreResult.NotComputable(instrument.Id, answered,
                $"cannot score: {missing} of 10 sections unanswered; at most {OswestryMaxMissingSections} may be missing.");
        }
        var sum = answers.Sum(a => a ?? 0);
        return ScoreResult.Computed(instrument.Id, sum * 100.0 / (5.0 * answered), answered);
    }

    // The interval tables convert a complete raw sum; a partial sum has no place in them, so every item is required.
    private static ScoreResult KoosJr(Instrument instrument, IReadOnlyList<int?> answers, int answered)
    {
        if (answered < instrument.Items.Count)
        {
            return ScoreResult.NotComputable(instrument.Id, answered,
                $"cannot score: {instrument.Items.Count - answered} item(s) unanswered; the KOOS JR conversion table needs all 7.");
        }
        var raw = answers.Sum(a => a!.Value);
        return ScoreResult.Computed(instrument.Id, IntervalConversion.KoosJr[raw], answered);
    }

    private static ScoreResult HoosJr(Instrument instrument, IReadOnlyList<int?> answers, int answered)
    {
        if (answered < instrument.Items.Count)
        {
            return ScoreResult.NotComputable(instrument.Id, answered,
                $"cannot score: {instrument.Items.Count - answered} item(s) unanswered; the HOOS JR conversion table needs all 6.");
        }
        var raw = answers.Sum(a => a!.Value);
        return ScoreResult.Computed(instrument.Id, IntervalConversion.HoosJr[raw], answered);
    }

    private static ScoreResult HarrisHip(Instrument instrument, IReadOnlyList<int?> answers, int answered)
    {
        if (answered < instrument.Items.Count)
        {
            var first = instrument.Items[answers.ToList().FindIndex(a => a is null)];
            return ScoreResult.NotComputable(instrument.Id, answered,
                $"cannot score: the Harris Hip Score is a sum of all 10 sections; item {first.Number} ({first.Key}) is unanswered.");
        }
        double total = answers.Sum(a => a!.Value);
        return ScoreResult.Computed(instrument.Id, total, answered, HarrisHipBand(total));
    }
}
