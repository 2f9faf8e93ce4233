using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Cli.Hyperbaric;

/// <summary><c>chamber simulate --table ID [--kind monoplace|multiplace] [--seed K] [--faults gap,o2,fast-ascent]
/// [--start INSTANT] [--out F]</c>: synthetic telemetry CSV (docs/formats/telemetry.md) for demos and tests.
/// Exit 2 for a bad option value.</summary>
internal static class ChamberCommand
{
    public static Command Create(CliContext context)
    {
        var chamber = new Command("chamber", "Hyperbaric chamber tools");
        chamber.Add(Simulate(context));
        chamber.Add(Check(context));
        return chamber;
    }

    /// <summary><c>chamber check TELEMETRY.csv --table ID [--kind ...]</c>: the alarms the telemetry raises, one per line
    /// (<c>instant kind message</c>). Exit 0 when none, 1 when any, 2 for bad input (the file is refused whole).</summary>
    private static Command Check(CliContext context)
    {
        var file = new Argument<FileInfo>("TELEMETRY.csv") { Description = "Telemetry CSV: timestamp,ata,o2pct" };
        var table = new Option<string>("--table") { Description = "Treatment table id", Required = true };
        var kind = new Option<string?>("--kind") { Description = "monoplace or multiplace (default: monoplace for *-mono tables, else multiplace)" };
        var command = new Command("check", "Run the chamber alarm rules over a telemetry file");
        command.Add(file);
        command.Add(table);
        command.Add(kind);
        command.SetAction(parseResult => RunCheck(context, parseResult.GetValue(file)!, parseResult.GetValue(table)!, parseResult.GetValue(kind)));
        return command;
    }

    private static int RunCheck(CliContext context, FileInfo file, string tableId, string? kindText)
    {
        var table = TreatmentTables.Find(tableId);
        if (table is null)
        {
            return Fail(context, "check", $"unknown table '{tableId}'; known: {string.Join(", ", TreatmentTables.All.Select(t => t.Id))}");
        }

        if (ParseKind(kindText, table) is not { } kind)
        {
            return Fail(context, "check", $"--kind must be monoplace or multiplace, not '{kindText}'");
        }

        IReadOnlyList<TelemetrySample> samples;
        try
        {
            using var reader = new StreamReader(file.FullName);
            samples = TelemetryCsv.Read(reader);
        }
        catch (DomainException ex)
        {
            return Fail(context, "check", $"{file.Name}: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Fail(context, "check", $"cannot read {file.Name}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail(context, "check", $"cannot read {file.Name}: {ex.Message}");
        }

        var alarms = ChamberAlarms.Evaluate(samples, table, kind);
        foreach (var alarm in alarms)
        {
            context.Out.WriteLine($"{InstantPattern.ExtendedIso.Format(alarm.At)} {alarm.Kind} {alarm.Message}");
        }

        return alarms.Count == 0 ? 0 : 1;
    }

    private static ChamberKind? ParseKind(string? kindText, TreatmentTable table) => kindText switch
    {
        null => table.Id.EndsWith("-mono", StringComparison.Ordinal) ? ChamberKind.Monoplace : ChamberKind.Multiplace,
        "monoplace" => ChamberKind.Monoplace,
        "multiplace" => ChamberKind.Multiplace,
        _ => null,
    };

    private static Command Simulate(CliContext context)
    {
        var table = new Option<string>("--table") { Description = "Treatment table id: " + string.Join(", ", TreatmentTables.All.Select(t => t.Id)), Required = true };
        var kind = new Option<string?>("--kind") { Description = "monoplace or multiplace (default: monoplace for *-mono tables, else multiplace)" };
        var seed = new Option<int>("--seed") { Description = "Noise seed; the same seed gives the same file", DefaultValueFactory = _ => 1 };
        var faults = new Option<string?>("--faults") { Description = "Comma-separated faults to inject: gap, o2, fast-ascent" };
        var start = new Option<string?>("--start") { Description = "Compression start, ISO-8601 UTC (default: now, to the minute)" };
        var output = new Option<FileInfo?>("--out") { Description = "Output file (default: standard output)" };
        var command = new Command("simulate", "Write synthetic chamber telemetry for a treatment table");
        command.Add(table);
        command.Add(kind);
        command.Add(seed);
        command.Add(faults);
        command.Add(start);
        command.Add(output);
        command.SetAction(parseResult => Run(
            context,
            parseResult.GetValue(table)!,
            parseResult.GetValue(kind),
            parseResult.GetValue(seed),
            parseResult.GetValue(faults),
            parseResult.GetValue(start),
            parseResult.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string tableId, string? kindText, int seed, string? faultsText, string? startText, FileInfo? output)
    {
        var table = TreatmentTables.Find(tableId);
        if (table is null)
        {
            return Fail(context, $"unknown table '{tableId}'; known: {string.Join(", ", TreatmentTables.All.Select(t => t.Id))}");
        }

        if (ParseKind(kindText, table) is not { } kind)
        {
            return Fail(context, $"--kind must be monoplace or multiplace, not '{kindText}'");
        }

        var faults = SimulatedFaults.None;
        foreach (var name in (faultsText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name)
            {
                case "gap":
                    faults |= SimulatedFaults.Gap;
                    break;
                case "o2":
                    faults |= SimulatedFaults.Oxygen;
                    break;
                case "fast-ascent":
                    faults |= SimulatedFaults.FastAscent;
                    break;
                default:
                    return Fail(context, $"unknown fault '{name}'; known: gap, o2, fast-ascent");
            }
        }

        if (faults.HasFlag(SimulatedFaults.Oxygen) && kind == ChamberKind.Monoplace)
        {
            return Fail(context, "the o2 fault (oxygen-enriched atmosphere) applies to a multiplace chamber only");
        }

        Instant startAt;
        if (startText is null)
        {
            var now = context.Clock.GetCurrentInstant();
            startAt = Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60);
        }
        else
        {
            var parsed = InstantPattern.ExtendedIso.Parse(startText);
            if (!parsed.Success)
            {
                return Fail(context, $"--start '{startText}' is not an ISO-8601 UTC instant like 2026-11-22T09:00:00Z");
            }

            startAt = parsed.Value;
        }

        var samples = ChamberSimulator.Simulate(table, kind, startAt, seed, faults);
        if (output is null)
        {
            TelemetryCsv.Write(context.Out, samples);
        }
        else
        {
            using var writer = new StreamWriter(output.FullName);
            TelemetryCsv.Write(writer, samples);
            context.Error.WriteLine($"chamber simulate: {samples.Count} samples written to {output.FullName}");
        }

        return 0;
    }

    private static int Fail(CliContext context, string message) => Fail(context, "simulate", message);

    private static int Fail(CliContext context, string verb, string message)
    {
        context.Error.WriteLine($"chamber {verb}: {message}");
        return 2;
    }
}
