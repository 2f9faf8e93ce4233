using System.Globalization;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes;

/// <summary>Item wording supplied by a clinic that holds the instrument's licence (the ODI, whose text RegenClinic
/// does not ship). The caller reads the clinic's file; this type only checks and holds it.</summary>
public sealed record LicensedItemText(string InstrumentId, string LicenceHolder, IReadOnlyList<string> ItemTexts)
{
    /// <summary>File format (UTF-8 text): a line <c>licence-holder: NAME</c>, then one line per item <c>N&lt;TAB&gt;text</c>
    /// covering every item exactly once. Blank lines and lines starting with <c>#</c> are ignored.</summary>
    public static LicensedItemText Parse(Instrument instrument, string content)
    {
        string? holder = null;
        var texts = new string?[instrument.Items.Count];
        var lineNumber = 0;
        foreach (var raw in content.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("licence-holder:", StringComparison.OrdinalIgnoreCase))
            {
                holder = line["licence-holder:".Length..].Trim();
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 1 || !int.TryParse(line[..tab], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number < 1 || number > texts.Length)
            {
                throw Invalid($"line {lineNumber}: expected 'N<TAB>text' with N from 1 to {texts.Length}.");
            }
            if (texts[number - 1] is not null)
            {
                throw Invalid($"line {lineNumber}: item {number} is given twice.");
            }
            var text = line[(tab + 1)..].Trim();
            texts[number - 1] = text.Length > 0 ? text : throw Invalid($"line {lineNumber}: item {number} has no text.");
        }
        if (string.IsNullOrWhiteSpace(holder))
        {
            throw Invalid("the file must name the licence holder ('licence-holder: NAME').");
        }
        var missing = Enumerable.Range(1, texts.Length).Where(n => texts[n - 1] is null).ToArray();
        if (missing.Length > 0)
        {
            throw Invalid($"item(s) {string.Join(", ", missing)} missing.");
        }
        return new LicensedItemText(instrument.Id, holder, texts.Select(t => t!).ToArray());

        DomainException Invalid(string why) =>
            new("outcomes.item-text-invalid", $"{instrument.Id} item text file: {why}", "itemText");
    }
}
