using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bundle = Hl7.Fhir.Model.Bundle;
using Observation = Hl7.Fhir.Model.Observation;
using Quantity = Hl7.Fhir.Model.Quantity;
using QuestionnaireResponse = Hl7.Fhir.Model.QuestionnaireResponse;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Domain.Patients;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Outcomes;

/// <summary>The read API of a patient's outcomes: JSON (scores, stages, plan with due points) and a FHIR Bundle built with
/// the existing Observation / QuestionnaireResponse mapping. Both reads are audited.</summary>
public sealed class OutcomeApiTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<Guid> PatientWithScoresAndStageAsync()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Uitkomst", "prolotherapy", "knee-osteoarthritis", baselineNrs: 8, endNrs: 4);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegenClinic.Data.ClinicDb>();
        var time = scope.ServiceProvider.GetRequiredService<ClinicTime>();
        db.ImagingStudies.Add(ImagingStudyEntry.Record(patient, new ImagingDetails(ImagingModality.MR, time.Today.PlusDays(-70), "left hip",
            "Osteonecrosis of the femoral head", StageSystems.Arco2019, "II"), "test", time.Now, time.Today));
        await db.SaveChangesAsync();
        return patient;
    }

    [Fact]
    public async Task OutcomesJson_ScoresStagesAndPlan_AndTheReadIsAudited()
    {
        var patient = await PatientWithScoresAndStageAsync();
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");

        var json = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}/outcomes");

        var scores = json.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal([8.0, 4.0], scores.Select(s => s.GetProperty("score").GetDouble()));
        Assert.All(scores, s => Assert.Equal("nrs", s.GetProperty("instrumentId").GetString()));
        var stage = Assert.Single(json.GetProperty("stages").EnumerateArray());
        Assert.Equal("arco-2019", stage.GetProperty("scale").GetString());
        Assert.Equal("II", stage.GetProperty("latest").GetString());
        var plan = Assert.Single(json.GetProperty("plans").EnumerateArray());
        Assert.Equal("knee-osteoarthritis", plan.GetProperty("condition").GetString());
        Assert.Contains(plan.GetProperty("points").EnumerateArray(), p => p.GetProperty("key").GetString() == "baseline" && p.GetProperty("status").GetString() == "completed");
        Assert.Contains(plan.GetProperty("points").EnumerateArray(), p => p.GetProperty("status").GetString() is "due" or "overdue" or "not-yet-due");
        Assert.Equal(4, json.GetProperty("sessions").GetArrayLength());
        var db = app.NewDb(out var scope);
        using (scope) Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == patient && a.Action == AuditActions.Read && a.EntityType == "Outcomes"));
    }

    [Fact]
    public async Task OutcomesFhir_BundleOfObservationsAndQuestionnaireResponses_AsFhirJson()
    {
        var patient = await PatientWithScoresAndStageAsync();
        var physician = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await physician.GetAsync($"/api/patients/{patient}/outcomes/fhir");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync());
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var observations = bundle.Entry.Select(e => e.Resource).OfType<Observation>().ToList();
        var answers = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().ToList();
        Assert.Equal(2, observations.Count);
        Assert.Equal(2, answers.Count);
        Assert.All(observations, o => Assert.Equal("72514-3", o.Code.Coding[0].Code)); // pain NRS, LOINC (clinical-reference §5)
        Assert.Equal([8m, 4m], observations.Select(o => ((Quantity)o.Value!).Value!.Value));
        Assert.All(observations, o => Assert.Equal($"Patient/{patient}", o.Subject!.Reference));
        var db = app.NewDb(out var scope);
        using (scope) Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == patient && a.Action == AuditActions.Read && a.EntityType == "OutcomesFhir"));
    }

    [Fact]
    public async Task OutcomesApi_UnknownPatient404_FrontDesk403_Anonymous401()
    {
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var frontDesk = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var patient = await PatientWithScoresAndStageAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync($"/api/patients/{Guid.NewGuid()}/outcomes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync($"/api/patients/{Guid.NewGuid()}/outcomes/fhir")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDesk.GetAsync($"/api/patients/{patient}/outcomes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDesk.GetAsync($"/api/patients/{patient}/outcomes/fhir")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/patients/{patient}/outcomes/fhir")).StatusCode);
    }

    [Fact]
    public async Task ChartPlot_WithImagingStage_StageDrawnOnTheMeasurePlot()
    {
        var patient = await PatientWithScoresAndStageAsync();
        var physician = await app.SignedInAsync("physician@regenclinic.demo");

        var html = await physician.GetStringAsync($"/patients/{patient}");

        var figure = html[html.IndexOf("data-measure=\"nrs\"", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
        Assert.Contains("osteonecrosis stage (right axis)", figure, StringComparison.Ordinal);
        Assert.Contains("Stage (ARCO 2019)", figure, StringComparison.Ordinal);
        Assert.Contains("imaging stage over time", figure, StringComparison.Ordinal);
    }
}
