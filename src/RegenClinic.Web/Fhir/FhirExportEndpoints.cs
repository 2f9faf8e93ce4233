using Hl7.Fhir.Model;
using RegenClinic.Fhir;
using RegenClinic.Staff;

namespace RegenClinic.Web.Fhir;

/// <summary>
/// Bulk export (HL7 FHIR Bulk Data Access IG 2.0): kick-off at <c>/fhir/$export</c> and <c>/fhir/Patient/$export</c> with
/// <c>Prefer: respond-async</c> answers 202 and a status URL (Content-Location); the status URL answers 202 with X-Progress until the
/// job is done, then 200 with the manifest; files are NDJSON under the same authorisation; DELETE on the status URL cancels.
/// Only a system client with <c>system/*.read</c> or an Admin may export.
/// </summary>
public static class FhirExportEndpoints
{
    public const string NdjsonMediaType = "application/fhir+ndjson";

    public static void MapFhirExport(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/$export", (HttpContext http, KickOffFhirExport kickOff) => KickOffAsync(http, kickOff, "system"))
            .WithSummary("Bulk Data system-level export (Prefer: respond-async): every served type as NDJSON");
        fhir.MapGet("/Patient/$export", (HttpContext http, KickOffFhirExport kickOff) => KickOffAsync(http, kickOff, "patient"))
            .WithSummary("Bulk Data patient-level export (Prefer: respond-async): the patient compartment of every patient as NDJSON");

        fhir.MapGet("/$export-status/{job:guid}", async (HttpContext http, FhirExportStatusQueries queries, Guid job) =>
            {
                MayExport(http);
                var state = await queries.StatusAsync(job, http.RequestAborted);
                switch (state.Job.Status)
                {
                    case FhirExportStatus.Queued or FhirExportStatus.Running:
                        http.Response.Headers["X-Progress"] = state.Job.Progress ?? "queued";
                        http.Response.Headers.RetryAfter = "1";
                        return Results.StatusCode(StatusCodes.Status202Accepted);
                    case FhirExportStatus.Failed:
                        return FhirResult.Problem(new FhirException(500, OperationOutcome.IssueType.Exception, null, state.Job.Message ?? "The export failed."));
                    default:
                        // Bulk Data: Expires says when the files listed will no longer be available (FhirExportRunner deletes them).
                        http.Response.Headers.CacheControl = "no-store";
                        http.Response.Headers.Expires = (state.Job.FinishedAt!.Value + http.RequestServices.GetRequiredService<FhirExportSettings>().Retention)
                            .ToDateTimeOffset().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                        return Results.Json(Manifest(http, state), statusCode: StatusCodes.Status200OK);
                }
            })
            .WithSummary("Bulk Data status: 202 with X-Progress while running, 200 with the manifest when complete");

        fhir.MapDelete("/$export-status/{job:guid}", async (HttpContext http, FhirExportStatusQueries queries, Guid job) =>
            {
                MayExport(http);
                await queries.CancelAsync(job, http.RequestAborted);
                return Results.StatusCode(StatusCodes.Status202Accepted);
            })
            .WithSummary("Cancel a bulk export (or delete its files); the status URL then answers 404");

        fhir.MapGet("/$export-file/{job:guid}/{file:guid}", async (HttpContext http, FhirExportStatusQueries queries, Guid job, Guid file) =>
            {
                MayExport(http);
                var stored = await queries.FileAsync(job, file, http.RequestAborted);
                return Results.Text(stored.Content, NdjsonMediaType, System.Text.Encoding.UTF8);
            })
            .WithSummary("One NDJSON file of a complete bulk export");
    }

    private static async Task<IResult> KickOffAsync(HttpContext http, KickOffFhirExport kickOff, string level)
    {
        MayExport(http);
        if (!http.Request.Headers["Prefer"].Any(p => p is not null && p.Contains("respond-async", StringComparison.OrdinalIgnoreCase)))
            throw FhirException.Invalid("Prefer", "Bulk export is asynchronous: send the header Prefer: respond-async.");
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Length > 0 && !accept.Contains(FhirJson.MediaType, StringComparison.Ordinal) && !accept.Contains("*/*", StringComparison.Ordinal)
            && !accept.Contains("application/json", StringComparison.Ordinal))
        {
            throw FhirException.NotSupported("Accept", $"Accept {FhirJson.MediaType} (the type of the OperationOutcome on error).");
        }
        var parameters = http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        var job = await kickOff.HandleAsync(level, parameters, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", http.RequestAborted);
        http.Response.Headers.ContentLocation = $"{FhirEndpoints.BaseUrl(http)}/$export-status/{job.Id}";
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>Export takes every patient's record out of the clinic: a system client needs <c>system/*.read</c>; staff must be Admin.</summary>
    private static void MayExport(HttpContext http)
    {
        var user = http.User;
        bool allowed = user.HasClaim(c => c.Type == FhirBearerHandler.ClientClaim)
            ? user.FindAll(FhirBearerHandler.ScopeClaim).Any(c => c.Value is "system/*.read" or "system/*.*")
            : user.IsInRole(Roles.Admin);
        if (!allowed)
        {
            throw new FhirException(403, OperationOutcome.IssueType.Forbidden, null, "Bulk export needs a system client with scope system/*.read, or an Admin.");
        }
    }

    private static Dictionary<string, object?> Manifest(HttpContext http, FhirExportState state) => new()
    {
        ["transactionTime"] = state.Job.TransactionTime is { } at ? NodaTime.Text.InstantPattern.ExtendedIso.Format(at) : null,
        ["request"] = state.Job.Request,
        ["requiresAccessToken"] = true,
        ["output"] = state.Output.Select(o => new Dictionary<string, object>
        {
            ["type"] = o.Type,
            ["url"] = $"{FhirEndpoints.BaseUrl(http)}/$export-file/{state.Job.Id}/{o.FileId}",
            ["count"] = o.Count,
        }).ToList(),
        ["error"] = Array.Empty<object>(),
    };
}
