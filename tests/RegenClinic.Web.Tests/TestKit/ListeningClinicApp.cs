using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Fhir;

namespace RegenClinic.Web.Tests.TestKit;

/// <summary>The real app on Kestrel on a free loopback port (real HTTP, for clients outside this process such as Node), with its own
/// SQLite folder and a small demo clinic; the background workers poll quickly.</summary>
public sealed class ListeningClinicApp : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("regenclinic-kestrel-").FullName;

    public ListeningClinicApp()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", folder);
        builder.UseSetting("Demo:SeedOnFirstStart", "true");
        builder.UseSetting("Demo:Patients", "30");
        builder.UseSetting("Fhir:ExportPollMilliseconds", "100");
    }

    public ClinicDb NewDb(out IServiceScope scope)
    {
        scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ClinicDb>();
    }

    /// <summary>Registers a system client as an Admin would; returns its id and the secret shown once.</summary>
    public async Task<(string ClientId, string Secret)> RegisterClientAsync(string scopes, string name = "Registry")
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ClinicActor>().Name = "admin@regenclinic.demo";
        var (client, secret) = await scope.ServiceProvider.GetRequiredService<ManageFhirClients>().RegisterAsync(name, scopes);
        return (client.ClientId, secret);
    }

    /// <summary>A plain HttpClient on the real port carrying a bearer token for a new client with <paramref name="scopes"/>.</summary>
    public async Task<HttpClient> BearerAsync(string scopes)
    {
        var (clientId, secret) = await RegisterClientAsync(scopes);
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var token = await http.PostAsync("/fhir/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>A cookie session on the real port (CreateClient would aim at port 80), with the demo second factor where needed.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };
        var response = await client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = email, ["Posted.Password"] = Browserless.Password });
        if (Browserless.PathOf(response).StartsWith("/signin/2fa", StringComparison.Ordinal))
            response = await client.SubmitFormAsync(Browserless.PathOf(response), new() { ["Posted.Code"] = Browserless.CurrentDemoCode() });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || Browserless.PathOf(response).StartsWith("/signin", StringComparison.Ordinal))
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
