using Microsoft.AspNetCore.Http.HttpResults;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;
using RegenClinic.Staff;

namespace RegenClinic.Web.Hyperbaric;

public sealed record PhaseRequest(DivePhase Phase);

public sealed record ChamberStatusRequest(EquipmentStatus Status, string? Reason);

public sealed record DiveSummary(Guid Id, string TableId, DiveStatus Status, DiveSource Source, IReadOnlyList<DiveEvent> Events, IReadOnlyList<ChamberAlarm> Alarms, double? Otu);

public static class HyperbaricEndpoints
{
    public static void MapHyperbaricEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hyperbaric").WithTags("Hyperbaric");

        api.MapPost("/prescriptions", async Task<Created<Guid>> (PrescribeHbot prescribe, HbotPrescription request, CancellationToken ct) =>
            {
                var id = await prescribe.HandleAsync(request, ct);
                return TypedResults.Created($"/hyperbaric/courses/{id}", id);
            })
            .RequireAuthorization(Policies.HbotPhysician).WithSummary("Prescribe an HBOT course (table, sessions, once or twice daily, goals)");

        api.MapGet("/dives/{id:guid}", async Task<Ok<DiveSummary>> (HyperbaricViews views, Guid id, CancellationToken ct) =>
            {
                var v = await views.DiveAsync(id, ct);
                return TypedResults.Ok(new DiveSummary(v.Dive.Id, v.Dive.TableId, v.Dive.Status, v.Dive.Source, v.Dive.Events, v.Alarms, v.Dive.Otu));
            })
            .RequireAuthorization(Policies.ChamberOperations).WithSummary("A dive sheet: phases, alarms, dose");

        api.MapPost("/dives/{id:guid}/phases", async Task<NoContent> (RecordDivePhase record, Guid id, PhaseRequest request, CancellationToken ct) =>
            {
                await record.HandleAsync(id, request.Phase, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.ChamberOperations).WithSummary("Record the next phase of a dive, stamped with the server's time");

        api.MapPost("/dives/{id:guid}/telemetry", async Task<NoContent> (ImportTelemetry import, Guid id, HttpRequest http, CancellationToken ct) =>
            {
                using var reader = new StreamReader(http.Body);
                await import.HandleAsync(id, await reader.ReadToEndAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .Accepts<string>("text/csv")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RegenClinic.Web.Infrastructure.RequestLimits.TelemetryBodyBytes))
            .RequireAuthorization(Policies.ChamberOperations).WithSummary("Log a planned dive from a telemetry CSV (docs/formats/telemetry.md); a bad line refuses the whole file");

        api.MapPost("/chambers/{id:guid}/status", async Task<NoContent> (ChangeChamberStatus change, Guid id, ChamberStatusRequest request, CancellationToken ct) =>
            {
                await change.HandleAsync(id, request.Status, request.Reason, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin).WithSummary("Put a chamber in service, in maintenance or out of service");
    }
}
