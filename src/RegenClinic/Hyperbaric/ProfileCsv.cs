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
        var csv = new HeadedCsv(Header, "profile-csv.invalid");
        var points = new List<ProfilePoint>();
        foreach (var (line, fields) in csv.Rows(reader))
        {
            var minute = csv.Number(fields[0], "minute", line);
            var ata = csv.Number(fields[1], "ata", line);
            var fio2 = csv.Number(fields[2], "fio2", line);
            if (minute < 0) throw csv.Bad(line, $"minute {fields[0].Trim()} is negative");
            if (points.Count > 0 && minute <= points[^1].Minute)
                throw csv.Bad(line, $"minute {fields[0].Trim()} is not after the previous row's minute {points[^1].Minute.ToString(CultureInfo.InvariantCulture)}");
            if (ata < DiveProfile.MinAta || ata > DiveProfile.MaxAta) throw csv.Bad(line, $"ata {fields[1].Trim()} is outside 1.0-6.0");
            if (fio2 < 0 || fio2 > 1) throw csv.Bad(line, $"fio2 {fields[2].Trim()} is outside 0.0-1.0");
            points.Add(new ProfilePoint(minute, new Ata(ata), fio2));
        }
        if (points.Count == 0) throw csv.Bad(csv.LastLine + 1, "no rows after the header");
        return new DiveProfile(points);
    }

    public static DiveProfile Parse(string text)
    {
        using var reader = new StringReader(text);
        return Read(reader);
    }

}
