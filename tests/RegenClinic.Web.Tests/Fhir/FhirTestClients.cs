using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Fhir;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Fhir;

/// <summary>What the FHIR API tests share: FHIR JSON bodies and answers, and system clients with a bearer token.</summary>
internal static class FhirTestClients
{
    public static StringContent Json(Resource resource) => new(FhirJson.Serialize(resource), Encoding.UTF8, FhirJson.MediaType);

    public static async Task<T> Read<T>(HttpResponseMessage response) where T : Resource =>
        FhirJson.Parse(await response.Content.ReadAsStringAsync()) as T ?? throw new InvalidOperationException(await response.Content.ReadAsStringAsync());

    /// <summary>Registers a system client with <paramref name="scopes"/> (as the admin would) and returns its id and access token.</summary>
    public static async Task<(string ClientId, string Token)> FhirClientTokenAsync(this ClinicAppFactory app, string scopes)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ClinicActor>().Name = "admin@regenclinic.demo";
        var (client, secret) = await scope.ServiceProvider.GetRequiredService<ManageFhirClients>().RegisterAsync("Registry", scopes);
        var token = await app.Client().PostAsync("/fhir/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        return (client.ClientId, (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
    }

    public static async Task<HttpClient> BearerAsync(this ClinicAppFactory app, string scopes) => app.Bearer((await app.FhirClientTokenAsync(scopes)).Token);

    public static HttpClient Bearer(this ClinicAppFactory app, string token)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static FhirClient Firely(HttpClient http) =>
        new(new Uri(http.BaseAddress!, "/fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });
}
