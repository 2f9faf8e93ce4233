using Microsoft.AspNetCore.Http.HttpResults;
using RegenClinic.Eligibility;
using RegenClinic.Plans;
using RegenClinic.Staff;

namespace RegenClinic.Web.Eligibility;

public static class ScreeningEndpoints
{
    public static void MapScreeningEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Screening");

        api.MapPost("/patients/{id:guid}/screenings", async Task<Created<IReadOnlyList<ScreeningView>>> (ScreenPatient screen, ViewScreenings view, Guid id, CancellationToken ct) =>
            {
                await screen.HandleAsync(id, ct);
                return TypedResults.Created($"/api/patients/{id}/screenings", await view.HandleAsync(id, ct));
            })
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("Screen the patient for all therapies on the clinic's today and store the results");

        api.MapGet("/patients/{id:guid}/screenings", async Task<Ok<IReadOnlyList<ScreeningView>>> (ViewScreenings view, Guid id, CancellationToken ct) =>
                TypedResults.Ok(await view.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.ClinicalRead).WithSummary("The latest screening per therapy, with decisions and overrides");

        api.MapPost("/patients/{id:guid}/screenings/{screeningId:guid}/decision", async Task<Ok<ScreeningView>> (DecideScreening decide, Guid id, Guid screeningId, DecisionRequest request, CancellationToken ct) =>
                TypedResults.Ok(await decide.HandleAsync(id, screeningId, request, ct)))
            .RequireAuthorization(Policies.PhysicianDecision).WithSummary("Accept a screening, or override findings with reasons (physician)");

        api.MapGet("/patients/{id:guid}/consents/{therapy}", async Task<Ok<ConsentDocument>> (GenerateConsent generate, Guid id, string therapy, int? sessions, CancellationToken ct) =>
                TypedResults.Ok(await generate.HandleAsync(id, therapy, sessions, ct)))
            .RequireAuthorization(Policies.ClinicalRead).WithSummary("The consent for a therapy in the patient's language");

        api.MapPost("/patients/{id:guid}/consents/{therapy}", async Task<Created<IdResult>> (SignConsent sign, Guid id, string therapy, SignConsentRequest request, CancellationToken ct) =>
            {
                var consentId = await sign.HandleAsync(id, therapy, request, ct);
                return TypedResults.Created($"/api/patients/{id}/courses", new IdResult(consentId));
            })
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("Record the signature on the current consent text");

        api.MapGet("/patients/{id:guid}/courses", async Task<Ok<CoursesView>> (ViewCourses view, Guid id, CancellationToken ct) =>
                TypedResults.Ok(await view.HandleAsync(id, ct)))
            .RequireAuthorization(Policies.ClinicalRead).WithSummary("Courses and signed consents");

        api.MapPost("/patients/{id:guid}/courses", async Task<Created<IdResult>> (PrescribeCourse prescribe, Guid id, CoursePrescription request, CancellationToken ct) =>
            {
                var courseId = await prescribe.HandleAsync(id, request, ct);
                return TypedResults.Created($"/api/patients/{id}/courses", new IdResult(courseId));
            })
            .RequireAuthorization(Policies.PhysicianDecision).WithSummary("Prescribe a draft course (any therapy)");

        api.MapPost("/courses/{courseId:guid}/start", async Task<NoContent> (StartCourse start, Guid courseId, CancellationToken ct) =>
            {
                await start.HandleAsync(courseId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.PhysicianDecision).WithSummary("Start a course: needs a decided screening, acknowledged evidence and a current signed consent");

        api.MapPost("/courses/{courseId:guid}/cancel", async Task<Ok<CancelledResult>> (CancelCourse cancel, Guid courseId, CancelRequest request, CancellationToken ct) =>
                TypedResults.Ok(new CancelledResult(await cancel.HandleAsync(courseId, request.Reason ?? "", ct))))
            .RequireAuthorization(Policies.PhysicianDecision).WithSummary("Cancel a draft or active course with a reason; its sessions still to come are cancelled");
    }

    public sealed record CancelRequest(string? Reason);
    public sealed record CancelledResult(int SessionsCancelled);

    public sealed record IdResult(Guid Id);
}
