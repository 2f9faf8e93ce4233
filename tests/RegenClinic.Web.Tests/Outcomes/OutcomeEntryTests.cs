using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Outcomes;

public sealed class OutcomeEntryTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static Dictionary<string, string> Odi(params int?[] sections) =>
        sections.Select((a, i) => (Key: $"answer.odi.{i + 1}", Value: a)).Where(x => x.Value is not null)
            .ToDictionary(x => x.Key, x => x.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task DeskEntry_OdiSixteenOfFifty_Stores32PercentAndIsAudited()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Balie", "test-entry", "test");
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");

        // Fairbank & Pynsent 2000 worked example (clinical-reference §5): 16 of 50 → 32 %.
        var response = await nurse.SubmitFormAsync($"/patients/{patient}/outcomes/new?instrument=odi", Odi(2, 2, 2, 2, 2, 2, 1, 1, 1, 1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var score = await db.OutcomeScores.SingleAsync(s => s.PatientId == patient);
            Assert.Equal(32.0, score.Score!.Value, 6);
            Assert.Equal("97909-6", score.Code);
            Assert.Equal("nurse@regenclinic.demo", score.RecordedBy);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == patient && a.Action == AuditActions.Create
                && a.EntityType == "OutcomeScore" && a.EntityId == score.Id.ToString() && a.ActorName == "nurse@regenclinic.demo"));
        }
    }

    [Fact]
    public async Task DeskEntry_OdiOneSectionMissing_Scores16Of45()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Ontbrekend", "test-entry", "test");
        var physician = await app.SignedInAsync("physician@regenclinic.demo");

        await physician.SubmitFormAsync($"/patients/{patient}/outcomes/new?instrument=odi", Odi(2, 2, 2, 2, 2, 2, 2, 1, 1, null));

        var db = app.NewDb(out var scope);
        using (scope) Assert.Equal(35.6, (await db.OutcomeScores.SingleAsync(s => s.PatientId == patient)).Score!.Value, 1);
    }

    [Fact]
    public async Task DeskEntry_OdiThreeSectionsMissing_StoredWithTheReasonAndNoScore()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Onvolledig", "test-entry", "test");
        var physician = await app.SignedInAsync("physician@regenclinic.demo");

        await physician.SubmitFormAsync($"/patients/{patient}/outcomes/new?instrument=odi", Odi(2, 2, 2, 2, 2, 2, 2, null, null, null));

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var score = await db.OutcomeScores.SingleAsync(s => s.PatientId == patient);
            Assert.Null(score.Score);
            Assert.Contains("3 of 10 sections unanswered", score.NotScoredBecause, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OdiForm_WithoutLicensedText_ShowsSectionNumbersAndSaysWhy()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Licentie", "test-entry", "test");
        var physician = await app.SignedInAsync("physician@regenclinic.demo");

        var page = await physician.GetStringAsync($"/patients/{patient}/outcomes/new?instrument=odi");

        Assert.Contains("Section 1", page, StringComparison.Ordinal);
        Assert.Contains("licensed and has not been loaded", page, StringComparison.Ordinal);
        Assert.Contains("Mapi Research Trust", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_WithScores_ShowsOnePlotPerMeasureToClinicalRoles()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Grafiek", "test-entry", "test", baselineNrs: 7, endNrs: 4);

        foreach (var role in new[] { "physician", "nurse", "operator" })
        {
            var page = await (await app.SignedInAsync($"{role}@regenclinic.demo")).GetStringAsync($"/patients/{patient}");
            Assert.Contains("data-measure=\"nrs\" data-points=\"2\"", page, StringComparison.Ordinal);
            Assert.Contains("<svg", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FrontDesk_CannotSeeScoresOrAnalytics_ButCanCreateLinks()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Balieslot", "test-entry", "test", baselineNrs: 7, endNrs: 4);
        var frontDesk = await app.SignedInAsync("frontdesk@regenclinic.demo");

        var chart = await frontDesk.GetStringAsync($"/patients/{patient}");
        var analytics = await frontDesk.GetAsync("/analytics");
        var csv = await frontDesk.GetAsync("/api/outcomes/analytics.csv");
        var entry = await frontDesk.GetAsync($"/patients/{patient}/outcomes/new");
        var post = await frontDesk.PostAsJsonAsync("/api/outcomes/scores", new { patientId = patient, instrumentId = "nrs", answers = new int?[] { 5 } });
        var due = await frontDesk.GetAsync("/outcomes");
        var link = await frontDesk.PostAsJsonAsync("/api/outcomes/links", new { patientId = patient });

        Assert.DoesNotContain("data-measure", chart, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, analytics.StatusCode);
        Assert.Contains("/access-denied", analytics.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, csv.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
    }

    [Fact]
    public async Task ChamberOperator_SeesScoresButCannotEnterThem()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Operator", "test-entry", "test", baselineNrs: 6);
        var operatorClient = await app.SignedInAsync("operator@regenclinic.demo");

        var post = await operatorClient.PostAsJsonAsync("/api/outcomes/scores", new { patientId = patient, instrumentId = "nrs", answers = new int?[] { 5 } });
        var analytics = await operatorClient.GetAsync("/analytics");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, analytics.StatusCode);
    }

    [Fact]
    public async Task PlanAndSurgeryForms_SaveThePlanAndTheEvent()
    {
        var (patient, course) = await OutcomeWorld.PlannedPatientAsync(app, "Plan", "test-plan", "unused", withPlan: false);
        var physician = await app.SignedInAsync("physician@regenclinic.demo");
        Assert.Contains($"/patients/{patient}/outcomes/plan?course={course}", await physician.GetStringAsync($"/patients/{patient}"), StringComparison.Ordinal);

        var planned = await physician.SubmitFormAsync($"/patients/{patient}/outcomes/plan?course={course}",
            new() { ["Posted.Condition"] = "Knee-OA", ["Posted.Every"] = "2", ["Posted.Instruments"] = "koos-jr" });
        var operated = await physician.SubmitFormAsync($"/patients/{patient}/outcomes/surgery?course={course}",
            new() { ["Posted.Date"] = "2026-01-10", ["Posted.Procedure"] = "Total knee arthroplasty", ["Posted.JointReplacement"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, operated.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var plan = await db.MeasurementPlans.SingleAsync(p => p.CourseId == course);
            Assert.Equal(("knee-oa", "koos-jr", 2), (plan.Condition, plan.Instruments, plan.EveryNSessions));
            var surgery = await db.SurgeryEvents.SingleAsync(e => e.PatientId == patient);
            Assert.True(surgery.JointReplacement);
            Assert.Equal(course, surgery.CourseId);
        }
        var chart = await physician.GetStringAsync($"/patients/{patient}");
        Assert.Contains("Total knee arthroplasty", chart, StringComparison.Ordinal);
        Assert.Contains("baseline", chart, StringComparison.Ordinal);
    }
}
