using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Demo;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Security;

/// <summary>Object-level access: staff see their own site's patients; other sites only by an Admin's grant or break-glass.</summary>
public sealed class SiteAccessTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<(Guid Id, string RecordNumber)> RotterdamPatientAsync(int index = 0)
    {
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var site = await db.Sites.SingleAsync(s => s.Code == DemoSecondSite.Code);
            var p = await db.Patients.Where(p => p.SiteId == site.Id).OrderBy(p => p.RecordNumber).Skip(index).FirstAsync();
            return (p.Id, p.RecordNumber);
        }
    }

    private async Task<Guid> AmsterdamPatientAsync()
    {
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var site = await db.Sites.SingleAsync(s => s.Code == "AMS");
            return await db.Patients.Where(p => p.SiteId == site.Id).OrderBy(p => p.RecordNumber).Select(p => p.Id).FirstAsync();
        }
    }

    [Fact]
    public async Task PhysicianOfSiteA_ChangingTheIdToAPatientOfSiteB_GetsNotFoundOnApiAndPage()
    {
        var (other, _) = await RotterdamPatientAsync();
        var own = await AmsterdamPatientAsync();
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/patients/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/patients/{other}")).StatusCode);
        // A list under another site's patient is either refused or empty: never their rows.
        var screenings = await client.GetAsync($"/api/patients/{other}/screenings");
        Assert.True(screenings.StatusCode == HttpStatusCode.NotFound || await screenings.Content.ReadAsStringAsync() == "[]");
        var page = await client.GetAsync($"/patients/{other}");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Dekker", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhysicianOfSiteA_WritingToAPatientOfSiteB_IsRefusedAndNothingIsSaved()
    {
        var (other, _) = await RotterdamPatientAsync(1);
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await client.PostAsJsonAsync($"/api/patients/{other}/conditions",
            new { code = "M54.5", display = "Low back pain", clinicalStatus = "active" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.Conditions.AnyAsync(c => c.PatientId == other && c.Code == "M54.5"));
    }

    [Fact]
    public async Task Search_ByPhysicianOfSiteA_ListsNoPatientOfSiteB_AndSiteBPhysicianSeesOnlySiteB()
    {
        var (other, _) = await RotterdamPatientAsync();
        var own = await AmsterdamPatientAsync();
        var a = await app.SignedInAsync("physician@regenclinic.demo");
        var b = await app.SignedInAsync(DemoSecondSite.PhysicianEmail);

        var fromA = await a.GetStringAsync("/api/patients?q=Dekker");
        var fromB = await b.GetStringAsync("/api/patients?q=Dekker");

        Assert.DoesNotContain(other.ToString(), fromA, StringComparison.Ordinal);
        Assert.Contains(other.ToString(), fromB, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/patients/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/patients/{own}")).StatusCode);
    }

    [Fact]
    public async Task AdminGrant_OfSiteB_LetsTheUserSeeItsPatients_UntilWithdrawn()
    {
        var (other, _) = await RotterdamPatientAsync(2);
        var admin = await app.SignedInAsync("admin@regenclinic.demo");
        var physician2 = await app.SignedInAsync("physician2@regenclinic.demo");
        string userId, siteId;
        var db = app.NewDb(out var scope);
        using (scope)
        {
            userId = (await db.Users.SingleAsync(u => u.Email == "physician2@regenclinic.demo")).Id;
            siteId = (await db.Sites.SingleAsync(s => s.Code == DemoSecondSite.Code)).Id.ToString();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await physician2.GetAsync($"/api/patients/{other}")).StatusCode);

        var granted = await admin.SubmitFormAsync("/admin/site-access", new() { ["Posted.UserId"] = userId, ["Posted.SiteId"] = siteId });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await physician2.GetAsync($"/api/patients/{other}")).StatusCode);

        Guid grantId;
        db = app.NewDb(out scope);
        using (scope)
        {
            grantId = (await db.StaffSiteAccess.SingleAsync(g => g.UserId == userId)).Id;
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SiteAccessGranted && e.EntityId == userId));
        }
        var html = await admin.GetStringAsync("/admin/site-access");
        var form = System.Text.RegularExpressions.Regex.Match(html, $"<form[^>]*>(?:(?!</form>)[\\s\\S])*value=\"{grantId}\"[\\s\\S]*?</form>").Value;
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"hidden\" name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["n"].Value), m => WebUtility.HtmlDecode(m.Groups["v"].Value));
        var revoked = await admin.PostAsync("/admin/site-access", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await physician2.GetAsync($"/api/patients/{other}")).StatusCode);
    }

    [Fact]
    public async Task SiteAccessPage_ForNonAdmin_IsDenied()
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var response = await client.GetAsync("/admin/site-access");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
