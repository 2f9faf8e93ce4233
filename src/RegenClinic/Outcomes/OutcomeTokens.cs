using System.Security.Cryptography;
using System.Text;

namespace RegenClinic.Outcomes;

/// <summary>Questionnaire link tokens: 256 random bits, URL-safe; only their SHA-256 is stored.</summary>
public static class OutcomeTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
