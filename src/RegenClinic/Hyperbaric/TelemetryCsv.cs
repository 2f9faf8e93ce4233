using System.Globalization;
using NodaTime.Text;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Chamber telemetry CSV (docs/formats/telemetry.md): header <c>timestamp,ata,o2pct</c>, ISO-8601 UTC instants
/// strictly increasing, ata 0.9–6.0, o2pct 0–100. A file with any bad line is refused whole, so nothing is saved from it.</summary>
public static class TelemetryCsv
{
    public const string Header = "timestamp,ata,o2pct";

    /// <summary>Readings a little under 1.0 ATA are sensor noise at the surface, not an error.</summary>
    public const double MinAta = 0.9;

    public const double MaxAta = 6.0;

    /// <exception cref="DomainException">Code <c>telemetry-csv.invalid</c>; the message starts with <c>line N:</c>.</exception>
    public static IReadOnlyList<TelemetrySample> Read(TextReader reader)
    {
        var samples = new List<TelemetrySample>();
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!sawHeader)
            {
                var header = line.TrimStart('\uFEFF').Replace(" ", "", StringComparison.Ordinal).Trim();
                if (!string.Equals(header, Header, StringComparison.OrdinalIgnoreCase))
                {
                    throw Bad(lineNumber, $"header must be '{Header}', found '{line.Trim()}'");
                }

                sawHeader = true;
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 3)
            {
                throw Bad(lineNumber, $"expected 3 fields (timestamp,ata,o2pct), found {fields.Length}");
            }

            var parsed = InstantPattern.ExtendedIso.Parse(fields[0].Trim());
            if (!parsed.Success)
            {
                throw Bad(lineNumber, $"timestamp '{fields[0].Trim()}' is not an ISO-8601 UTC instant like 2026-11-22T09:00:00Z");
            }

            var at = parsed.Value;
            var ata = Number(fields[1], "ata", lineNumber);
            var o2 = Number(fields[2], "o2pct", lineNumber);
            if (samples.Count > 0 && at <= samples[^1].At)
            {
                throw Bad(lineNumber, $"timestamp {at} is not after the previous sample {samples[^1].At}");
            }

            if (ata < MinAta || ata > MaxAta)
            {
                throw Bad(lineNumber, $"ata {fields[1].Trim()} is outside {MinAta:0.0}-{MaxAta:0.0}");
            }

            if (o2 < 0 || o2 > 100)
            {
                throw Bad(lineNumber, $"o2pct {fields[2].Trim()} is outside 0-100");
            }

            samples.Add(new TelemetrySample(at, new Ata(ata), o2));
        }

        if (!sawHeader)
        {
            throw Bad(1, $"empty file: expected the header '{Header}'");
        }

        return samples;
    }

    public static IReadOnlyList<TelemetrySample> Parse(string text)
    {
        using var reader = new StringReader(text);
        return Read(reader);
    }

    public static void Write(TextWriter writer, IEnumerable<TelemetrySample> samples)
    {
        writer.Write(Header + "\n");
        foreach (var s in samples)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{InstantPattern.ExtendedIso.Format(s.At)},{s.Pressure.Value:0.0000},{s.O2Percent:0.00}\n"));
        }
    }

    private static double Number(string field, string name, int lineNumber)
    {
        var text = field.Trim();
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Bad(lineNumber, $"{name} '{text}' is not a number");
        }

        return value;
    }

    private static DomainException Bad(int lineNumber, string problem) =>
        new("telemetry-csv.invalid", $"line {lineNumber}: {problem}", "line");
}
