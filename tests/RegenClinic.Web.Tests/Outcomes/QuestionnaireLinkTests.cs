using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Outcomes;

public sealed class QuestionnaireLinkTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task Link_Expired_IsRefusedAndNothingIsStored()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Verlopen", "test-link", "test");
        var token = await OutcomeWorld.LinkAsync(app, patient, issuedDaysAgo: 15, validDays: 14);
        var anonymous = app.Client();

        var page = await (await anonymous.GetAsync($"/q/{token}?culture=en")).Content.ReadAsStringAsync();

        Assert.Contains("This link has expired.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Send my answers", page, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.OutcomeScores.AnyAsync(s => s.PatientId == patient));
    }

    [Fact]
    public async Task Link_StillValid_OpensWithoutSignIn()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Geldig", "test-link", "test");
        var token = await OutcomeWorld.LinkAsync(app, patient, issuedDaysAgo: 13, validDays: 14);

        var response = await app.Client().GetAsync($"/q/{token}?culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Send my answers", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_UnknownToken_IsRefused()
    {
        var page = await (await app.Client().GetAsync("/q/not-a-real-token?culture=en")).Content.ReadAsStringAsync();

        Assert.Contains("This link is not valid.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_CreatedByFrontDesk_PatientSubmitsOnceAndReuseIsRefused()
    {
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Eenmalig", "test-link", "test", language: "nl");
        var frontDesk = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var created = await frontDesk.PostAsJsonAsync("/api/outcomes/links", new { patientId = patient, instruments = new[] { "nrs" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        Assert.Equal("nl", issued.GetProperty("language").GetString());

        var anonymous = app.Client();
        // A bare link is sent on to the patient's language.
        var bare = await anonymous.GetAsync($"/q/{token}");
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.EndsWith("?culture=nl", bare.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var page = await (await anonymous.GetAsync($"/q/{token}?culture=nl")).Content.ReadAsStringAsync();
        Assert.Contains("Mijn antwoorden versturen", page, StringComparison.Ordinal);
        var fields = OutcomeWorld.HiddenFields(page);
        fields["answer.nrs.1"] = "3";

        var first = await (await anonymous.PostAsync($"/q/{token}?culture=nl", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();
        var second = await (await anonymous.PostAsync($"/q/{token}?culture=nl", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();

        Assert.Contains("Dank u wel", first, StringComparison.Ordinal);
        Assert.Contains("Deze link is al gebruikt.", second, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var scores = await db.OutcomeScores.Where(s => s.PatientId == patient).ToListAsync();
            var score = Assert.Single(scores);
            Assert.Equal(3, score.Score);
            Assert.Equal(OutcomeSource.PatientLink, score.Source);
            Assert.Equal("72514-3", score.Code);
            var link = await db.QuestionnaireLinks.SingleAsync(l => l.PatientId == patient);
            Assert.NotNull(link.UsedAt);
            // Only the hash is stored, never the token.
            Assert.NotEqual(token, link.TokenHash);
            Assert.Equal(64, link.TokenHash.Length);
        }
    }
}
