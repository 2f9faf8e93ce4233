using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using RegenClinic.CellTherapy;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Plans;
using RegenClinic.Injections;
using RegenClinic.Staff;

namespace RegenClinic.Web.Injections;

/// <summary>A procedure to chart through the API: the therapy's typed details (the same records the pages build), the
/// physician overrides of limit breaches, and for an amendment the procedure it replaces and why.</summary>
public sealed record ChartRequest<T>(Instant PerformedAt, T Details, IReadOnlyList<OverrideInput>? Overrides = null, Guid? Amends = null,
    string? AmendReason = null) where T : class;

public sealed record CompleteFollowUpRequest(string Note);

public sealed record PrescriptionJson(Guid Id, Guid PatientId, Guid SiteId, string Therapy, string Protocol, int Sessions, SessionPattern Pattern,
    LocalDate EarliestStart, CourseStatus Status, Guid? ScreeningId, Guid? ConsentId, string Goals, string PrescribedBy, Instant PrescribedAt);

/// <summary>A charted procedure with its typed details as JSON (camelCase, enums kebab-case), the limits version it was
/// checked against, its findings and overrides, and its place in the amendment chain.</summary>
public sealed record ProcedureJsonView(Guid Id, Guid PatientId, Guid CourseId, int SessionIndex, ProcedureFamily Family, string Therapy,
    LocalDate ProcedureDate, Instant PerformedAt, string PerformedBy, string Summary, decimal? TotalOzoneMicrograms, decimal TotalVolumeMl,
    string LimitsVersion, IReadOnlyList<StoredFinding> Findings, IReadOnlyList<StoredOverride> Overrides, Instant RecordedAt, string RecordedBy,
    Guid? Amends, string? AmendReason, Instant? SupersededAt, Instant? VoidedAt, string? VoidedBy, string? VoidReason, bool Current, JsonElement Details)
{
    public static ProcedureJsonView From(ProcedureRecord p)
    {
        using var details = JsonDocument.Parse(p.DetailsJson);
        return new(p.Id, p.PatientId, p.CourseId, p.SessionIndex, p.Family, p.Therapy, p.ProcedureDate, p.PerformedAt, p.PerformedBy, p.Summary,
            p.TotalOzoneMicrograms, p.TotalVolumeMl, p.LimitsVersion, p.Findings, p.Overrides, p.RecordedAt, p.RecordedBy, p.Amends, p.AmendReason,
            p.SupersededAt, p.VoidedAt, p.VoidedBy, p.VoidReason, p.IsCurrent, details.RootElement.Clone());
    }
}

public sealed record CourseJson(PrescriptionJson Prescription, bool ChartingAllowed, IReadOnlyList<string> GateProblems, IReadOnlyList<ProcedureJsonView> Procedures,
    IReadOnlyList<FollowUpView> FollowUps, IReadOnlyList<AdverseEventRecord> AdverseEvents);

/// <summary>The injection and cell-therapy API: the same use cases and policies as the pages. Reads are audited by the
/// use cases; a refused or blocked procedure answers 422 problem details listing why.</summary>
public static class InjectionEndpoints
{
    public static void MapInjectionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/injections").WithTags("Injections");

        api.MapPost("/prescriptions", async Task<Created<Guid>> (PrescribeFromPreset prescribe, PrescribeRequest request, CancellationToken ct) =>
            {
                var id = await prescribe.HandleAsync(request, ct);
                return TypedResults.Created($"/api/injections/patients/{request.PatientId}/courses/{id}", id);
            })
            .RequireAuthorization(Policies.Prescribe).WithSummary("Prescribe an ozone, prolotherapy or cell-therapy course from a preset or a custom protocol (Draft)");

        api.MapGet("/patients/{patientId:guid}/courses", async Task<Ok<TreatmentTimeline>> (ViewTreatmentTimeline timeline, Guid patientId, CancellationToken ct) =>
                TypedResults.Ok(await timeline.HandleAsync(patientId, ct)))
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("A patient's prescriptions (courses) and every charted procedure with its dose, newest first");

        api.MapGet("/patients/{patientId:guid}/courses/{courseId:guid}", async Task<Ok<CourseJson>> (ViewCourse view, Guid patientId, Guid courseId, CancellationToken ct) =>
                TypedResults.Ok(ToJson(await view.HandleAsync(patientId, courseId, ct))))
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("One prescription: its charting gate, procedures (all versions), follow-ups and adverse events");

