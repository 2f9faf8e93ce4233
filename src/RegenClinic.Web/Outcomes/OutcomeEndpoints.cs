using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Outcomes;
using RegenClinic.Staff;

namespace RegenClinic.Web.Outcomes;

public sealed record IssueLinkRequest(Guid PatientId, Guid? CourseId, string? MeasurementPoint, IReadOnlyList<string>? Instruments);

public sealed record StageJson(string Scale, string Name, string Source, IReadOnlyList<StagePoint> Points, string First, string Latest, string Worst,
    StageChange Overall);

public sealed record MeasurementPointJson(string Key, MeasurementPointKind Kind, LocalDate DueOn, LocalDate WindowOpens, LocalDate WindowCloses,
    MeasurementStatus Status);

public sealed record OutcomePlanJson(Guid CourseId, string Therapy, string Status, LocalDate? Start, string? Condition, IReadOnlyList<string> Instruments,
    IReadOnlyList<MeasurementPointJson> Points);

/// <summary>A patient's outcomes as JSON: every current score (scored or not, with why), the stages over time, each course's
/// measurement plan with due and overdue points, surgeries, and the session dates the chart marks.</summary>
public sealed record PatientOutcomesJson(Guid PatientId, IReadOnlyList<OutcomeScoreView> Scores, IReadOnlyList<StageJson> Stages,
    IReadOnlyList<OutcomePlanJson> Plans, IReadOnlyList<SurgeryView> Surgeries, IReadOnlyList<LocalDate> Sessions)
{
    public static PatientOutcomesJson From(Guid patientId, PatientOutcomes o) => new(patientId,
        [.. o.Measures.SelectMany(m => m.Scores).Concat(o.NotScored).OrderBy(s => s.Date)],
        [.. o.Stages.Select(s => new StageJson(s.Scale.Id, s.Scale.Name, s.Scale.Source, s.Points, s.Course.First.Stage.Label, s.Course.Latest.Stage.Label,
            s.Course.Worst.Label, s.Course.Overall))],
        [.. o.Courses.Select(c => new OutcomePlanJson(c.CourseId, c.Therapy, c.Status, c.Start, c.Condition, c.Instruments,
            [.. c.Points.Select(p => new MeasurementPointJson(p.Point.Key, p.Point.Kind, p.Point.DueOn, p.Point.WindowOpens, p.Point.WindowCloses, p.Status))]))],
        o.Surgeries, o.Sessions);
}

public static class OutcomeEndpoints
{
    public static void MapOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/outcomes").WithTags("Outcomes");
        var patients = app.MapGroup("/api/patients/{id:guid}/outcomes").WithTags("Outcomes");

        patients.MapGet("/", async Task<Ok<PatientOutcomesJson>> (ViewPatientOutcomes view, Guid id, CancellationToken ct) =>
                TypedResults.Ok(PatientOutcomesJson.From(id, await view.HandleAsync(id, ct))))
            .RequireAuthorization(Policies.ClinicalRead).WithSummary("A patient's scores, stages over time and measurement plans with due points (audited read)");

        patients.MapGet("/fhir", async (PatientOutcomesFhir fhir, Guid id, CancellationToken ct) =>
                TypedResults.Text(PatientOutcomesFhir.ToJson(await fhir.HandleAsync(id, ct)), "application/fhir+json; charset=utf-8"))
            .RequireAuthorization(Policies.ClinicalRead)
            .Produces(StatusCodes.Status200OK, contentType: "application/fhir+json")
            .WithSummary("A patient's scores as a FHIR R4 collection Bundle of Observation and QuestionnaireResponse (audited read)");

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
