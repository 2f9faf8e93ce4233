using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RegenClinic.Demo;

/// <summary>
/// Demo only: the authenticator key of the demo Admin and Physicians, printed in the README so that the demo (and the
/// tests) can pass the second factor. <see cref="CodeAt"/> is RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits), the
/// scheme authenticator apps and ASP.NET Core Identity's authenticator provider use.
/// </summary>
public static class DemoAuthenticator
{
    public const string Key = "REGENCLINICDEMOTOTPKEYTWENTYSIXA";

    public static string CodeAt(string base32Key, long unixSeconds)
    {
        var step = unixSeconds / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; HMAC does not rely on SHA-1's collision resistance.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xff));
            }
        }
        return [.. bytes];
    }
}
