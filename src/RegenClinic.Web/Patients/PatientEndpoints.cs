using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;
using RegenClinic.Staff;

namespace RegenClinic.Web.Patients;

public sealed record AmendRequest<T>(T Details, string Reason);

public sealed record VoidRequest(string Reason);

public static class PatientEndpoints
{
    public static void MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/patients").WithTags("Patients");

        api.MapGet("/", async Task<Results<Ok<Page<PatientListItem>>, ValidationProblem>> (SearchPatients search, string? q, string? birthDate, int? page, int? pageSize, CancellationToken ct) =>
            {
                LocalDate? birth = null;
                if (!string.IsNullOrWhiteSpace(birthDate))
                {
                    var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(birthDate);
                    if (!parsed.Success) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["birthDate"] = ["Birth date must be yyyy-mm-dd."] });
                    birth = parsed.Value;
                }
                return TypedResults.Ok(await search.HandleAsync(new PatientQuery(q, birth, page ?? 1, pageSize ?? 25), ct));
            })
            .RequireAuthorization(Policies.Demographics).WithSummary("Search patients by name prefix, record number or birth date");

        api.MapPost("/", async Task<Created<PatientView>> (RegisterPatient register, PatientDetails details, CancellationToken ct) =>
            {
                var view = await register.HandleAsync(details, ct: ct);
                return TypedResults.Created($"/api/patients/{view.Id}", view);
            })
            .RequireAuthorization(Policies.Registration).WithSummary("Register a patient");

        api.MapGet("/{id:guid}", async (ViewChart chart, IAuthorizationService authorization, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
            {
                var clinical = (await authorization.AuthorizeAsync(user, Policies.ClinicalRead)).Succeeded;
                return TypedResults.Ok(await chart.HandleAsync(id, clinical, ct));
            })
            .RequireAuthorization(Policies.Demographics).WithSummary("Open a chart: demographics, and the clinical record for clinical roles");

        MapEntry<ConditionDetails>(api, "conditions");
        MapEntry<MedicationDetails>(api, "medications");
        MapEntry<AllergyDetails>(api, "allergies");
        MapEntry<ObservationDetails>(api, "observations");
        MapEntry<ImagingDetails>(api, "imaging");
        MapEntry<AssessmentDetails>(api, "assessments");
        MapEntry<ProcedureDetails>(api, "procedures");

        api.MapPost("/{id:guid}/{kind}/{entryId:guid}/void", async Task<Results<NoContent, NotFound>> (VoidChartEntry voider, Guid id, string kind, Guid entryId, VoidRequest request, CancellationToken ct) =>
            {
                if (KindFromRoute(kind) is not { } k) return TypedResults.NotFound();
                await voider.HandleAsync(id, k, entryId, request.Reason, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary("Void a clinical entry with a reason (it stays on the record, marked void)");
    }

    private static void MapEntry<T>(RouteGroupBuilder api, string route) where T : class
    {
        api.MapPost($"/{{id:guid}}/{route}", async Task<Created<EntryCreated>> (RecordChartEntry record, Guid id, T details, CancellationToken ct) =>
            {
                var entryId = await record.HandleAsync(id, details, ct: ct);
                return TypedResults.Created($"/api/patients/{id}", new EntryCreated(entryId));
            })
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary($"Add to {route}");

        api.MapPost($"/{{id:guid}}/{route}/{{entryId:guid}}/amend", async Task<Created<EntryCreated>> (RecordChartEntry record, Guid id, Guid entryId, AmendRequest<T> request, CancellationToken ct) =>
            {
                var newId = await record.HandleAsync(id, request.Details, entryId, request.Reason, ct);
                return TypedResults.Created($"/api/patients/{id}", new EntryCreated(newId));
            })
            .RequireAuthorization(Policies.ClinicalWrite).WithSummary($"Amend an entry of {route}: a new version with a reason; the old one is kept");
    }

    public static ChartEntryKind? KindFromRoute(string route) => route switch
    {
        "conditions" => ChartEntryKind.Condition,
        "medications" => ChartEntryKind.Medication,
        "allergies" => ChartEntryKind.Allergy,
        "observations" => ChartEntryKind.Observation,
        "imaging" => ChartEntryKind.Imaging,
        "assessments" => ChartEntryKind.Assessment,
        "procedures" => ChartEntryKind.Procedure,
        _ => null,
    };

    public sealed record EntryCreated(Guid Id);
}

public static class CodeEndpoints
{
    public static void MapCodeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/codes/{system}", Results<Ok<IReadOnlyList<RegenClinic.Codes.CodeEntry>>, NotFound> (string system, string? q, int? limit) =>
                system switch
                {
                    "icd10cm" => TypedResults.Ok(RegenClinic.Codes.CodeCatalog.Shared.Search(RegenClinic.Codes.CodeSystem.Icd10Cm, q ?? "", Math.Clamp(limit ?? 20, 1, 100))),
                    "atc" => TypedResults.Ok(RegenClinic.Codes.CodeCatalog.Shared.Search(RegenClinic.Codes.CodeSystem.Atc, q ?? "", Math.Clamp(limit ?? 20, 1, 100))),
                    _ => TypedResults.NotFound(),
                })
            .RequireAuthorization(Policies.Demographics).WithTags("Codes").WithSummary("Search the bundled ICD-10-CM or ATC subset by code prefix or display words");
}
