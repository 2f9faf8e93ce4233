using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using RegenClinic.Outcomes;
using RegenClinic.Staff;

namespace RegenClinic.Web.Outcomes;

public sealed record IssueLinkRequest(Guid PatientId, Guid? CourseId, string? MeasurementPoint, IReadOnlyList<string>? Instruments);

public static class OutcomeEndpoints
{
    public static void MapOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/outcomes").WithTags("Outcomes");

        api.MapGet("/analytics.csv", async (AnalyseOutcomes analyse, string? from, string? to, Guid? site, string? physician, CancellationToken ct) =>
            {
                var result = await analyse.HandleAsync(ParseFilter(from, to, site, physician), ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(AnalyticsCsv.Write(result.Reports)), "text/csv; charset=utf-8", "outcome-analytics.csv");
            })
            .RequireAuthorization(Policies.Analytics).WithSummary("Outcome analytics per therapy × condition × measure as CSV (observational; < 5 patients suppressed)");

        api.MapPost("/scores", async Task<Created<OutcomeScoreView>> (RecordOutcome record, RecordOutcomeRequest request, CancellationToken ct) =>
            {
                var view = await record.HandleAsync(request, ct);
                return TypedResults.Created($"/api/outcomes/scores/{view.Id}", view);
            })
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("Enter a completed questionnaire at the desk; it is scored on the spot");

        api.MapGet("/due", async (ListDueMeasurements due, Guid? site, CancellationToken ct) => TypedResults.Ok(await due.HandleAsync(site, ct)))
            .RequireAuthorization(Policies.Registration).WithSummary("Measurement points due or overdue today (no scores)");

        api.MapPost("/links", async Task<Created<IssuedLink>> (IssueQuestionnaireLink issue, IssueLinkRequest request, CancellationToken ct) =>
            {
                var link = await issue.HandleAsync(request.PatientId, request.CourseId, request.MeasurementPoint, request.Instruments, ct);
                return TypedResults.Created(link.Path, link);
            })
            .RequireAuthorization(Policies.Registration).WithSummary("Create a personal questionnaire link (the token is returned once)");
    }

    public static AnalyticsFilter ParseFilter(string? from, string? to, Guid? site, string? physician) =>
        new(Date(from), Date(to), site, string.IsNullOrWhiteSpace(physician) ? null : physician.Trim());

    private static LocalDate? Date(string? text) =>
        !string.IsNullOrWhiteSpace(text) && NodaTime.Text.LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } parsed ? parsed.Value : null;
}
