using System.Security.Cryptography;
using System.Text;
using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Fhir;

/// <summary>Another system (registry, hospital, home physician's software) allowed to call /fhir with client-credential tokens.
/// Registered by an Admin; the secret is shown once and only its SHA-256 is kept (it is 256 random bits, so a fast hash
/// cannot be brute-forced). Revoked clients get no new tokens and their tokens stop working.</summary>
public sealed class FhirSystemClient
{
    private FhirSystemClient() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string ClientId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    /// <summary>Space-separated SMART-style system scopes, e.g. "system/Patient.read system/*.write".</summary>
    public string Scopes { get; private set; } = "";
    public Instant RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public Instant? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static (FhirSystemClient Client, string Secret) Register(string name, string scopes, string by, Instant at)
    {
        var granted = FhirScopes.Parse(scopes, "scopes");
        if (granted.Count == 0) throw new DomainException("fhir-client.no-scopes", "Give the client at least one scope.", "scopes");
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var client = new FhirSystemClient
        {
            ClientId = "rc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Name = Require.Text(name, "name", 100),
            SecretHash = Hash(secret),
            Scopes = string.Join(' ', granted),
            RegisteredBy = Require.Text(by, "by", 200),
            RegisteredAt = at,
        };
        return (client, secret);
    }

    public bool Verifies(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public void Revoke(string by, Instant at)
    {
        if (RevokedAt is not null) throw new DomainException("fhir-client.revoked", "This client is already revoked.");
        RevokedBy = Require.Text(by, "by", 200);
        RevokedAt = at;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>SMART-style system scopes: <c>system/{Type|*}.{read|write|*}</c>, types from the registry.</summary>
public static class FhirScopes
{
    public static IReadOnlyList<string> Parse(string? scopes, string field)
    {
        var result = new List<string>();
        foreach (var scope in (scopes ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsValid(scope))
            {
                throw new DomainException("fhir-client.scope-invalid",
                    $"'{scope}' is not a scope: write system/{{Type}}.read, system/{{Type}}.write or system/*.read (Type one of {string.Join(", ", FhirRegistry.Types.Select(t => t.Name))}).", field);
            }
            if (!result.Contains(scope)) result.Add(scope);
        }
        return result;
    }

    public static bool IsValid(string scope)
    {
        if (!scope.StartsWith("system/", StringComparison.Ordinal)) return false;
        var rest = scope["system/".Length..];
        var dot = rest.LastIndexOf('.');
        if (dot <= 0) return false;
        var (type, access) = (rest[..dot], rest[(dot + 1)..]);
        return access is "read" or "write" or "*" && (type == "*" || FhirRegistry.Find(type) is not null);
    }

    /// <summary>Whether <paramref name="scopes"/> let a client do <paramref name="interaction"/> on <paramref name="type"/>: read and
    /// search need .read; create and update need .write.</summary>
    public static bool Allow(IEnumerable<string> scopes, string type, FhirInteraction interaction)
    {
        var access = interaction is FhirInteraction.Read or FhirInteraction.Search ? "read" : "write";
        return scopes.Any(s => s == $"system/{type}.{access}" || s == $"system/{type}.*" || s == $"system/*.{access}" || s == "system/*.*");
    }
}
