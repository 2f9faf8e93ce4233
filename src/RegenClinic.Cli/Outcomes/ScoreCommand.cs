using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Cli.Outcomes;

/// <summary><c>score INSTRUMENT ANSWERS</c>: answers comma-separated in item order, <c>-</c> for unanswered; prints
/// <c>{"instrument": "odi", "score": 32.0, "answered": 10}</c>. A form that the instrument's rules cannot score prints
/// <c>"score": null</c> with a <c>"reason"</c> (exit 0); malformed input exits 2 with a message naming the item.
/// Harris Hip answers are the points of each level in the order of <see cref="Instruments.HarrisHipItems"/>.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliContext context)
    {
        var instrumentArgument = new Argument<string>("instrument")
        {
            Description = $"Instrument id: {string.Join(", ", Instruments.All.Select(i => i.Id))}",
            // Optional to the parser so that a missing value is reported by this verb with exit code 2, like any bad input.
            Arity = ArgumentArity.ZeroOrOne,
        };
        var answersArgument = new Argument<string>("answers")
        {
            Description = "Answers in item order, comma-separated; '-' for an unanswered item (e.g. 3,2,1,2,1,2,2,1,1,1)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("score", "Score an outcome instrument from its item answers");
        command.Add(instrumentArgument);
        command.Add(answersArgument);
        command.SetAction(parseResult => Run(context, parseResult.GetValue(instrumentArgument), parseResult.GetValue(answersArgument)));
        return command;
    }

    private static int Run(CliContext context, string? instrumentId, string? answersText)
    {
        if (string.IsNullOrWhiteSpace(instrumentId) || answersText is null)
        {
            context.Error.WriteLine("score: usage: score INSTRUMENT ANSWERS (answers comma-separated in item order, '-' for unanswered).");
            return 2;
        }
        var instrument = Instruments.Find(instrumentId);
        if (instrument is null)
        {
            context.Error.WriteLine($"score: unknown instrument '{instrumentId}'; known: {string.Join(", ", Instruments.All.Select(i => i.Id))}.");
            return 2;
        }
        var parts = answersText.Split(',');
        var answers = new int?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part == "-")
            {
                continue;
            }
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                var item = i < instrument.Items.Count ? $"item {i + 1} ({instrument.Items[i].Key})" : $"item {i + 1}";
                context.Error.WriteLine($"score: {instrument.Id} {item}: '{part}' is not a whole number or '-'.");
                return 2;
            }
            answers[i] = value;
        }
        ScoreResult result;
        try
        {
            result = Scoring.Score(instrument.Id, answers);
        }
        catch (DomainException ex)
        {
            context.Error.WriteLine($"score: {ex.Message}");
            return 2;
        }
        context.Out.WriteLine(ToJson(result));
        return 0;
    }

    /// <summary>Written by hand to keep the documented spacing; strings go through the JSON encoder.</summary>
    internal static string ToJson(ScoreResult result)
    {
        var instrument = JsonSerializer.Serialize(result.InstrumentId);
        var answered = result.Answered.ToString(CultureInfo.InvariantCulture);
        return result.Score is { } score
            ? $"{{\"instrument\": {instrument}, \"score\": {Math.Round(score, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture)}, \"answered\": {answered}}}"
            : $"{{\"instrument\": {instrument}, \"score\": null, \"answered\": {answered}, \"reason\": {JsonSerializer.Serialize(result.ReasonNotComputable)}}}";
    }
}
