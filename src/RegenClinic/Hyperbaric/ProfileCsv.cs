using System.Globalization;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Reads the <c>oxygen-dose</c> profile CSV (docs/formats/oxygen-dose.md): header <c>minute,ata,fio2</c>, rows
/// in strictly increasing minute, pressure 1.0–6.0 ATA, fio2 0.0–1.0. The whole file is refused at its first bad line.</summary>
public static class ProfileCsv
{
    public const string Header = "minute,ata,fio2";

    /// <exception cref="DomainException">Code <c>profile-csv.invalid</c>; the message starts with <c>line N:</c>.</exception>
    public static DiveProfile Read(TextReader reader)
    {
        var points = new List<ProfilePoint>();
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
                throw Bad(lineNumber, $"expected 3 fields (minute,ata,fio2), found {fields.Length}");
            }

            var minute = Number(fields[0], "minute", lineNumber);
            var ata = Number(fields[1], "ata", lineNumber);
            var fio2 = Number(fields[2], "fio2", lineNumber);
            if (minute < 0)
            {
                throw Bad(lineNumber, $"minute {fields[0].Trim()} is negative");
            }

            if (points.Count > 0 && minute <= points[^1].Minute)
            {
                throw Bad(lineNumber, $"minute {fields[0].Trim()} is not after the previous row's minute {points[^1].Minute.ToString(CultureInfo.InvariantCulture)}");
            }

            if (ata < DiveProfile.MinAta || ata > DiveProfile.MaxAta)
            {
                throw Bad(lineNumber, $"ata {fields[1].Trim()} is outside 1.0-6.0");
            }

            if (fio2 < 0 || fio2 > 1)
            {
                throw Bad(lineNumber, $"fio2 {fields[2].Trim()} is outside 0.0-1.0");
            }

            points.Add(new ProfilePoint(minute, new Ata(ata), fio2));
        }

        if (!sawHeader)
        {
            throw Bad(1, $"empty file: expected the header '{Header}'");
        }

        if (points.Count == 0)
        {
            throw Bad(lineNumber + 1, "no rows after the header");
        }

        return new DiveProfile(points);
    }

    public static DiveProfile Parse(string text)
    {
        using var reader = new StringReader(text);
        return Read(reader);
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
        new("profile-csv.invalid", $"line {lineNumber}: {problem}", "line");
}
