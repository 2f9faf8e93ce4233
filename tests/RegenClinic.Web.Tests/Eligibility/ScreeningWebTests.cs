using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Eligibility;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Eligibility;

public sealed class ScreeningWebTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string Physician = "physician@regenclinic.demo";
    private const string Nurse = "nurse@regenclinic.demo";

    private LocalDate Today => app.Services.GetRequiredService<ClinicTime>().Today;

    private string Ago(int months) => Today.PlusMonths(-months).ToString("yyyy-MM-dd", null);

    private static async Task<Guid> RegisterAsync(HttpClient client, string family, string language)
    {
        var created = await client.PostAsJsonAsync("/api/patients", new { familyName = family, givenName = "Anna", birthDate = "1960-03-04", sex = "female", preferredLanguage = language });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task AddAsync(HttpClient client, Guid id, string route, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{id}/{route}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Knee OA for 3 years on warfarin, paracetamol for a year: prolotherapy is indicated (rct-supported, Rabago 2013),
    /// conservative care is met, and warfarin is the relative contraindication PROLO-REL-ANTICOAG.</summary>
    private async Task<Guid> KneeOaOnWarfarinAsync(HttpClient client, string family, string language = "nl")
    {
        var id = await RegisterAsync(client, family, language);
        await AddAsync(client, id, "conditions", new { code = "M17.11", display = "Unilateral primary osteoarthritis, right knee", clinicalStatus = "active", onset = Ago(36) });
        await AddAsync(client, id, "medications", new { atcCode = "B01AA03", display = "Warfarin", status = "active", start = Ago(24) });
        await AddAsync(client, id, "medications", new { atcCode = "N02BE01", display = "Paracetamol", status = "active", start = Ago(12) });
        return id;
    }

    /// <summary>Chronic low back pain with ibuprofen for 6 months: prolotherapy indicated, evidence negative-rct (Cochrane CD004059).</summary>
    private async Task<Guid> LowBackPainAsync(HttpClient client, string family)
    {
        var id = await RegisterAsync(client, family, "en");
        await AddAsync(client, id, "conditions", new { code = "M54.50", display = "Low back pain, unspecified", clinicalStatus = "active", onset = Ago(14) });
        await AddAsync(client, id, "medications", new { atcCode = "M01AE01", display = "Ibuprofen", status = "active", start = Ago(6) });
        return id;
    }

    private static async Task<JsonElement[]> ScreenAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/patients/{id}/screenings", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static JsonElement For(JsonElement[] screenings, string therapy) =>
        screenings.Single(s => s.GetProperty("therapy").GetProperty("value").GetString() == therapy);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid id, JsonElement screening, bool acknowledged, params (string RuleId, string Reason)[] overrides) =>
        client.PostAsJsonAsync($"/api/patients/{id}/screenings/{screening.GetProperty("id").GetGuid()}/decision",
            new { overrides = overrides.Select(o => new { ruleId = o.RuleId, reason = o.Reason }), evidenceAcknowledged = acknowledged });

    private async Task<Guid> PrescribeAsync(HttpClient client, Guid id, string therapy, int sessions = 4)
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{id}/courses", new
        {
            therapy, protocol = "Dextrose 15% periarticular, 20% intra-articular", sessions, pattern = "interval", minDays = 21, maxDays = 42,
            earliestStart = Today.ToString("yyyy-MM-dd", null), goals = "Pain NRS down by 2 points; walk 2 km",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> SignAsync(HttpClient client, Guid id, string therapy, int? sessions = null) =>
        client.PostAsJsonAsync($"/api/patients/{id}/consents/{therapy}", new { signedBy = "Anna Patient", witnessedBy = "Nurse Els", signedOn = "2026-01-01", plannedSessions = sessions });

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString() ?? "";

    private static async Task AssertRefusedAsync(HttpClient client, Guid courseId, string code)
    {
        var response = await client.PostAsync($"/api/courses/{courseId}/start", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, await CodeOf(response));
    }

    [Fact]
    public async Task Screen_Physician_StoresOneRecordPerTherapyWithRuleSetVersionFactsAndAudit()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Screenstore");

        var screenings = await ScreenAsync(client, id);

        Assert.Equal(8, screenings.Length);
        var prolo = For(screenings, "prolotherapy");
        Assert.Equal("eligible-with-precautions", prolo.GetProperty("result").GetProperty("verdict").GetString());
        Assert.Contains(prolo.GetProperty("result").GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "PROLO-REL-ANTICOAG");
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var records = await db.Screenings.Where(s => s.PatientId == id).ToListAsync();
            Assert.Equal(TherapyId.All.Select(t => t.Value).Order(), records.Select(r => r.Therapy).Order());
            Assert.All(records, r => Assert.Equal(KnowledgeBase.Default.RuleSetVersion, r.RuleSetVersion));
            Assert.All(records, r => Assert.Equal(Today, r.Date));
            Assert.All(records, r => Assert.Equal(ScreeningDecision.Pending, r.Decision));
            var facts = ScreeningJson.ReadFacts(records[0].FactsJson);
            Assert.Contains(facts.Conditions, c => c.Code.Code == "M17.11" && c.Label.EndsWith("M17.11 active", StringComparison.Ordinal));
            Assert.Contains(facts.Medications, m => m.Code.Code == "B01AA03");
            Assert.Equal(Verdict.EligibleWithPrecautions, ScreeningJson.ReadResult(records.Single(r => r.Therapy == "prolotherapy").ResultJson).Verdict);
            Assert.Equal(8, await db.AuditEntries.CountAsync(a => a.PatientId == id && a.EntityType == nameof(ScreeningRecord) && a.Action == "create"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == id && a.EntityType == "Screenings" && a.Action == "read"));
        }
    }

    [Fact]
    public async Task Decide_OverrideWithoutReason_RefusedAndStillPending()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Noreason");
        var prolo = For(await ScreenAsync(client, id), "prolotherapy");

        var response = await DecideAsync(client, id, prolo, false, ("PROLO-REL-ANTICOAG", "ok INR"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("screening.override-reason-required", await CodeOf(response));
        var db = app.NewDb(out var scope);
        using (scope) Assert.Equal(ScreeningDecision.Pending, (await db.Screenings.SingleAsync(s => s.Id == prolo.GetProperty("id").GetGuid())).Decision);
    }

    [Fact]
    public async Task Decide_Nurse_MayScreenButNotDecide()
    {
        var nurse = await app.SignedInAsync(Nurse);
        var id = await KneeOaOnWarfarinAsync(nurse, "Nursescreen");
        var prolo = For(await ScreenAsync(nurse, id), "prolotherapy");

        var response = await DecideAsync(nurse, id, prolo, false);
        var page = await nurse.GetAsync($"/patients/{id}/screenings/{prolo.GetProperty("id").GetGuid()}/decide");
        var start = await nurse.PostAsync($"/api/courses/{Guid.NewGuid()}/start", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Contains("/access-denied", page.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_Operator_MayReadButNotScreen()
    {
        var physician = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(physician, "Operatorread");
        var op = await app.SignedInAsync("operator@regenclinic.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync($"/api/patients/{id}/screenings", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/patients/{id}/screenings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("frontdesk@regenclinic.demo")).GetAsync($"/api/patients/{id}/screenings")).StatusCode);
    }

    [Fact]
    public async Task DecisionPage_OverrideWithReason_EffectiveVerdictEligibleAndShownOnChartWithWhoAndWhy()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Overridepage");
        var prolo = For(await ScreenAsync(client, id), "prolotherapy");
        var screeningId = prolo.GetProperty("id").GetGuid();
        var path = $"/patients/{id}/screenings/{screeningId}/decide";
        var form = await client.GetStringAsync(path);
        Assert.Contains("name=\"Posted.Overrides[0].RuleId\" value=\"PROLO-REL-ANTICOAG\"", form, StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(path, new()
        {
            ["Posted.Overrides[0].Selected"] = "true", ["Posted.Overrides[0].Reason"] = "INR stable at 2.4; periarticular injections with a fine needle",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var record = await db.Screenings.SingleAsync(s => s.Id == screeningId);
            Assert.Equal((ScreeningDecision.Overridden, "eligible"), (record.Decision, record.EffectiveVerdict));
            var o = Assert.Single(record.Overrides);
            Assert.Equal(("PROLO-REL-ANTICOAG", Physician), (o.RuleId, o.Physician));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == screeningId.ToString() && a.Action == "update"));
        }
        var chart = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}"));
        Assert.Contains("INR stable at 2.4; periarticular injections with a fine needle", chart, StringComparison.Ordinal);
        Assert.Contains($"Overridden by {Physician}", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartScreenNow_NurseForm_StoresRecordsAndPanelShowsVerdictsInWords()
    {
        var nurse = await app.SignedInAsync(Nurse);
        var id = await KneeOaOnWarfarinAsync(nurse, "Screenform");

        var response = await nurse.SubmitFormAsync($"/patients/{id}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope) Assert.Equal(8, await db.Screenings.CountAsync(s => s.PatientId == id));
        var chart = WebUtility.HtmlDecode(await nurse.GetStringAsync($"/patients/{id}"));
        Assert.Contains("verdict verdict-eligible-with-precautions", chart, StringComparison.Ordinal);
        Assert.Contains("Eligible with precautions", chart, StringComparison.Ordinal); // text, not colour alone
        Assert.Contains("supported by one or a few small randomised trials", chart, StringComparison.Ordinal);
        Assert.Contains("Rabago", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("Record decision", chart, StringComparison.Ordinal); // nurse: no decision form
    }

    [Theory]
    [InlineData("en", "Planned number of sessions", "Risks")]
    [InlineData("nl", "Gepland aantal behandelingen", "Risico's")]
    public async Task ConsentPage_InPatientsLanguage_HasRisksAlternativesEvidenceInPlainWordsAndPlannedSessions(string language, string sessionsHeading, string risksHeading)
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Consent" + language, language);
        await ScreenAsync(client, id);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}/consent/prolotherapy?sessions=6"));

        var therapy = KnowledgeBase.Default.Therapy(TherapyId.Prolotherapy);
        Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains(therapy.Description.In(language), html, StringComparison.Ordinal);
        Assert.All(therapy.Risks, r => Assert.Contains(r.In(language), html, StringComparison.Ordinal));
        Assert.All(therapy.Alternatives, a => Assert.Contains(a.In(language), html, StringComparison.Ordinal));
        Assert.Contains(EvidenceGrade.RctSupported.PlainWords(language), html, StringComparison.Ordinal);
        Assert.Contains("Rabago et al., Ann Fam Med 2013", html, StringComparison.Ordinal);
        Assert.Contains(sessionsHeading, html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"planned-sessions\">6</p>", html, StringComparison.Ordinal);
        Assert.Contains(risksHeading, html, StringComparison.Ordinal);
        Assert.Contains("2027.1/consent-1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("21 CFR", html, StringComparison.Ordinal);
        var other = language == "en" ? "nl" : "en";
        Assert.DoesNotContain(therapy.Risks[0].In(other), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentPage_UsSite_ShowsOzoneNotice_NlSiteDoesNot()
    {
        var client = await app.SignedInAsync(Physician);
        var nl = await RegisterAsync(client, "Ozonenl", "en");
        Guid us;
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var site = Site.Create("NYC-" + Guid.NewGuid().ToString("N")[..6], "RegenClinic New York", "America/New_York", "US");
            db.Sites.Add(site);
            var patient = Patient.Register(new PatientDetails("Ozoneus", "Sam", new LocalDate(1970, 1, 1), Sex.Male, PreferredLanguage: "en"),
                RegenClinic.Patients.RegisterPatient.RecordNumber(9_000_000 + Random.Shared.Next(900_000)), site.Id, "test", app.Services.GetRequiredService<ClinicTime>().Now, Today);
            db.Patients.Add(patient);
            // The physician works at Amsterdam: an Admin grants the New York site (object-level access, docs/SECURITY.md).
            var physician = await db.Users.SingleAsync(u => u.Email == Physician);
            db.StaffSiteAccess.Add(RegenClinic.Security.StaffSiteAccess.Grant(physician.Id, site.Id, "test", app.Services.GetRequiredService<ClinicTime>().Now));
            await db.SaveChangesAsync();
            us = patient.Id;
        }
        foreach (var id in new[] { nl, us })
        {
            await AddAsync(client, id, "conditions", new { code = "M51.16", display = "Lumbar disc herniation with radiculopathy", clinicalStatus = "active", onset = Ago(9) });
            await ScreenAsync(client, id);
        }

        var usHtml = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{us}/consent/ozone-injection?sessions=3"));
        var nlHtml = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{nl}/consent/ozone-injection?sessions=3"));
        var usApi = await client.GetFromJsonAsync<JsonElement>($"/api/patients/{us}/consents/ozone-injection?sessions=3");

        Assert.Contains("21 CFR 801.415", usHtml, StringComparison.Ordinal);
        Assert.Contains("toxic gas with no known medical use", usHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("21 CFR 801.415", nlHtml, StringComparison.Ordinal);
        Assert.Equal("21 CFR 801.415", usApi.GetProperty("notices")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task ConsentPage_SignForm_RecordsSignerWitnessDateAndTextVersion()
    {
        var nurse = await app.SignedInAsync(Nurse);
        var id = await KneeOaOnWarfarinAsync(nurse, "Signform");
        await ScreenAsync(nurse, id);

        var response = await nurse.SubmitFormAsync($"/patients/{id}/consent/prolotherapy?sessions=5", new()
        {
            ["Posted.SignedBy"] = "Anna Signform", ["Posted.WitnessedBy"] = "Els de Vries", ["Posted.SignedOn"] = Today.ToString("yyyy-MM-dd", null),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var consent = await db.Consents.SingleAsync(c => c.PatientId == id);
            Assert.Equal(("Anna Signform", "Els de Vries", Today, "2027.1/consent-1", 5, "nl"),
                (consent.SignedBy, consent.WitnessedBy, consent.SignedOn, consent.TextVersion, consent.PlannedSessions, consent.Language));
            Assert.Contains(EvidenceGrade.RctSupported.PlainWords("nl"), consent.Text, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == id && a.EntityType == nameof(ConsentRecord) && a.Action == "create"));
        }
    }

    [Fact]
    public async Task StartCourse_RefusedUntilScreenedDecidedAndSignedCurrentConsent_ThenActiveAndAudited()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Coursegate");
        var courseId = await PrescribeAsync(client, id, "prolotherapy");

        await AssertRefusedAsync(client, courseId, "course.no-screening");
        var prolo = For(await ScreenAsync(client, id), "prolotherapy");
        await AssertRefusedAsync(client, courseId, "course.screening-undecided");
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(client, id, prolo, false, ("PROLO-REL-ANTICOAG", "INR stable at 2.4, fine needle technique"))).StatusCode);
        await AssertRefusedAsync(client, courseId, "course.no-consent");
        var db = app.NewDb(out var scope);
        using (scope)
        {
            db.Consents.Add(ConsentRecord.Sign(id, "prolotherapy", prolo.GetProperty("id").GetGuid(), "nl", "2026.3/consent-1", "old words", 4,
                "Anna Patient", "Nurse Els", Today, "test", app.Services.GetRequiredService<ClinicTime>().Now, Today));
            await db.SaveChangesAsync();
        }
        await AssertRefusedAsync(client, courseId, "course.consent-outdated");
        Assert.Equal(HttpStatusCode.Created, (await SignAsync(client, id, "prolotherapy")).StatusCode);

        var started = await client.PostAsync($"/api/courses/{courseId}/start", null);

        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        db = app.NewDb(out scope);
        using (scope)
        {
            var course = await db.Courses.SingleAsync(c => c.Id == courseId);
            Assert.Equal(CourseStatus.Active, course.Status);
            Assert.Equal(prolo.GetProperty("id").GetGuid(), course.ScreeningId);
            var consent = await db.Consents.SingleAsync(c => c.Id == course.ConsentId);
            Assert.Equal("2027.1/consent-1", consent.TextVersion);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == courseId.ToString() && a.Action == "course-start"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == courseId.ToString() && a.Action == "update"));
        }
    }

    [Fact]
    public async Task StartCourse_NotIndicatedAfterDecision_Refused()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Notindicated");
        var courseId = await PrescribeAsync(client, id, "hbot", 20);
        var hbot = For(await ScreenAsync(client, id), "hbot");
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(client, id, hbot, false)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SignAsync(client, id, "hbot")).StatusCode);

        await AssertRefusedAsync(client, courseId, "course.screening-not-eligible");
    }

    [Fact]
    public async Task CancelCourse_PhysicianOnTheCoursePage_WithAReason_NurseRefused()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Annulering", language: "en");
        var courseId = await PrescribeAsync(client, id, "prolotherapy");
        var path = $"/patients/{id}/courses/{courseId}/start";
        var nurse = await app.SignedInAsync(Nurse);

        var withoutReason = await client.SubmitFormAsync(path, new() { ["_handler"] = "cancel-course", ["Cancelling.Reason"] = "" });
        var byNurse = await nurse.PostAsJsonAsync($"/api/courses/{courseId}/cancel", new { reason = "Not mine to cancel" });
        var done = await client.SubmitFormAsync(path, new() { ["_handler"] = "cancel-course", ["Cancelling.Reason"] = "Screening in person: not eligible" });
        var again = await client.PostAsJsonAsync($"/api/courses/{courseId}/cancel", new { reason = "Again" });

        Assert.Contains("The course cannot be cancelled", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byNurse.StatusCode);
        var page = await done.Content.ReadAsStringAsync();
        Assert.Contains("id=\"course-cancelled\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cancel-h\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("course.closed", await CodeOf(again));
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var course = await db.Courses.SingleAsync(c => c.Id == courseId);
            Assert.Equal((RegenClinic.Domain.Plans.CourseStatus.Cancelled, "Screening in person: not eligible"), (course.Status, course.StatusReason));
        }
    }

    [Fact]
    public async Task StartCourse_NegativeRctIndicationWithoutAcknowledgement_Refused()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await LowBackPainAsync(client, "Negativerct");
        var courseId = await PrescribeAsync(client, id, "prolotherapy");
        var prolo = For(await ScreenAsync(client, id), "prolotherapy");
        Assert.Equal("negative-rct", prolo.GetProperty("result").GetProperty("indications")[0].GetProperty("evidence").GetProperty("grade").GetProperty("id").GetString());

        var decide = await DecideAsync(client, id, prolo, acknowledged: false);
        Assert.Equal(HttpStatusCode.BadRequest, decide.StatusCode);
        Assert.Equal("screening.evidence-acknowledgement-required", await CodeOf(decide));
        // A decision stored without acknowledgement (as an older client or a direct write could) must still not start a course.
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var record = await db.Screenings.SingleAsync(s => s.Id == prolo.GetProperty("id").GetGuid());
            record.Decide(ScreeningJson.ReadResult(record.ResultJson), [], false, Physician, app.Services.GetRequiredService<ClinicTime>().Now);
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Created, (await SignAsync(client, id, "prolotherapy")).StatusCode);

        await AssertRefusedAsync(client, courseId, "course.evidence-not-acknowledged");

        var again = For(await ScreenAsync(client, id), "prolotherapy");
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(client, id, again, acknowledged: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/courses/{courseId}/start", null)).StatusCode);
    }

    [Fact]
    public async Task ProcedureForm_Physiotherapy_MeetsConservativeCareAndShowsOnChart()
    {
        var client = await app.SignedInAsync(Nurse);
        var id = await RegisterAsync(client, "Physioform", "en");
        await AddAsync(client, id, "conditions", new { code = "M17.11", display = "Unilateral primary osteoarthritis, right knee", clinicalStatus = "active", onset = Ago(24) });
        var before = For(await ScreenAsync(client, id), "prolotherapy");
        Assert.Equal("not-indicated", before.GetProperty("result").GetProperty("verdict").GetString());

        var response = await client.SubmitFormAsync($"/patients/{id}/procedures/new", new()
        {
            ["Posted.Code"] = "91251008", ["Posted.Start"] = Today.PlusMonths(-4).ToString("yyyy-MM-dd", null), ["Posted.Text1"] = "12 sessions, knee programme",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = For(await ScreenAsync(client, id), "prolotherapy");
        Assert.Equal("eligible", after.GetProperty("result").GetProperty("verdict").GetString());
        var chart = WebUtility.HtmlDecode(await client.GetStringAsync($"/patients/{id}"));
        Assert.Contains("SNOMED CT 91251008", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CourseStartPage_WithoutConsent_ShowsTheReason()
    {
        var client = await app.SignedInAsync(Physician);
        var id = await KneeOaOnWarfarinAsync(client, "Startpage");
        var courseId = await PrescribeAsync(client, id, "prolotherapy");
        var prolo = For(await ScreenAsync(client, id), "prolotherapy");
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(client, id, prolo, false, ("PROLO-REL-ANTICOAG", "INR stable at 2.4, fine needle technique"))).StatusCode);

        var response = await client.SubmitFormAsync($"/patients/{id}/courses/{courseId}/start", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("The course cannot start", html, StringComparison.Ordinal);
        Assert.Contains("No signed consent for this therapy.", html, StringComparison.Ordinal);
    }
}
