using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Fhir;

namespace RegenClinic.Web.Fhir;

/// <summary>Accepts <c>Authorization: Bearer</c> tokens from /fhir/token on /fhir. The principal names the client
/// (<c>client:{id}</c>, so audit entries say which system read what) and carries its scopes.</summary>
public sealed class FhirBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDataProtectionProvider protection, FhirClientCheck check, ClinicTime time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FhirBearer";
    public const string ClientClaim = "fhir_client";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var db = Context.RequestServices.GetRequiredService<ClinicDb>();
        var holder = await IssueFhirToken.ValidateAsync(header["Bearer ".Length..].Trim(), protection, check, db, time.Now, Context.RequestAborted);
        if (holder is null) return AuthenticateResult.Fail("The bearer token is invalid, expired or its client was revoked.");
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "client:" + holder.ClientId),
            new(ClaimTypes.Name, $"client:{holder.ClientId} ({holder.Name})"),
            new(ClientClaim, holder.ClientId),
        };
        claims.AddRange(holder.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"fhir\"";
        if (!Response.HasStarted)
        {
            Response.ContentType = FhirJson.MediaType;
            var outcome = FhirException.Outcome(Hl7.Fhir.Model.OperationOutcome.IssueType.Login,
                "Sign in, or send a bearer token from POST /fhir/token (grant_type=client_credentials).");
            await Response.WriteAsync(FhirJson.Serialize(outcome));
        }
    }
}
