namespace RegenClinic.Domain.Eligibility;

/// <summary>ICD-10-CM matching used by indication groups and rules. A pattern is either a prefix ("M87.05" matches M87.050
/// to M87.059, "S39.012" matches S39.012A) or a range of three-character categories ("C00-C96", "O00-O9A"), both compared
/// without dots and case-insensitively. Prefixes are written to the depth the reference gives, never shorter, so that
/// "M51.16" does not pull in M51.14 (thoracic) — see the tests named Prefix*.</summary>
public static class IcdCode
{
    public static string Normalize(string code) => code.Trim().Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool Matches(string code, string pattern)
    {
        var c = Normalize(code);
        var dash = pattern.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            if (c.Length < 3) return false;
            var category = c[..3];
            var low = Normalize(pattern[..dash]);
            var high = Normalize(pattern[(dash + 1)..]);
            // ICD-10-CM categories sort correctly as ordinal strings, including letter-bearing ones (C4A, C7A, O9A).
            return string.CompareOrdinal(category, low) >= 0 && string.CompareOrdinal(category, high) <= 0;
        }
        var p = Normalize(pattern);
        return p.Length > 0 && c.StartsWith(p, StringComparison.Ordinal);
    }

    public static bool MatchesAny(string code, IEnumerable<string> patterns) => patterns.Any(p => Matches(code, p));
}
