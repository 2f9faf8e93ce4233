using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Patients;

public sealed class PatientRecordTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static object NewPatient(string family, string birthDate = "1961-04-12") => new
    {
        familyName = family, givenName = "Maria", birthDate, sex = "female", preferredLanguage = "nl",
        homePhysician = new { name = "Dr. Huisarts", practice = "Praktijk Oost" },
    };

    private async Task<(HttpClient Client, Guid Id)> RegisteredAsync(string family)
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var created = await client.PostAsJsonAsync("/api/patients", NewPatient(family));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (client, id);
    }

    [Fact]
    public async Task RegisterForm_FutureBirthDate_ShowsErrorBesideFieldAndSavesNothing()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var response = await client.SubmitFormAsync("/patients/new", new()
        {
            ["Posted.FamilyName"] = "Toekomst", ["Posted.GivenName"] = "Tim", ["Posted.BirthDate"] = "2999-01-01", ["Posted.Sex"] = "Male",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"birthDate-error\"", html, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.Patients.AnyAsync(p => p.FamilyName == "Toekomst"));
    }

    [Fact]
    public async Task RegisterForm_Valid_RedirectsToTheNewChart()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var response = await client.SubmitFormAsync("/patients/new", new()
        {
            ["Posted.FamilyName"] = "Formulier", ["Posted.GivenName"] = "Fleur", ["Posted.BirthDate"] = "1980-02-29", ["Posted.Sex"] = "Female",
            ["Posted.PreferredLanguage"] = "nl",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("/patients/[0-9a-f-]{36}$", response.Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task RegisterApi_MissingFamilyName_AnswersProblemDetailsNamingTheField()
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var response = await client.PostAsJsonAsync("/api/patients", new { givenName = "No", birthDate = "1970-01-01", sex = "male" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("familyName", out _));
        Assert.Equal("field.required", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RegisterApi_BadDate_AnswersProblemDetailsNamingThePath()
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var response = await client.PostAsJsonAsync("/api/patients", new { familyName = "X", givenName = "Y", birthDate = "12-04-1961", sex = "male" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("birthDate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_Read_IsAuditedWithPatientAndActor()
    {
        var (client, id) = await RegisteredAsync("Gelezen");
        var response = await client.GetAsync($"/patients/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            // Every section's read is in the trail by the time the answer arrives (they are written as it starts).
            var read = await db.AuditEntries.Where(a => a.PatientId == id && a.Action == AuditActions.Read).OrderBy(a => a.Sequence).ToListAsync();
            Assert.Contains(read, a => a.EntityType == "Chart");
            Assert.Contains(read, a => a.EntityType == "Screenings");
            Assert.Contains(read, a => a.EntityType == "Outcomes");
            Assert.Contains(read, a => a.EntityType == "TreatmentTimeline");
            Assert.All(read, a => Assert.Equal("physician@regenclinic.demo", a.ActorName));
        }
    }

    [Fact]
    public async Task ConditionAndMedication_Added_AreAuditedAndShownWithRiskFlag()
    {
        var (client, id) = await RegisteredAsync("Kaakbot");
        var condition = await client.PostAsJsonAsync($"/api/patients/{id}/conditions", new
        {
            code = "M87.180", display = "Osteonecrosis due to drugs, jaw", clinicalStatus = "active", onset = "2026-06-01",
            stageSystem = "urn:regenclinic:codesystem:aaoms-mronj-2022", stage = "2",
        });
        var medication = await client.PostAsJsonAsync($"/api/patients/{id}/medications", new
        {
            atcCode = "M05BA04", display = "Alendronic acid", status = "active", dose = "70 mg weekly", start = "2020-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, condition.StatusCode);
        Assert.Equal(HttpStatusCode.Created, medication.StatusCode);

        var html = await client.GetStringAsync($"/patients/{id}");
        Assert.Contains("M87.180", html, StringComparison.Ordinal);
        Assert.Contains("AAOMS 2", html, StringComparison.Ordinal);
        Assert.Contains("On antiresorptive", html, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == id && a.Action == AuditActions.Create && a.EntityType == "ConditionEntry"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == id && a.Action == AuditActions.Create && a.EntityType == "MedicationEntry"));
        }
    }

    [Fact]
    public async Task Amendment_KeepsTheOriginalVersionAndNeedsAReason()
    {
        var (client, id) = await RegisteredAsync("Gewijzigd");
        var first = await client.PostAsJsonAsync($"/api/patients/{id}/conditions", new { code = "M17.11", display = "Knee OA right", clinicalStatus = "active" });
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var noReason = await client.PostAsJsonAsync($"/api/patients/{id}/conditions/{firstId}/amend",
            new { details = new { code = "M17.12", display = "Knee OA left", clinicalStatus = "active" }, reason = "" });
        var amended = await client.PostAsJsonAsync($"/api/patients/{id}/conditions/{firstId}/amend",
            new { details = new { code = "M17.12", display = "Knee OA left", clinicalStatus = "active" }, reason = "Wrong side recorded" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Created, amended.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var versions = await db.Conditions.Where(c => c.PatientId == id).ToListAsync();
            Assert.Equal(2, versions.Count);
            var original = versions.Single(v => v.Id == firstId);
            Assert.NotNull(original.SupersededAt);
            Assert.Equal("M17.11", original.Code);
            Assert.Equal(firstId, versions.Single(v => v.Id != firstId).Amends);
        }
    }

    [Fact]
    public async Task Void_KeepsTheEntryMarkedWithReason()
    {
        var (client, id) = await RegisteredAsync("Vervallen");
        var created = await client.PostAsJsonAsync($"/api/patients/{id}/allergies", new { substance = "Lidocaine", atcCode = "N01BB02" });
        var allergyId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var voided = await client.PostAsJsonAsync($"/api/patients/{id}/allergies/{allergyId}/void", new { reason = "Entered on the wrong patient" });

        Assert.Equal(HttpStatusCode.NoContent, voided.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var entry = await db.Allergies.SingleAsync(a => a.Id == allergyId);
            Assert.Equal("Entered on the wrong patient", entry.VoidReason);
            Assert.Equal("physician@regenclinic.demo", entry.VoidedBy);
        }
    }

    [Fact]
    public async Task FrontDesk_Chart_ShowsDemographicsButNoClinicalRecord()
    {
        var (physician, id) = await RegisteredAsync("Balie");
        await physician.PostAsJsonAsync($"/api/patients/{id}/conditions", new { code = "M79.7", display = "Fibromyalgia", clinicalStatus = "active" });
        var frontDesk = await app.SignedInAsync("frontdesk@regenclinic.demo");

        var html = await frontDesk.GetStringAsync($"/patients/{id}");
        var api = await frontDesk.GetFromJsonAsync<JsonElement>($"/api/patients/{id}");

        Assert.Contains("Balie", html, StringComparison.Ordinal);
        Assert.DoesNotContain("M79.7", html, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, api.GetProperty("clinical").ValueKind);
        var write = await frontDesk.PostAsJsonAsync($"/api/patients/{id}/conditions", new { code = "M79.7", display = "x", clinicalStatus = "active" });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Search_ByNamePrefixAndRecordNumber_FindsThePatient()
    {
        var (client, id) = await RegisteredAsync("Zoekbaar");
        var byName = await client.GetFromJsonAsync<JsonElement>("/api/patients?q=zoekb");
        var record = byName.GetProperty("items")[0].GetProperty("recordNumber").GetString();
        var byRecord = await client.GetFromJsonAsync<JsonElement>($"/api/patients?q={record}");

        Assert.Equal(id, byName.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(1, byRecord.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AuditChain_AfterManyWrites_Verifies()
    {
        await RegisteredAsync("Keten");
        var db = app.NewDb(out var scope);
        using var _ = scope;
        var report = await new VerifyAuditChain(db).HandleAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.True(report.Checked > 10);
    }
}
