using System.Net;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Account;

public sealed class SignInTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task SignIn_DemoPhysician_RedirectsHomeAndAuditsSignIn()
    {
        var client = app.Client();
        var password = await client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = "physician@regenclinic.demo", ["Posted.Password"] = Browserless.Password });
        // A physician must pass the second factor (authenticator code) before the session starts.
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/signin/2fa", Browserless.PathOf(password), StringComparison.Ordinal);
        var response = await client.SubmitFormAsync("/signin/2fa", new() { ["Posted.Code"] = Browserless.CurrentDemoCode() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("id=\"sessions-h\"", html, StringComparison.Ordinal);
        // The demo books sessions from today on; on a weekend the dashboard shows the next day that has them.
        Assert.Contains("href=\"/patients/", html, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope)
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignIn && a.EntityId == "physician@regenclinic.demo"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndAuditsFailure()
    {
        var response = await app.Client().SubmitFormAsync("/signin", new() { ["Posted.Email"] = "nurse@regenclinic.demo", ["Posted.Password"] = "wrong-password-1!" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope)
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignInFailed && a.EntityId == "nurse@regenclinic.demo"));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var client = app.Client();
        for (var i = 0; i < 5; i++)
            await client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = "operator2@regenclinic.demo", ["Posted.Password"] = $"wrong-{i}-password!" });

        var response = await client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = "operator2@regenclinic.demo", ["Posted.Password"] = Browserless.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Account locked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_Page_RedirectsToSignIn()
    {
        var response = await app.Client().GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/signin", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_Api_Answers401()
    {
        var response = await app.Client().GetAsync("/api/patients?q=a");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignInPage_DutchCulture_IsInDutch()
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dnl%7Cuic%3Dnl");
        var html = await client.GetStringAsync("/signin");
        Assert.Contains("Aanmelden", html, StringComparison.Ordinal);
        Assert.Contains("Wachtwoord", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityHeaders_AreSetOnPages()
    {
        var response = await app.Client().GetAsync("/signin");
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
