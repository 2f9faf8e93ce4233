using System.Diagnostics.CodeAnalysis;

namespace RegenClinic.Codes;

public enum CodeSystem
{
    /// <summary>ICD-10-CM, <c>http://hl7.org/fhir/sid/icd-10-cm</c>.</summary>
    Icd10Cm,

    /// <summary>WHO ATC, <c>http://www.whocc.no/atc</c>.</summary>
    Atc,
}

public sealed record CodeEntry(CodeSystem System, string Code, string Display)
{
    public string SystemUri => System switch
    {
        CodeSystem.Icd10Cm => "http://hl7.org/fhir/sid/icd-10-cm",
        CodeSystem.Atc => "http://www.whocc.no/atc",
        _ => throw new ArgumentOutOfRangeException(nameof(System), System, null),
    };
}

/// <summary>The bundled code lists of the code picker (<c>Codes/icd10cm.tsv</c>, <c>Codes/atc.tsv</c>; subset and
/// source in <c>Codes/SOURCES.md</c>). Loaded once; immutable; thread-safe.</summary>
public sealed class CodeCatalog
{
    private static readonly Lazy<CodeCatalog> SharedCatalog = new(LoadEmbedded);

    private readonly Dictionary<CodeSystem, CodeEntry[]> _entries;
    private readonly Dictionary<(CodeSystem, string), CodeEntry> _byKey;

    internal CodeCatalog(IEnumerable<CodeEntry> entries)
    {
        var all = entries.ToList();
        _entries = Enum.GetValues<CodeSystem>().ToDictionary(s => s, s => all.Where(e => e.System == s).OrderBy(e => Key(e.Code), StringComparer.Ordinal).ToArray());
        _byKey = [];
        foreach (var e in all)
        {
            if (!_byKey.TryAdd((e.System, Key(e.Code)), e))
            {
                throw new InvalidOperationException($"Duplicate {e.System} code {e.Code} in the bundled code lists.");
            }
        }
    }

    /// <summary>The catalogue of the embedded lists, loaded on first use.</summary>
    public static CodeCatalog Shared => SharedCatalog.Value;

    public int Count(CodeSystem system) => _entries[system].Length;

    /// <summary>The whole bundled list of a system, in file order: small enough to render as a picker's options.</summary>
    public IReadOnlyList<CodeEntry> All(CodeSystem system) => _entries[system];

    /// <summary>Codes whose code starts with <paramref name="text"/> (case- and dot-insensitive: <c>m8718</c> finds
    /// M87.180), or whose display contains every word of <paramref name="text"/> as the start of a word
    /// (<c>knee osteo</c> finds "Osteoarthritis of knee"). Exact code first, then code-prefix matches (shortest code
    /// first), then display matches (display starting with the text first, then shortest code). At most
    /// <paramref name="limit"/> entries; empty text or a limit below 1 gives none.</summary>
    public IReadOnlyList<CodeEntry> Search(CodeSystem system, string text, int limit)
    {
        var query = (text ?? string.Empty).Trim();
        if (query.Length == 0 || limit < 1)
        {
            return [];
        }

        var codeKey = Key(query);
        var words = Words(query);
        var scored = new List<(int Rank, int Length, CodeEntry Entry)>();
        foreach (var entry in _entries[system])
        {
            var key = Key(entry.Code);
            if (key == codeKey)
            {
                scored.Add((0, key.Length, entry));
            }
            else if (codeKey.Length > 0 && key.StartsWith(codeKey, StringComparison.Ordinal))
            {
                scored.Add((1, key.Length, entry));
            }
            else if (words.Length > 0 && MatchesWords(entry.Display, words))
            {
                var startsWith = entry.Display.StartsWith(query, StringComparison.OrdinalIgnoreCase);
                scored.Add((startsWith ? 2 : 3, key.Length, entry));
            }
        }

        return [.. scored
            .OrderBy(s => s.Rank)
            .ThenBy(s => s.Length)
            .ThenBy(s => Key(s.Entry.Code), StringComparer.Ordinal)
            .Take(limit)
            .Select(s => s.Entry)];
    }

    /// <summary>The display of a code (case- and dot-insensitive), if it is in the bundled subset.</summary>
    public bool TryGetDisplay(CodeSystem system, string code, [NotNullWhen(true)] out string? display)
    {
        display = null;
        if (string.IsNullOrWhiteSpace(code) || !_byKey.TryGetValue((system, Key(code)), out var entry))
        {
            return false;
        }

        display = entry.Display;
        return true;
    }

    /// <summary>Parses <c>code&lt;TAB&gt;display</c> lines; blank lines and lines starting with <c>#</c> are skipped.</summary>
    internal static IEnumerable<CodeEntry> ParseTsv(CodeSystem system, TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                throw new InvalidDataException($"{system} code list line {lineNumber}: expected 'code<TAB>display'.");
            }

            yield return new CodeEntry(system, parts[0].Trim(), parts[1].Trim());
        }
    }

    private static CodeCatalog LoadEmbedded()
    {
        var assembly = typeof(CodeCatalog).Assembly;
        IEnumerable<CodeEntry> Read(CodeSystem system, string file)
        {
            using var stream = assembly.GetManifestResourceStream($"RegenClinic.Codes.{file}")
                ?? throw new InvalidOperationException($"Embedded code list {file} is missing.");
            using var reader = new StreamReader(stream);
            return [.. ParseTsv(system, reader)];
        }

        return new CodeCatalog(Read(CodeSystem.Icd10Cm, "icd10cm.tsv").Concat(Read(CodeSystem.Atc, "atc.tsv")));
    }

    private static string Key(string code) => code.Replace(".", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

    private static string[] Words(string text) =>
        text.Split([' ', ',', '(', ')', '[', ']', '/', '-', '.', ';', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool MatchesWords(string display, string[] queryWords)
    {
        var displayWords = Words(display);
        return queryWords.All(q => displayWords.Any(d => d.StartsWith(q, StringComparison.OrdinalIgnoreCase)));
    }
}
