using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Demo;
using RegenClinic.Staff;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Security;

public sealed partial class TwoFactorTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<string> NewUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@regenclinic.test";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        Assert.True((await users.CreateAsync(user, Browserless.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    private async Task<(HttpClient Client, HttpResponseMessage Response)> PasswordOnlyAsync(string email)
    {
        var client = app.Client();
        var response = await client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = email, ["Posted.Password"] = Browserless.Password });
        return (client, response);
    }

    [Fact]
    public void Rfc6238_Sha1TestVector_GivesThePublishedCode()
    {
        // RFC 6238 Appendix B: key "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), T = 59 s → 94287082 (8 digits; 6 digits: 287082).
        Assert.Equal("287082", DemoAuthenticator.CodeAt("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59));
        Assert.Equal("081804", DemoAuthenticator.CodeAt("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1111111109));
    }

    [Fact]
    public async Task DemoAdmin_WithPasswordOnly_IsAskedForTheSecondFactor_AndAWrongCodeIsRefused()
    {
        var (client, response) = await PasswordOnlyAsync("admin@regenclinic.demo");
        Assert.StartsWith("/signin/2fa", Browserless.PathOf(response), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/audit")).StatusCode);

        var wrong = await client.SubmitFormAsync("/signin/2fa", new() { ["Posted.Code"] = Browserless.CurrentDemoCode() == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("wrong or has expired", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await client.SubmitFormAsync("/signin/2fa", new() { ["Posted.Code"] = Browserless.CurrentDemoCode() });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task NewPhysician_WithoutAuthenticator_IsForcedToEnrol_ThenGetsRecoveryCodesAndAccess()
    {
        var email = await NewUserAsync(Roles.Physician);
        var (client, response) = await PasswordOnlyAsync(email);
        Assert.Equal("/", Browserless.PathOf(response));

        var home = await client.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/authenticator", Browserless.PathOf(home));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/patients?q=a")).StatusCode);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/authenticator"));
        var key = KeyPattern().Match(page).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);
        var code = DemoAuthenticator.CodeAt(key, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var enrolled = await client.SubmitFormAsync("/account/authenticator", new() { ["Code"] = code });

        var html = await enrolled.Content.ReadAsStringAsync();
        Assert.Equal(10, Regex.Count(html, "<li><code>"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients")).StatusCode);
    }

    [Fact]
    public async Task Nurse_WithoutAuthenticator_SignsInWithPasswordOnly()
    {
        var email = await NewUserAsync(Roles.Nurse);
        var (client, response) = await PasswordOnlyAsync(email);
        Assert.Equal("/", Browserless.PathOf(response));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients")).StatusCode);
    }

    [GeneratedRegex("class=\"authenticator-key\">(?<key>[a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();
}
