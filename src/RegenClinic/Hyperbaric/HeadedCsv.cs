using System.Globalization;
using RegenClinic.Domain.Common;

namespace RegenClinic.Hyperbaric;

/// <summary>
/// The small CSV files the chamber side reads (a header, then rows of three fields): the rows with their line numbers, and
/// errors that start with <c>line N:</c> under one stable code, so a bad file is refused at its first bad line.
/// </summary>
internal sealed class HeadedCsv(string header, string errorCode)
{
    /// <summary>The last line number read, for "nothing after line N" messages.</summary>
    public int LastLine { get; private set; }

    public IEnumerable<(int Line, string[] Fields)> Rows(TextReader reader)
    {
        var sawHeader = false;
        var width = header.Split(',').Length;
        LastLine = 0;
        while (reader.ReadLine() is { } line)
        {
            LastLine++;
            if (!sawHeader)
            {
                var found = line.TrimStart('\uFEFF').Replace(" ", "", StringComparison.Ordinal).Trim();
                if (!string.Equals(found, header, StringComparison.OrdinalIgnoreCase)) throw Bad(LastLine, $"header must be '{header}', found '{line.Trim()}'");
                sawHeader = true;
                continue;
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split(',');
            if (fields.Length != width) throw Bad(LastLine, $"expected {width} fields ({header}), found {fields.Length}");
            yield return (LastLine, fields);
        }
        if (!sawHeader) throw Bad(1, $"empty file: expected the header '{header}'");
    }

    public double Number(string field, string name, int line)
    {
        var text = field.Trim();
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Bad(line, $"{name} '{text}' is not a number");
        }
        return value;
    }

    public DomainException Bad(int line, string problem) => new(errorCode, $"line {line}: {problem}", "line");
}
