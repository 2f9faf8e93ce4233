using System.Security.Claims;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Fhir;

namespace RegenClinic.Web.Fhir;

/// <summary>The FHIR R4 interface under /fhir. Every route is looked up in <see cref="FhirRegistry"/>, the same registry that writes
/// /fhir/metadata. Signed-in staff are held to their role policies; system clients to their scopes. Errors are OperationOutcomes.</summary>
public static class FhirEndpoints
{
    /// <summary>Signed in by cookie (staff) or bearer token (system client); what each may do is checked per type and interaction.</summary>
    public const string Policy = "fhir";

    public static IServiceCollection AddFhirWeb(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, FhirBearerHandler>(FhirBearerHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, FhirBearerHandler.SchemeName).RequireAuthenticatedUser());
        services.AddHostedService<FhirExportWorker>();
        return services;
    }

    public static void MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/fhir/metadata", (HttpContext http, IClock clock) =>
                new FhirResult(FhirRegistry.CapabilityStatement(BaseUrl(http), FhirDates.Date(clock.GetCurrentInstant().InUtc().Date))))
            .AllowAnonymous().WithTags("FHIR").WithSummary("CapabilityStatement: exactly the types, interactions and search parameters served");

        app.MapPost("/fhir/token", async (HttpContext http, IssueFhirToken issue) =>
            {
                if (!http.Request.HasFormContentType) return TokenError("invalid_request", "POST application/x-www-form-urlencoded.");
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                var (clientId, secret) = BasicCredentials(http) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
                try
                {
                    var token = await issue.HandleAsync(form["grant_type"], clientId, secret, form["scope"], http.RequestAborted);
                    http.Response.Headers.CacheControl = "no-store";
                    return Results.Json(new Dictionary<string, object>
                    {
                        ["access_token"] = token.AccessToken, ["token_type"] = "bearer", ["expires_in"] = token.ExpiresIn, ["scope"] = token.Scope,
                    });
                }
                catch (FhirTokenException ex)
                {
                    return TokenError(ex.Error, ex.Message);
                }
            })
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RegenClinic.Web.Infrastructure.RequestLimits.SignInPolicy)
            .WithTags("FHIR").WithSummary("OAuth 2.0 client-credentials token for system clients");

        var fhir = app.MapGroup("/fhir").RequireAuthorization(Policy).WithTags("FHIR").AddEndpointFilter(Outcomes)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RegenClinic.Web.Infrastructure.RequestLimits.FhirBodyBytes));
        fhir.MapFhirExport();

        fhir.MapPost("/", async (HttpContext http, ImportFhirTransaction import) =>
            {
                var bundle = await Body(http) as Bundle ?? throw FhirException.Invalid("Bundle", "POST a Bundle of type transaction to /fhir.");
                foreach (var name in bundle.Entry.Select(e => e.Resource?.TypeName).OfType<string>().Distinct())
                {
                    await Authorize(http, FhirRegistry.Find(name) ?? throw FhirException.NotSupported("Bundle.entry.resource", $"{name} is not served here."), FhirInteraction.Create);
                }
                return new FhirResult(await import.HandleAsync(bundle, ct: http.RequestAborted));
            })
            .WithSummary("Transaction bundle: create patients with conditions, medications, allergies and observations, all or nothing");

        fhir.MapGet("/Patient/{id}/$everything", async (HttpContext http, PatientEverything everything, string id) =>
            {
                var patientType = FhirRegistry.Find("Patient")!;
                await Authorize(http, patientType, FhirInteraction.Read);
                var patientId = FhirReferences.IdOf(id) ?? throw FhirException.NotFound("Patient", id);
                var readable = new HashSet<string>();
                foreach (var type in FhirRegistry.Types.Where(t => t.PerPatient))
                {
                    if (await MayAsync(http, type, FhirInteraction.Read)) readable.Add(type.Name);
                }
                return new FhirResult(await everything.HandleAsync(patientId, t => readable.Contains(t.Name), BaseUrl(http), http.RequestAborted));
            })
            .WithSummary("Patient/$everything: the patient and the resources of their compartment the caller may read");

        fhir.MapGet("/{type}", async (HttpContext http, SearchFhirResources search, string type) =>
            {
                var resourceType = Type(type);
                await Authorize(http, resourceType, FhirInteraction.Search);
                var parameters = http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
                return new FhirResult(await search.HandleAsync(resourceType, parameters, BaseUrl(http), http.RequestAborted));
            })
            .WithSummary("Search a resource type (unknown parameters answer 400)");

        fhir.MapGet("/{type}/{id}", async (HttpContext http, ReadFhirResource read, string type, string id) =>
            {
                var resourceType = Type(type);
                await Authorize(http, resourceType, FhirInteraction.Read);
                var (match, version) = await read.HandleAsync(resourceType, id, http.RequestAborted);
                return new FhirResult(match.Resource, version: version);
            })
            .WithSummary("Read a resource by id (ETag: its version)");

        fhir.MapPost("/{type}", async (HttpContext http, CreateFhirResource create, string type) =>
            {
                var resourceType = Type(type);
                if (!resourceType.CanCreate) throw new FhirException(405, OperationOutcome.IssueType.NotSupported, null, $"{type} is read-only here.");
                await Authorize(http, resourceType, FhirInteraction.Create);
                var resource = await Body(http);
                if (resource.TypeName != type) throw FhirException.Invalid("resourceType", $"The body is a {resource.TypeName}, not a {type}.");
                var (created, version) = await create.HandleAsync(resource, http.RequestAborted);
                return new FhirResult(created, StatusCodes.Status201Created, version, $"{BaseUrl(http)}/{type}/{created.Id}");
            })
            .WithSummary("Create a Patient, a chart entry (Condition, MedicationStatement, AllergyIntolerance, Observation, Procedure) or an AdverseEvent");

        fhir.MapPut("/{type}/{id}", async (HttpContext http, UpdateFhirPatient update, AmendFhirChartEntry amend, string type, string id) =>
            {
                var resourceType = Type(type);
                if (!resourceType.CanUpdate)
                    throw new FhirException(405, OperationOutcome.IssueType.NotSupported, null, $"{type} is not updated here (the record is append-only, or kept by its own workflow in the app).");
                await Authorize(http, resourceType, FhirInteraction.Update);
                if (type != "Patient")
                {
                    // A chart entry is amended: the new version has its own id, given in Location.
                    var (amended, amendedVersion) = await amend.HandleAsync(type, id, await Body(http), http.Request.Headers.IfMatch.ToString(), http.RequestAborted);
                    return new FhirResult(amended, version: amendedVersion, location: $"{BaseUrl(http)}/{type}/{amended.Id}");
                }
                var patient = await Body(http) as Hl7.Fhir.Model.Patient ?? throw FhirException.Invalid("resourceType", "The body must be a Patient.");
                var (updated, version) = await update.HandleAsync(id, patient, http.Request.Headers.IfMatch.ToString(), http.RequestAborted);
                return new FhirResult(updated, version: version);
            })
            .WithSummary("Update Patient demographics, or amend a Condition, MedicationStatement, AllergyIntolerance or Observation; needs If-Match with the current ETag (412 when stale)");
    }

    private static FhirResourceType Type(string name) =>
        FhirRegistry.Find(name) ?? throw new FhirException(404, OperationOutcome.IssueType.NotSupported, null,
            $"Resource type '{name}' is not served here; see /fhir/metadata.");

    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/fhir";

    private static async Task<Resource> Body(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return FhirJson.Parse(await reader.ReadToEndAsync(http.RequestAborted));
    }

    private static async Task Authorize(HttpContext http, FhirResourceType type, FhirInteraction interaction)
    {
        if (!await MayAsync(http, type, interaction))
        {
            var access = interaction is FhirInteraction.Read or FhirInteraction.Search ? "read" : "write";
            throw new FhirException(403, OperationOutcome.IssueType.Forbidden, null,
                IsClient(http.User) ? $"The token lacks scope system/{type.Name}.{access}." : $"Your role may not {access} {type.Name}.");
        }
    }

    /// <summary>System clients by scope; staff by the type's role policy (read or write).</summary>
    private static async Task<bool> MayAsync(HttpContext http, FhirResourceType type, FhirInteraction interaction)
    {
        if (!type.Supports(interaction)) return false;
        if (IsClient(http.User))
            return FhirScopes.Allow(http.User.FindAll(FhirBearerHandler.ScopeClaim).Select(c => c.Value), type.Name, interaction);
        var policy = interaction is FhirInteraction.Read or FhirInteraction.Search ? type.ReadPolicy : type.WritePolicy;
        if (policy is null) return false;
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, policy)).Succeeded;
    }

    private static bool IsClient(ClaimsPrincipal user) => user.HasClaim(c => c.Type == FhirBearerHandler.ClientClaim);

    /// <summary>Refusals as OperationOutcome: FHIR errors with their status; domain errors as 400/404/422 naming the field.</summary>
    private static async ValueTask<object?> Outcomes(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (FhirException ex)
        {
            return FhirResult.Problem(ex);
        }
        catch (DomainException ex)
        {
            return FhirResult.Problem(FhirException.FromDomain(ex, f => f ?? "resource"));
        }
    }

    private static (string?, string?)? BasicCredentials(HttpContext http)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult TokenError(string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description },
            statusCode: error == "invalid_client" ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest);
}
