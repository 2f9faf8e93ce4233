using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Localization;
using RegenClinic.Web.Account;
using RegenClinic.Web.Travel;

namespace RegenClinic.Web.Infrastructure;

/// <summary>
/// Rate limits on the doors a stranger can knock on (sign-in, the FHIR token endpoint, a patient's link pages) and size
/// limits on every request body. Limits answer 429 / 413 with a message in the user's language (problem details on /api
/// and /fhir), never a 500.
/// </summary>
public static class RequestLimits
{
    /// <summary>Posts to /signin, /signin/2fa and /fhir/token: per client address and per account name (email or client id).</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>A patient's questionnaire and calendar links (/q/{token}, /calendar/{token}): per client address, anonymous only.</summary>
    public const string PublicLinkPolicy = "public-link";

    /// <summary>Every request body unless its endpoint says otherwise (RequestSizeLimit): forms and JSON of this clinic are small.</summary>
    public const long DefaultBodyBytes = 1L * 1024 * 1024;

    /// <summary>A chamber's telemetry CSV (one reading a second for a long dive is well under this).</summary>
    public const long TelemetryBodyBytes = 2L * 1024 * 1024;

    /// <summary>The dive page's form with a telemetry file: above the file limit, so that the page itself names a file of up to
    /// twice the limit as too large; a bigger body is refused with 413.</summary>
    public const long TelemetryFormBytes = 2 * TelemetryBodyBytes;

    /// <summary>A FHIR transaction bundle or resource.</summary>
    public const long FhirBodyBytes = 10L * 1024 * 1024;

    internal const string AccountItem = "regenclinic.rate-limit-account";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // Strict by default: 10 a minute per address and per account (lockout after 5 failures still applies). Behind a
        // proxy the address is the forwarded one (Proxy settings); a clinic whose staff share one address may raise it.
        var signInPerMinute = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        var linkPerMinute = configuration.GetValue("Security:PublicLinkRequestsPerMinute", 30);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = DefaultBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = 1024;
            o.KeyLengthLimit = 2048;
            o.ValueLengthLimit = (int)DefaultBodyBytes;
            // Only the enquiry form takes files; its endpoint raises the body limit to match.
            o.MultipartBodyLengthLimit = TravelEndpoints.MaxEnquiryBytes;
        });
        services.AddSingleton<ThrottleAudit>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectedAsync;
            o.AddPolicy(SignInPolicy, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("address:" + Address(ctx), _ => PerMinute(signInPerMinute))
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(PublicLinkPolicy, ctx => ctx.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter("address:" + Address(ctx), _ => PerMinute(linkPerMinute)));
            // The per-account limit: the account name comes from the posted form (read by SignInAccountForm before the limiter).
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => ctx.Items[AccountItem] is string account
                ? RateLimitPartition.GetFixedWindowLimiter(account, _ => PerMinute(signInPerMinute))
                : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>Size check and the account name for the sign-in limit, in the order the pipeline needs them.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestBodyLimit>();
        return app;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    internal static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/fhir");

    internal static string? PolicyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    private static async ValueTask RejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var policy = PolicyOf(http);
        var english = policy switch
        {
            TravelEndpoints.EnquiryRateLimit => "Too many enquiries from this address. Please try again in an hour, or call us.",
            SignInPolicy => "Too many sign-in attempts from this address or for this account. Wait a minute and try again.",
            _ => "Too many requests from this address. Wait a minute and try again.",
        };
        if (policy == SignInPolicy) await http.RequestServices.GetRequiredService<ThrottleAudit>().RecordAsync(http);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SecurityText>>()[english].Value;
        await WriteAsync(http, StatusCodes.Status429TooManyRequests, text, ct);
    }

    /// <summary>Problem details on /api and /fhir, plain text in the user's language on pages.</summary>
    internal static async Task WriteAsync(HttpContext http, int status, string text, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        if (http.Request.Path.StartsWithSegments("/fhir") && !http.Request.Path.StartsWithSegments("/fhir/token"))
        {
            // FHIR clients read an OperationOutcome; the token endpoint is OAuth and gets problem details like /api.
            var type = status == StatusCodes.Status429TooManyRequests ? Hl7.Fhir.Model.OperationOutcome.IssueType.Throttled : Hl7.Fhir.Model.OperationOutcome.IssueType.TooLong;
            http.Response.ContentType = RegenClinic.Fhir.FhirJson.MediaType;
            await http.Response.WriteAsync(RegenClinic.Fhir.FhirJson.Serialize(RegenClinic.Fhir.FhirException.Outcome(type, text)), ct);
            return;
        }
        if (IsApi(http))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Title = text } });
            return;
        }
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, ct);
    }
}

/// <summary>
/// The body limit of the endpoint (its RequestSizeLimit metadata, else <see cref="RequestLimits.DefaultBodyBytes"/>): handed to
/// the server (Kestrel enforces it while reading, also for chunked bodies), and a declared Content-Length above it is refused
/// with 413 before anything reads the body. Also reads the account name of a sign-in post for the per-account rate limit.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared ? declared.MaxRequestBodySize : RequestLimits.DefaultBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            var text = context.RequestServices.GetRequiredService<IStringLocalizer<SecurityText>>()[
                "The request is too large ({0:N0} bytes; at most {1:N0} bytes here).", context.Request.ContentLength.Value, max].Value;
            await RequestLimits.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, text, context.RequestAborted);
            return;
        }
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType && RequestLimits.PolicyOf(context) == RequestLimits.SignInPolicy)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var account = form["Posted.Email"].FirstOrDefault() ?? form["client_id"].FirstOrDefault();
            if (!string.IsNullOrWhiteSpace(account)) context.Items[RequestLimits.AccountItem] = "account:" + account.Trim().ToUpperInvariant();
        }
        await next(context);
    }
}

/// <summary>A throttled sign-in goes into the audit trail, once per address and account a minute, so a flood cannot flood the trail.</summary>
public sealed class ThrottleAudit(NodaTime.IClock clock)
{
    private readonly ConcurrentDictionary<string, long> recorded = new(StringComparer.Ordinal);

    public async Task RecordAsync(HttpContext http)
    {
        var minute = clock.GetCurrentInstant().ToUnixTimeSeconds() / 60;
        var account = (http.Items[RequestLimits.AccountItem] as string)?["account:".Length..];
        var key = $"{RequestLimits.Address(http)}|{account}";
        if (recorded.TryGetValue(key, out var last) && last == minute) return;
        if (recorded.Count > 10_000) recorded.Clear();
        recorded[key] = minute;
        await http.RequestServices.GetRequiredService<SignInAudit>().RecordAsync(RegenClinic.Audit.AuditActions.SignInThrottled, account?.ToLowerInvariant());
    }
}