        api.MapGet("/patients/{patientId:guid}/courses/{courseId:guid}/procedures", async Task<Ok<IReadOnlyList<ProcedureJsonView>>> (ViewCourse view, Guid patientId,
                Guid courseId, CancellationToken ct) => TypedResults.Ok(ToJson(await view.HandleAsync(patientId, courseId, ct)).Procedures))
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("A course's procedures, every version (amended and voided ones marked)");

        api.MapGet("/patients/{patientId:guid}/procedures/{procedureId:guid}", async Task<Ok<ProcedureJsonView>> (OpenProcedure open, Guid patientId, Guid procedureId,
                CancellationToken ct) => TypedResults.Ok(ProcedureJsonView.From(await open.HandleAsync(patientId, procedureId, ct))))
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("One procedure with its typed details");

        MapChart<OzoneProcedureRecord>(api, "ozone");
        MapChart<ProlotherapySessionRecord>(api, "prolotherapy");
        MapChart<CellTherapyDetails>(api, "cell-therapy");

        api.MapGet("/follow-ups", async Task<Ok<IReadOnlyList<FollowUpView>>> (ListFollowUps list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)))
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("Open follow-up calls and visits (48–72 h after each procedure), soonest due first");

        api.MapPost("/follow-ups/{id:guid}/complete", async Task<Ok<FollowUpDone>> (CompleteFollowUp complete, Guid id, CompleteFollowUpRequest request,
                CancellationToken ct) => TypedResults.Ok(await complete.HandleAsync(id, request.Note, ct)))
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("Mark a follow-up done with what was found");

        api.MapGet("/limits", async Task<Ok<InjectionLimitsView>> (ViewInjectionLimits view, Guid? site, CancellationToken ct) => TypedResults.Ok(await view.HandleAsync(site, ct)))
            .RequireAuthorization(Policies.Presets).WithSummary("A site's ozone and prolotherapy dose limits in force, with every revision");

        api.MapPut("/limits", async Task<Ok<string>> (ReviseInjectionLimits revise, ReviseInjectionLimitsRequest request, CancellationToken ct) =>
                TypedResults.Ok(await revise.HandleAsync(request, ct)))
            .RequireAuthorization(Policies.Presets).WithSummary("Store a site's next limit revision (validated, reason required); applies to procedures charted after it");
    }

    private static void MapChart<T>(RouteGroupBuilder api, string family) where T : class =>
        api.MapPost($"/patients/{{patientId:guid}}/courses/{{courseId:guid}}/procedures/{family}", async Task<Results<Created<ChartProcedureResult>, ProblemHttpResult>> (
                ChartProcedure chart, ClaimsPrincipal user, Guid patientId, Guid courseId, ChartRequest<T> request, CancellationToken ct) =>
            {
                var result = await chart.HandleAsync(new ChartProcedureRequest(patientId, courseId, request.PerformedAt, request.Details, request.Overrides ?? [],
                    request.Amends, request.AmendReason), user.IsInRole(Roles.Physician), ct);
                if (result.Saved) return TypedResults.Created($"/api/injections/patients/{patientId}/procedures/{result.ProcedureId}", result);
                var title = result.Refusals.Count > 0 ? "This procedure cannot be charted." : "A limit is broken or an entry is invalid; nothing was saved.";
                return TypedResults.Problem(title: title, statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?>
                {
                    ["code"] = result.Refusals.Count > 0 ? "procedure.refused" : "procedure.not-saved",
                    ["refusals"] = result.Refusals,
                    ["unresolved"] = result.Unresolved,
                    ["rejectedOverrides"] = result.RejectedOverrides,
                    ["findings"] = result.Findings,
                });
            })
            .RequireAuthorization(Policies.ClinicalWrite)
            .WithSummary($"Chart (or amend) a {family} procedure: refused without an active course, an allowing screening and signed consent; a limit breach needs a physician override with a reason");

    private static CourseJson ToJson(CourseView v)
    {
        var c = v.Course;
        return new(new PrescriptionJson(c.Id, c.PatientId, c.SiteId, c.Therapy, c.Protocol, c.Sessions, c.Pattern, c.EarliestStart, c.Status, c.ScreeningId,
                c.ConsentId, c.Goals, c.PrescribedBy, c.PrescribedAt),
            v.ChartingAllowed, v.GateProblems, [.. v.Procedures.Select(ProcedureJsonView.From)], v.FollowUps, v.AdverseEvents);
    }
}
