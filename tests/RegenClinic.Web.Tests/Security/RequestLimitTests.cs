using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Security;

/// <summary>Rate limits on sign-in, the FHIR token endpoint and patient link pages; body size limits (docs/SECURITY.md T15, T16).</summary>
public sealed class RequestLimitTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string AddressHeader = "X-Test-Address";

    /// <summary>The app with a low sign-in and link limit; the test host has one address, so a header stands in for the client's.</summary>
    private WebApplicationFactory<Program> Limited(int perMinute) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Security:SignInAttemptsPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("Security:PublicLinkRequestsPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, AddressFromHeader>());
    });

    private static HttpClient From(WebApplicationFactory<Program> host, string address)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient client, string email) =>
        client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = email, ["Posted.Password"] = "not-the-password-1!" });

    [Fact]
    public async Task SignIn_MoreAttemptsFromOneAddressThanTheLimit_429LocalizedAndAudited()
    {
        using var host = Limited(3);
        var client = From(host, "203.0.113.10");
        // Three different (unknown) accounts: only the address limit can refuse the fourth.
        for (var i = 1; i <= 3; i++) Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(client, $"guess{i}@example.org")).StatusCode);

        var refused = await WrongPasswordAsync(client, "guess4@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // The page still opens (reading is not an attempt), and the refusal is in the user's language.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
        var dutch = From(host, "203.0.113.10");
        dutch.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("nl"));
        var page = await dutch.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var nl = await dutch.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "signin", ["Posted.Email"] = "guess5@example.org", ["Posted.Password"] = "x",
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, nl.StatusCode);
        Assert.Contains("Te veel aanmeldpogingen", await nl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another address is not affected.
        Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(From(host, "203.0.113.11"), "guess6@example.org")).StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var throttled = await db.AuditEntries.Where(a => a.Action == AuditActions.SignInThrottled).ToListAsync();
            var entry = Assert.Single(throttled, a => a.EntityId == "guess4@example.org" && a.Address == "203.0.113.10");
            // Exported as a failed user authentication, like a wrong password.
            Assert.Equal(Hl7.Fhir.Model.AuditEvent.AuditEventOutcome.N4, entry.ToFhir().Outcome);
            Assert.Equal("110114", entry.ToFhir().Type.Code);
        }
    }

    [Fact]
    public async Task SignIn_MoreAttemptsForOneAccountThanTheLimit_429EvenFromNewAddresses()
    {
        using var host = Limited(3);
        const string account = "Target@Example.org";
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(From(host, $"198.51.100.{i}"), i == 2 ? account.ToLowerInvariant() : account)).StatusCode);

        var refused = await WrongPasswordAsync(From(host, "198.51.100.9"), account);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // A different account from that same new address is fine.
        Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(From(host, "198.51.100.9"), "someone-else@example.org")).StatusCode);
    }

    [Fact]
    public async Task FhirToken_MoreRequestsThanTheLimit_429ProblemDetails()
    {
        using var host = Limited(2);
        var client = From(host, "192.0.2.50");
        Task<HttpResponseMessage> PostAsync() => client.PostAsync("/fhir/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "no-such-client", ["client_secret"] = "guess",
        }));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostAsync()).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostAsync()).StatusCode);

        var refused = await PostAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/q/not-a-real-token")]
    [InlineData("/calendar/not-a-real-token")]
    [InlineData("/calendar/not-a-real-token/feed.ics")]
    public async Task PatientLink_MoreAnonymousRequestsThanTheLimit_429(string path)
    {
        using var host = Limited(3);
        var client = From(host, "192.0.2.77");
        for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync(path)).StatusCode);

        var refused = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests from this address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await From(host, "192.0.2.78").GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task DefaultTestFactory_ManySignIns_NeverThrottled()
    {
        // The generous setting of ClinicAppFactory keeps the other test classes (one shared address) unaffected.
        for (var i = 0; i < 15; i++) Assert.Equal(HttpStatusCode.OK, (await WrongPasswordAsync(app.Client(), $"many{i}@example.org")).StatusCode);
    }

    [Fact]
    public async Task ApiBody_OverOneMegabyte_413ProblemDetails_UnderIt_ReachesTheHandler()
    {
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var big = await nurse.PostAsync("/api/patients", Json(1_100_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too large", await big.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var small = await nurse.PostAsync("/api/patients", Json(900_000));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode);
    }

    [Fact]
    public async Task Telemetry_TwoMegabytesAllowed_MoreRefused413()
    {
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var dive = Guid.NewGuid();
        var under = await nurse.PostAsync($"/api/hyperbaric/dives/{dive}/telemetry", Csv(1_900_000));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, under.StatusCode);
        Assert.True((int)under.StatusCode < 500, $"{(int)under.StatusCode}");

        var over = await nurse.PostAsync($"/api/hyperbaric/dives/{dive}/telemetry", Csv(2_200_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
    }

    [Fact]
    public async Task FhirTransaction_TenMegabytesAllowed_MoreRefused413AsOperationOutcome()
    {
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var under = await nurse.PostAsync("/fhir", Fhir(9_000_000));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, under.StatusCode);
        Assert.True((int)under.StatusCode < 500, $"{(int)under.StatusCode}");

        var over = await nurse.PostAsync("/fhir", Fhir(10_600_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("OperationOutcome", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageForm_OverTheLimit_413Text_NotA500()
    {
        var client = app.Client();
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Posted.Email"] = "nurse@regenclinic.demo", ["Posted.Password"] = new string('x', 1_100_000),
        }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The request is too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageForm_TooManyFields_413_NotA500()
    {
        var fields = Enumerable.Range(0, 1500).ToDictionary(i => $"f{i}", i => "v");
        var response = await app.Client().PostAsync("/signin", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Json(int bytes) =>
        new("{\"familyName\":\"" + new string('a', bytes) + "\"}", Encoding.UTF8, "application/json");

    private static StringContent Csv(int bytes) => new(new string('9', bytes), Encoding.UTF8, "text/csv");

    private static StringContent Fhir(int bytes) =>
        new("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"id\":\"" + new string('a', bytes) + "\"}", Encoding.UTF8, "application/fhir+json");

    /// <summary>Sets the connection's remote address from a request header, so one test host can play several clients.</summary>
    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[AddressHeader].FirstOrDefault() is { } value) context.Connection.RemoteIpAddress = IPAddress.Parse(value);
                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}
