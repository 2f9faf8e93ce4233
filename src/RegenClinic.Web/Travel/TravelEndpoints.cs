using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using RegenClinic.Staff;
using RegenClinic.Travel;

namespace RegenClinic.Web.Travel;

public static class TravelEndpoints
{
    /// <summary>The rate-limiter policy on the public enquiry page (posts only).</summary>
    public const string EnquiryRateLimit = "enquiry";

    /// <summary>Five files of 10 MB and the form fields.</summary>
    public const long MaxEnquiryBytes = 52L * 1024 * 1024;

    /// <summary>Per client address: Travel:EnquiriesPerHour posts an hour (default 5). Reading the form is never limited, so a
    /// patient who mistyped is not locked out of the page; behind a proxy, forwarded headers must be configured for the address.</summary>
    public static IServiceCollection AddTravelWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var perHour = configuration.GetValue("Travel:EnquiriesPerHour", 5);
        services.AddRateLimiter(o =>
        {
            // The 429 answer (in the user's language) is written by RequestLimits for every policy.
            o.AddPolicy(EnquiryRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.AddHostedService<EnquiryFileRetentionWorker>();
        return services;
    }

    public static void MapTravelEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/travel").WithTags("Travel");

        api.MapGet("/enquiries/{id:guid}/files/{index:int}", async Task<FileStreamHttpResult> (OpenEnquiryFile open, Guid id, int index, CancellationToken ct) =>
            {
                var file = await open.HandleAsync(id, index, ct);
                // Always a download, with the type found by content; the stored file never runs in the browser.
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization(Policies.Travel).WithSummary("Download a file sent with an enquiry (audited read)");

        api.MapGet("/quotes/{id:guid}/file", async Task<FileContentHttpResult> (ViewQuote view, Guid id, CancellationToken ct) =>
            {
                var v = await view.HandleAsync(id, ct);
                var html = Encoding.UTF8.GetBytes(QuoteDocument.Html(v));
                return TypedResults.File(html, "text/html; charset=utf-8", $"quote-{v.Enquiry.Reference}-v{v.Quote.Version}.html");
            })
            .RequireAuthorization(Policies.Travel).WithSummary("The quote as a self-contained HTML file to send to the patient (audited read)");

        api.MapGet("/quotes/{id:guid}/pdf", async Task<Results<FileContentHttpResult, NotFound>> (ViewQuote view, QuotePdf pdf, Guid id, CancellationToken ct) =>
            {
                if (!pdf.Enabled) return TypedResults.NotFound();
                var v = await view.HandleAsync(id, ct);
                return TypedResults.File(await pdf.PrintAsync(QuoteDocument.Html(v), ct), "application/pdf", $"quote-{v.Enquiry.Reference}-v{v.Quote.Version}.pdf");
            })
            .RequireAuthorization(Policies.Travel).WithSummary("The quote printed to PDF by headless Chromium, when Travel:PdfChromium is configured (audited read); 404 otherwise");
    }
}
