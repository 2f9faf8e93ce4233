using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

/// <summary>The /api/injections endpoints mirror the pages: same use cases, same policies, problem details on refusal.</summary>
public sealed class InjectionApiTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static object Ozone(CourseWorld w, decimal concentration, IReadOnlyList<object>? overrides = null, Guid? amends = null, string? amendReason = null) => new
    {
        performedAt = w.PerformedAt.ToString(),
        details = new
        {
            route = "paravertebral", region = "lumbar-sacroiliac", siteDetail = "L4-L5", side = "left", generatorId = "GEN-1",
            generatorCalibrationDate = "2026-01-15", procedureDate = w.Date, concentrationMicrogramsPerMl = concentration, gasVolumeMl = 10m,
        },
        overrides,
        amends,
        amendReason,
    };

    private static string ChartPath(CourseWorld w, string family) => $"/api/injections/patients/{w.PatientId}/courses/{w.CourseId}/procedures/{family}";

    [Fact]
    public async Task ChartOzone_WithinLimits_CreatedReadableAndListed()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");

        var created = await client.PostAsJsonAsync(ChartPath(world, "ozone"), Ozone(world, 30m));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("procedureId").GetGuid();
        var one = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString());
        Assert.Equal(id, one.GetProperty("id").GetGuid());
        Assert.Equal(300m, one.GetProperty("totalOzoneMicrograms").GetDecimal()); // 30 µg/mL × 10 mL
        Assert.Equal("paravertebral", one.GetProperty("details").GetProperty("route").GetString());
        Assert.Equal("ozone", one.GetProperty("family").GetString());
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/injections/patients/{world.PatientId}/courses/{world.CourseId}/procedures");
        Assert.Equal(id, listed.EnumerateArray().Single().GetProperty("id").GetGuid());
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/injections/patients/{world.PatientId}/courses");
        Assert.Equal(world.CourseId, timeline.GetProperty("courses").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(id, timeline.GetProperty("procedures").EnumerateArray().Single().GetProperty("id").GetGuid());
        var course = await client.GetFromJsonAsync<JsonElement>($"/api/injections/patients/{world.PatientId}/courses/{world.CourseId}");
        Assert.True(course.GetProperty("chartingAllowed").GetBoolean());
        Assert.Equal("ozone-injection", course.GetProperty("prescription").GetProperty("therapy").GetString());
        Assert.Single(course.GetProperty("followUps").EnumerateArray());
    }

    [Fact]
    public async Task ChartOzone_AboveLimitWithoutOverride_ProblemDetailsAndNothingSaved()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await client.PostAsJsonAsync(ChartPath(world, "ozone"), Ozone(world, 35m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("procedure.not-saved", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("unresolved").EnumerateArray(), f => f.GetProperty("code").GetString() == "ozone.concentration.above-route-max");
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.ProcedureRecords.AnyAsync(p => p.CourseId == world.CourseId));
    }

    [Fact]
    public async Task ChartOzone_PhysicianOverrideThenAmend_OverrideKeptAndOriginalSuperseded()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var overrides = new object[] { new { findingCode = "ozone.concentration.above-route-max", reason = "No relief at 30 µg/mL; discussed with the patient." } };
        var created = await client.PostAsJsonAsync(ChartPath(world, "ozone"), Ozone(world, 35m, overrides));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var original = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("procedureId").GetGuid();

        var amended = await client.PostAsJsonAsync(ChartPath(world, "ozone"), Ozone(world, 30m, amends: original, amendReason: "Concentration was 30, typed 35."));

        Assert.Equal(HttpStatusCode.Created, amended.StatusCode);
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/injections/patients/{world.PatientId}/courses/{world.CourseId}/procedures");
        var old = all.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == original);
        Assert.False(old.GetProperty("current").GetBoolean());
        Assert.Equal(35m, old.GetProperty("details").GetProperty("concentrationMicrogramsPerMl").GetDecimal());
        Assert.Single(old.GetProperty("overrides").EnumerateArray());
        var next = all.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() != original);
        Assert.Equal(original, next.GetProperty("amends").GetGuid());
    }

    [Fact]
    public async Task ChartProlotherapy_NoConsent_RefusedAsProblemDetails()
    {
        var world = await app.CourseAsync("prolotherapy", GateState.NoConsent);
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        var body = new
        {
            performedAt = world.PerformedAt.ToString(),
            details = new
            {
                procedureDate = world.Date,
                injections = new[] { new { region = "knee", side = "left", placement = "intra-articular", volumeMl = 6m, guidance = "ultrasound", solution = new { dextrosePercent = 25m, lidocainePercent = 0m } } },
            },
        };

        var response = await client.PostAsJsonAsync(ChartPath(world, "prolotherapy"), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("procedure.refused", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("refusals").EnumerateArray(), r => r.GetProperty("code").GetString()!.Contains("consent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUps_ListedAndCompleted()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        var created = await client.PostAsJsonAsync(ChartPath(world, "ozone"), Ozone(world, 25m));
        var procedure = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("procedureId").GetGuid();
        var open = await client.GetFromJsonAsync<JsonElement>("/api/injections/follow-ups");
        var followUp = open.EnumerateArray().Single(f => f.GetProperty("procedureId").GetGuid() == procedure);

        var done = await client.PostAsJsonAsync($"/api/injections/follow-ups/{followUp.GetProperty("id").GetGuid()}/complete", new { note = "Called: mild soreness, settled." });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/injections/follow-ups");
        Assert.DoesNotContain(after.EnumerateArray(), f => f.GetProperty("procedureId").GetGuid() == procedure);
    }

    [Fact]
    public async Task Prescribe_PhysicianCreatesDraft_NurseForbidden_AnonymousUnauthorised()
    {
        var world = await app.CourseAsync("prolotherapy");
        var body = new { patientId = world.PatientId, earliestStart = world.Today, goals = "Less knee pain on stairs.",
            custom = new { therapy = "ozone-injection", protocol = "paravertebral weekly", sessions = 4, spacingMinDays = 5, spacingMaxDays = 10 } };
        var physician = await app.SignedInAsync("physician@regenclinic.demo");
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");

        var created = await physician.PostAsJsonAsync("/api/injections/prescriptions", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var course = await physician.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString());
        Assert.Equal("draft", course.GetProperty("prescription").GetProperty("status").GetString());
        Assert.Equal(4, course.GetProperty("prescription").GetProperty("sessions").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.PostAsJsonAsync("/api/injections/prescriptions", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/injections/patients/{world.PatientId}/courses")).StatusCode);
        var frontDesk = await app.SignedInAsync("frontdesk@regenclinic.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await frontDesk.GetAsync($"/api/injections/patients/{world.PatientId}/courses")).StatusCode);
    }

    [Fact]
    public async Task Prescribe_UnknownPatient_NotFoundProblem()
    {
        var physician = await app.SignedInAsync("physician@regenclinic.demo");
        var body = new { patientId = Guid.NewGuid(), earliestStart = "2099-01-01", goals = "x",
            custom = new { therapy = "prolotherapy", protocol = "p", sessions = 3, spacingMinDays = 14, spacingMaxDays = 42 } };

        var response = await physician.PostAsJsonAsync("/api/injections/prescriptions", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("patient.not-found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ReadCourse_IsAudited()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/injections/patients/{world.PatientId}/courses/{world.CourseId}")).StatusCode);

        var db = app.NewDb(out var scope);
        using (scope) Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == world.PatientId && a.Action == RegenClinic.Audit.AuditActions.Read && a.EntityType == "TreatmentCourse"));
    }
}
