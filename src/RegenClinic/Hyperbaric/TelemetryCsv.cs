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
        var csv = new HeadedCsv(Header, "telemetry-csv.invalid");
        var samples = new List<TelemetrySample>();
        foreach (var (line, fields) in csv.Rows(reader))
        {
            var parsed = InstantPattern.ExtendedIso.Parse(fields[0].Trim());
            if (!parsed.Success) throw csv.Bad(line, $"timestamp '{fields[0].Trim()}' is not an ISO-8601 UTC instant like 2026-11-22T09:00:00Z");
            var at = parsed.Value;
            var ata = csv.Number(fields[1], "ata", line);
            var o2 = csv.Number(fields[2], "o2pct", line);
            if (samples.Count > 0 && at <= samples[^1].At) throw csv.Bad(line, $"timestamp {at} is not after the previous sample {samples[^1].At}");
            if (ata < MinAta || ata > MaxAta) throw csv.Bad(line, $"ata {fields[1].Trim()} is outside {MinAta:0.0}-{MaxAta:0.0}");
            if (o2 < 0 || o2 > 100) throw csv.Bad(line, $"o2pct {fields[2].Trim()} is outside 0-100");
            samples.Add(new TelemetrySample(at, new Ata(ata), o2));
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

}
