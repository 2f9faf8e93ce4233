using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Domain.Injections;
using RegenClinic.Injections;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

public sealed class ChartingTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<List<ProcedureRecord>> ProceduresAsync(Guid courseId)
    {
        var db = app.NewDb(out var scope);
        using (scope) return await db.ProcedureRecords.AsNoTracking().Where(p => p.CourseId == courseId).OrderBy(p => p.RecordedAt).ToListAsync();
    }

    [Theory]
    [InlineData(GateState.NoConsent, "consent")]
    [InlineData(GateState.ConsentWithdrawn, "withdrawn")]
    [InlineData(GateState.ScreeningUndecided, "screening")]
    [InlineData(GateState.ScreeningContraindicated, "screening")]
    [InlineData(GateState.Draft, "Draft")]
    [InlineData(GateState.EvidenceUnacknowledged, "acknowledge the evidence")]
    public async Task ChartProlotherapy_GateClosed_RefusedAndNothingSaved(GateState state, string reasonMentions)
    {
        var world = await app.CourseAsync("prolotherapy", state);
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await client.SubmitFormAsync(world.Path("prolotherapy"), world.ThreeSites());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"refusals\"", html, StringComparison.Ordinal);
        Assert.Contains(reasonMentions, html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await ProceduresAsync(world.CourseId));
    }

    [Fact]
    public async Task ChartProlotherapy_ThreeSitesOpenGate_SavedWithTotalAndFollowUpAt48To72Hours()
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");

        var response = await client.SubmitFormAsync(world.Path("prolotherapy"), world.ThreeSites());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await ProceduresAsync(world.CourseId));
        Assert.Equal(7m, saved.TotalVolumeMl); // 0.5 + 0.5 + 6 mL
        Assert.Equal(1, saved.SessionIndex);
        Assert.Equal(3, ProcedureJson.Prolotherapy(saved).Injections.Count);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var followUp = await db.FollowUps.SingleAsync(f => f.ProcedureId == saved.Id);
            Assert.Equal(world.PerformedAt + Duration.FromHours(48), followUp.DueFrom);
            Assert.Equal(world.PerformedAt + Duration.FromHours(72), followUp.DueBy);
            Assert.Null(followUp.CompletedAt);
        }
    }

    [Fact]
    public async Task ChartOzone_ConcentrationAboveLimitWithoutOverride_RefusedWithFieldNamedAndNothingSaved()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");

        // Paravertebral 20–30 µg/mL (clinical-reference §3): 35 breaks the route maximum.
        var response = await client.SubmitFormAsync(world.Path("ozone"), world.Paravertebral("35", "10"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"concentration-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Only a physician may override", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Posted.OverrideReasons[0]", html, StringComparison.Ordinal);
        Assert.Empty(await ProceduresAsync(world.CourseId));
    }

    [Fact]
    public async Task ChartOzone_AtRouteLimits_SavedWithComputedTotal()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");

        var response = await client.SubmitFormAsync(world.Path("ozone"), world.Paravertebral("30", "10"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await ProceduresAsync(world.CourseId));
        Assert.Equal(300m, saved.TotalOzoneMicrograms); // 30 µg/mL × 10 mL
        Assert.Empty(saved.Overrides);
    }

    [Fact]
    public async Task ChartOzone_PhysicianOverridesWithReason_SavedWithOverrideKept()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var first = await client.SubmitFormAsync(world.Path("ozone"), world.Paravertebral("35", "10"));
        Assert.Contains("name=\"Posted.OverrideReasons[0]\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fields = world.Paravertebral("35", "10");
        fields["Posted.OverrideCodes[0]"] = "ozone.concentration.above-route-max";
        fields["Posted.OverrideReasons[0]"] = "Previous sessions at 30 µg/mL gave no relief; discussed with the patient.";
        var response = await client.SubmitFormAsync(world.Path("ozone"), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await ProceduresAsync(world.CourseId));
        var kept = Assert.Single(saved.Overrides);
        Assert.Equal("ozone.concentration.above-route-max", kept.FindingCode);
        Assert.Equal("physician@regenclinic.demo", kept.Physician);
        Assert.Contains(saved.Findings, f => f.Code == "ozone.concentration.above-route-max");
        Assert.Equal(350m, saved.TotalOzoneMicrograms);
    }

    [Fact]
    public async Task ChartOzone_PhysicianOverrideWithoutUsableReason_Refused()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var fields = world.Paravertebral("35", "10");
        fields["Posted.OverrideCodes[0]"] = "ozone.concentration.above-route-max";
        fields["Posted.OverrideReasons[0]"] = "ok";

        var response = await client.SubmitFormAsync(world.Path("ozone"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"override-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ProceduresAsync(world.CourseId));
    }

    [Fact]
    public async Task ChartOzone_NurseOverride_RefusedAndNothingSaved()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        var fields = world.Paravertebral("35", "10");
        fields["Posted.OverrideCodes[0]"] = "ozone.concentration.above-route-max";
        fields["Posted.OverrideReasons[0]"] = "I think this is fine for this patient.";

        var response = await client.SubmitFormAsync(world.Path("ozone"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"override-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ProceduresAsync(world.CourseId));
    }

    [Fact]
    public async Task AmendProlotherapy_WithReason_NewVersionAndOriginalKeptUnchanged()
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(world.Path("prolotherapy"), world.ThreeSites())).StatusCode);
        var original = Assert.Single(await ProceduresAsync(world.CourseId));

        var fields = world.ThreeSites();
        fields["Posted.Rows[2].Volume"] = "5";
        fields["Posted.AmendReason"] = "Intra-articular volume was 5 mL, not 6.";
        var response = await client.SubmitFormAsync(world.Path("prolotherapy") + "?amends=" + original.Id, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var all = await ProceduresAsync(world.CourseId);
        Assert.Equal(2, all.Count);
        var old = all.Single(p => p.Id == original.Id);
        var amendment = all.Single(p => p.Id != original.Id);
        Assert.NotNull(old.SupersededAt);
        Assert.Equal(original.DetailsJson, old.DetailsJson);
        Assert.Equal(7m, old.TotalVolumeMl);
        Assert.Equal(6m, amendment.TotalVolumeMl);
        Assert.Equal(original.Id, amendment.Amends);
        Assert.Equal(1, amendment.SessionIndex);
        var db = app.NewDb(out var scope);
        using (scope) Assert.Equal(1, await db.FollowUps.CountAsync(f => f.PatientId == world.PatientId));
    }

    [Fact]
    public async Task ChartProlotherapy_VolumeAboveSiteLimit_ErrorBesideTheRow()
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        var fields = world.ThreeSites();
        fields["Posted.Rows[2].Volume"] = "6.5"; // 0.5–6 mL per site (clinical-reference §3)

        var response = await client.SubmitFormAsync(world.Path("prolotherapy"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"injection[2].volume-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ProceduresAsync(world.CourseId));
    }

    [Fact]
    public async Task FollowUpAndAdverseEvent_AfterProcedure_RecordedAndShownOnTheCourse()
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        await client.SubmitFormAsync(world.Path("prolotherapy"), world.ThreeSites());
        var procedure = Assert.Single(await ProceduresAsync(world.CourseId));
        Guid followUpId;
        var db = app.NewDb(out var scope);
        using (scope) followUpId = (await db.FollowUps.SingleAsync(f => f.ProcedureId == procedure.Id)).Id;

        var list = await client.GetStringAsync("/injections/follow-ups");
        Assert.Contains($"data-follow-up=\"{followUpId}\"", list, StringComparison.Ordinal);
        var done = await client.SubmitFormAsync($"/injections/follow-ups/{followUpId}/done", new() { ["Note"] = "Called: mild knee ache on day 1, settled." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var adverse = await client.SubmitFormAsync($"/patients/{world.PatientId}/procedures/{procedure.Id}/adverse-event", new()
        {
            ["Posted.EventCode"] = "post-injection-flare", ["Posted.OnsetDate"] = world.Date, ["Posted.OnsetTime"] = world.Time,
            ["Posted.Severity"] = "Mild", ["Posted.Actions"] = "ObservationOnly", ["Posted.Notes"] = "Ice and rest.",
        });
        Assert.Equal(HttpStatusCode.Redirect, adverse.StatusCode);

        db = app.NewDb(out scope);
        using (scope)
        {
            Assert.NotNull((await db.FollowUps.SingleAsync(f => f.Id == followUpId)).CompletedAt);
            var e = await db.AdverseEvents.SingleAsync(a => a.ProcedureId == procedure.Id);
            Assert.Equal(AdverseEventSeverity.Mild, e.Severity);
            Assert.Equal([AdverseEventAction.ObservationOnly], e.ActionList);
        }
        var course = await client.GetStringAsync($"/patients/{world.PatientId}/courses/{world.CourseId}");
        Assert.Contains("data-count=\"3\"", course, StringComparison.Ordinal); // three sites at the left knee on the body diagram
        Assert.Contains("Ice and rest.", course, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdverseEvent_AnaphylaxisGradedMild_RefusedBesideSeverity()
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        await client.SubmitFormAsync(world.Path("prolotherapy"), world.ThreeSites());
        var procedure = Assert.Single(await ProceduresAsync(world.CourseId));

        var response = await client.SubmitFormAsync($"/patients/{world.PatientId}/procedures/{procedure.Id}/adverse-event", new()
        {
            ["Posted.EventCode"] = "anaphylaxis", ["Posted.OnsetDate"] = world.Date, ["Posted.OnsetTime"] = world.Time,
            ["Posted.Severity"] = "Mild", ["Posted.Actions"] = "EmergencyTreatment",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"severity-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.AdverseEvents.AnyAsync(a => a.ProcedureId == procedure.Id));
    }

    [Fact]
    public async Task Chart_WithChartedSession_ShowsTreatmentTimelineWithDose()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        await client.SubmitFormAsync(world.Path("ozone"), world.Paravertebral("20", "15"));

        var chart = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{world.PatientId}"));

        Assert.Contains("treatment-timeline", chart, StringComparison.Ordinal);
        Assert.Contains("20 µg/mL × 15 mL = 300 µg", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Void_WithReason_KeepsTheRecordMarkedVoid()
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        await client.SubmitFormAsync(world.Path("prolotherapy"), world.ThreeSites());
        var procedure = Assert.Single(await ProceduresAsync(world.CourseId));

        var response = await client.SubmitFormAsync($"/patients/{world.PatientId}/procedures/{procedure.Id}/void", new() { ["Reason"] = "Charted on the wrong patient." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var voided = Assert.Single(await ProceduresAsync(world.CourseId));
        Assert.Equal("Charted on the wrong patient.", voided.VoidReason);
    }
}
