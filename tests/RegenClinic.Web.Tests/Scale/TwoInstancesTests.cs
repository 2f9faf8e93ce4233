using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Data;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Scale;

/// <summary>Issue 9: two app instances on one PostgreSQL database behave as one clinic.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task TwoInstances_StartingTogetherOnAnEmptyDatabase_MigrateAndSeedTheClinicOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var a = new PostgresClinicApp(database);
        await using var b = new PostgresClinicApp(database);

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        using var scope = a.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.Equal(1, await db.Sites.CountAsync());
        Assert.Equal(12, await db.Patients.CountAsync());
    }

    [Fact]
    public async Task SignInAndWrites_ThroughOneInstance_AreHonouredAndSeenByTheOther()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var a = new PostgresClinicApp(database);
        _ = a.Server;
        await using var b = new PostgresClinicApp(database);
        var cookie = await SignInCookieAsync(a, "nurse@regenclinic.demo");
        var throughA = WithCookie(a, cookie);
        var throughB = WithCookie(b, cookie);

        var created = await throughA.PostAsJsonAsync("/api/patients", new
        {
            familyName = "Tweemaal", givenName = "Instance", birthDate = "1961-03-04", sex = "female",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // B honours the cookie A issued (the data-protection keys live in the shared database) and sees A's write.
        var seen = await throughB.GetAsync($"/api/patients/{id}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("Tweemaal", (await seen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patient").GetProperty("familyName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.Client().GetAsync($"/api/patients/{id}")).StatusCode);
    }

    private static HttpClient WithCookie(PostgresClinicApp app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Signs in without a cookie jar, so the cookies can be carried to the other instance by hand.</summary>
    private static async Task<string> SignInCookieAsync(PostgresClinicApp app, string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/signin");
        var antiforgery = Cookies(page);
        var html = await page.Content.ReadAsStringAsync();
        var form = Regex.Matches(html, "<form[^>]*method=\"post\"[\\s\\S]*?</form>").Select(m => m.Value).First(f => f.Contains("Posted.Email", StringComparison.Ordinal));
        var fields = Regex.Matches(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Posted.Email"] = email;
        fields["Posted.Password"] = Browserless.Password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return antiforgery + "; " + Cookies(signedIn);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
