using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

public sealed record FhirAccessToken(string AccessToken, int ExpiresIn, string Scope);

/// <summary>What a valid bearer token says: which client, which scopes.</summary>
public sealed record FhirTokenHolder(string ClientId, string Name, IReadOnlyList<string> Scopes);

/// <summary>A refused token request, as RFC 6749 §5.2 names it (invalid_client, invalid_request, invalid_scope, unsupported_grant_type).</summary>
public sealed class FhirTokenException(string error, string description) : Exception(description)
{
    public string Error { get; } = error;
}

/// <summary>POST /fhir/token (client_credentials): checks the client's secret and hands out a short-lived token for the asked
/// scopes (a subset of the registered ones; all of them when none are asked). Tokens are sealed with ASP.NET Core data
/// protection (keys in the database, shared by app instances) and carry their own expiry; no token is stored.</summary>
public sealed class IssueFhirToken(ClinicDb db, IDataProtectionProvider protection, ClinicTime time)
{
    public static readonly Duration Lifetime = Duration.FromMinutes(15);
    internal const string Purpose = "RegenClinic.Fhir.AccessToken.v1";

    public async Task<FhirAccessToken> HandleAsync(string? grantType, string? clientId, string? secret, string? scope, CancellationToken ct = default)
    {
        if (grantType != "client_credentials") throw new FhirTokenException("unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrEmpty(secret)) throw new FhirTokenException("invalid_client", "Give client_id and client_secret.");
        var client = await db.Set<FhirSystemClient>().AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null || !client.IsActive || !client.Verifies(secret)) throw new FhirTokenException("invalid_client", "Unknown client, revoked client or wrong secret.");
        var registered = client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] granted;
        if (string.IsNullOrWhiteSpace(scope))
        {
            granted = registered;
        }
        else
        {
            granted = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var refused = granted.Where(s => !registered.Contains(s)).ToList();
            if (refused.Count > 0) throw new FhirTokenException("invalid_scope", $"Not granted to this client: {string.Join(' ', refused)}.");
        }
        var expires = time.Now.Plus(Lifetime);
        var payload = string.Join('\n', client.ClientId, client.Name, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), string.Join(' ', granted));
        var token = protection.CreateProtector(Purpose).Protect(payload);
        return new FhirAccessToken(token, (int)Lifetime.TotalSeconds, string.Join(' ', granted));
    }

    /// <summary>The holder of a token, or null when it is forged, expired or its client has been revoked.</summary>
    public static async Task<FhirTokenHolder?> ValidateAsync(string token, IDataProtectionProvider protection, FhirClientCheck check, ClinicDb db, Instant now, CancellationToken ct)
    {
        string payload;
        try
        {
            payload = protection.CreateProtector(Purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        if (parts.Length != 4 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires) || Instant.FromUnixTimeSeconds(expires) <= now) return null;
        var clientId = parts[0];
        if (!await check.IsActiveAsync(clientId, db, now, ct)) return null;
        return new FhirTokenHolder(clientId, parts[1], parts[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>Admin: register a client (the secret is returned once), list and revoke clients. Writes are audited by the interceptor.</summary>
public sealed class ManageFhirClients(ClinicDb db, Audit.ClinicActor actor, ClinicTime time, FhirClientCheck check)
{
    public async Task<(FhirSystemClient Client, string Secret)> RegisterAsync(string name, string scopes, CancellationToken ct = default)
    {
        var (client, secret) = FhirSystemClient.Register(name, scopes, actor.Name, time.Now);
        db.Add(client);
        await db.SaveChangesAsync(ct);
        return (client, secret);
    }

    public async Task<IReadOnlyList<FhirSystemClient>> ListAsync(CancellationToken ct = default) =>
        await db.Set<FhirSystemClient>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task RevokeAsync(string clientId, CancellationToken ct = default)
    {
        var client = await db.Set<FhirSystemClient>().FirstOrDefaultAsync(c => c.ClientId == clientId, ct)
            ?? throw new Domain.Common.DomainException("fhir-client.not-found", "No such client.", "clientId");
        client.Revoke(actor.Name, time.Now);
        await db.SaveChangesAsync(ct);
        check.Forget(clientId);
    }
}

/// <summary>Whether a system client is still active (not revoked), confirmed against the database at most once per
/// <see cref="Recheck"/> per client instead of on every FHIR request, where the query was about a third of a read's CPU.
/// A revocation on this instance takes effect at once (<see cref="Forget"/>); on another app instance within
/// <see cref="Recheck"/>. A client found revoked is never remembered, so it is asked about again every time.</summary>
public sealed class FhirClientCheck
{
    public static readonly Duration Recheck = Duration.FromSeconds(5);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Instant> confirmedActive = new(StringComparer.Ordinal);

    public async Task<bool> IsActiveAsync(string clientId, ClinicDb db, Instant now, CancellationToken ct)
    {
        if (confirmedActive.TryGetValue(clientId, out var at) && now - at < Recheck && now >= at) return true;
        if (!await db.Set<FhirSystemClient>().AnyAsync(c => c.ClientId == clientId && c.RevokedAt == null, ct))
        {
            confirmedActive.TryRemove(clientId, out _);
            return false;
        }
        confirmedActive[clientId] = now;
        return true;
    }

    public void Forget(string clientId) => confirmedActive.TryRemove(clientId, out _);
}
