using System.Net;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Outcomes;

/// <summary>The outcome rows of docs/permissions.md, cell by cell.</summary>
public sealed class OutcomePermissionTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    public static TheoryData<string, string, bool> Cells()
    {
        var data = new TheoryData<string, string, bool>();
        (string Route, string[] Allowed)[] routes =
        [
            ("/outcomes", ["admin", "physician", "nurse", "frontdesk"]),
            ("/outcomes/link", ["admin", "physician", "nurse", "frontdesk"]),
            ("/api/outcomes/due", ["admin", "physician", "nurse", "frontdesk"]),
            ("/analytics", ["admin", "physician", "nurse"]),
            ("/api/outcomes/analytics.csv", ["admin", "physician", "nurse"]),
            ("/admin/outcomes/item-text", ["admin"]),
        ];
        string[] roles = ["admin", "physician", "nurse", "operator", "frontdesk"];
        foreach (var (route, allowed) in routes)
        {
            foreach (var role in roles) data.Add(route, role, allowed.Contains(role));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task OutcomeRoute_ForRole_IsAllowedOnlyByTheMatrix(string route, string role, bool allowed)
    {
        var client = await app.SignedInAsync($"{role}@regenclinic.demo");

        var response = await client.GetAsync(route);

        if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else if (route.StartsWith("/api", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        else Assert.Contains("/access-denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_ReachesNoOutcomePageButTheQuestionnaireLink()
    {
        var anonymous = app.Client();

        Assert.Contains("/signin", (await anonymous.GetAsync("/analytics")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/outcomes/analytics.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/q/unknown-token?culture=en")).StatusCode);
    }

    [Fact]
    public async Task LicensedText_LoadedByAdmin_ReplacesSectionNumbersOnTheOdiForm()
    {
        var admin = await app.SignedInAsync("admin@regenclinic.demo");
        var file = "licence-holder: Test Clinic B.V. (Mapi licence 123)\n" + string.Join("\n", Enumerable.Range(1, 10).Select(n => $"{n}\tLicensed wording of section {n}"));

        var loaded = await admin.SubmitFormAsync("/admin/outcomes/item-text", new() { ["Posted.Instrument"] = "odi", ["Posted.Content"] = file });
        var (patient, _) = await OutcomeWorld.PlannedPatientAsync(app, "Tekst", "test-text", "test");
        var form = await (await app.SignedInAsync("physician@regenclinic.demo")).GetStringAsync($"/patients/{patient}/outcomes/new?instrument=odi&culture=en");

        Assert.Contains("The item text has been loaded.", await loaded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Licensed wording of section 7", form, StringComparison.Ordinal);
        Assert.Contains("Item text licensed to Test Clinic B.V. (Mapi licence 123).", form, StringComparison.Ordinal);
        Assert.DoesNotContain("has not been loaded", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicensedText_MissingItems_IsRefusedBesideTheField()
    {
        var admin = await app.SignedInAsync("admin@regenclinic.demo");

        var response = await admin.SubmitFormAsync("/admin/outcomes/item-text", new() { ["Posted.Instrument"] = "odi", ["Posted.Content"] = "licence-holder: X\n1\tOnly one" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"itemText-error\"", html, StringComparison.Ordinal);
        Assert.Contains("item(s) 2, 3, 4, 5, 6, 7, 8, 9, 10 missing", html, StringComparison.Ordinal);
    }
}
