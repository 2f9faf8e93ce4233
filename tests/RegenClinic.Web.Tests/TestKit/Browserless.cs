using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RegenClinic.Web.Tests.TestKit;

/// <summary>Drives the server-rendered forms over HTTP as a browser would: GET the page, keep its hidden fields, POST.</summary>
public static partial class Browserless
{
    public const string Password = RegenClinic.Demo.DemoClinic.DemoPassword;

    public static HttpClient Client(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(this WebApplicationFactory<Program> app, string email)
    {
        var client = app.Client();
        var response = await client.SubmitFormAsync("/signin", new() { ["Posted.Email"] = email, ["Posted.Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (PathOf(response).StartsWith("/signin/2fa", StringComparison.Ordinal))
        {
            // Admin and Physician: the demo authenticator key (README) gives the current RFC 6238 code.
            response = await client.SubmitFormAsync(PathOf(response), new() { ["Posted.Code"] = CurrentDemoCode() });
            if (response.StatusCode != HttpStatusCode.Redirect || PathOf(response).StartsWith("/signin", StringComparison.Ordinal))
                throw new InvalidOperationException($"Second factor for {email} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>The redirect target as a local path and query, whether the app sent it absolute or relative.</summary>
    public static string PathOf(HttpResponseMessage response) => response.Headers.Location is not { } l ? ""
        : l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString;

    public static string CurrentDemoCode() =>
        RegenClinic.Demo.DemoAuthenticator.CodeAt(RegenClinic.Demo.DemoAuthenticator.Key, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    /// <summary>Fetches <paramref name="path"/>, takes the hidden fields of its form (antiforgery token, Blazor's _handler) and posts them with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string path, Dictionary<string, string> fields, string? formAction = null)
    {
        var page = await client.GetStringAsync(path);
        var form = FormPattern().Matches(page).Select(m => m.Value).FirstOrDefault(f => !f.Contains("action=\"/culture\"", StringComparison.Ordinal) && !f.Contains("action=\"/signout\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form on {path}");
        var values = HiddenPattern().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (k, v) in fields) values[k] = v;
        return await client.PostAsync(formAction ?? path, new FormUrlEncodedContent(values));
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
