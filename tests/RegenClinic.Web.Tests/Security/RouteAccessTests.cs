using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Security;

/// <summary>
/// docs/permissions.md for EVERY route of the running app (pages, /api, /fhir) × every role and anonymous. The route list comes
/// from the app's own EndpointDataSource, so a new route without a row in <see cref="RouteTable"/> (or without authorization
/// metadata) fails the first test. The other tests request every route over HTTP as each role: GET routes with real demo ids
/// (allowed: 200; denied: sign-in / access-denied redirect on pages, 401/403 on /api, 401/403 OperationOutcome on /fhir), and
/// every non-GET route for each role lacking its policy, without antiforgery token or valid body: refused before either matters.
/// </summary>
public sealed class RouteAccessTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    public static TheoryData<string> Roles() => new(["anonymous", .. RouteTable.Staff]);

    [Fact]
    public void EveryEndpoint_DeclaresItsAuthorization_AndHasARowInTheTable()
    {
        var actual = AppEndpoints();
        var expected = RouteTable.Rows.ToDictionary(r => r.Key, r => r.Policy, StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var (key, policy) in actual)
        {
            if (!expected.TryGetValue(key, out var want) && policy == RouteTable.None) failures.Add($"{key}: no authorization metadata (add RequireAuthorization/[Authorize] or an explicit AllowAnonymous)");
            else if (want is null) failures.Add($"{key}: not in RouteTable (declared policy '{policy}'); add its row and its cells in docs/permissions.md");
            else if (want != policy) failures.Add($"{key}: declares '{policy}', the table expects '{want}'");
        }
        foreach (var key in expected.Keys.Except(actual.Keys)) failures.Add($"{key}: in RouteTable but the app has no such endpoint");
        foreach (var row in RouteTable.Rows.Where(r => r.IsRead && r.Probes.Length == 0 && r.Policy != RouteTable.None)) failures.Add($"{row.Key}: a readable route without a probe URL");

        Assert.True(failures.Count == 0, $"{failures.Count} route problem(s):\n" + string.Join("\n", failures));
        Assert.True(actual.Count >= 100, $"only {actual.Count} endpoints found: is the data source the app's?");
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryReadRoute_ForRole_AllowedOrDeniedByTheMatrix(string role)
    {
        var ids = await DemoIds.LoadAsync(app);
        var client = await ClientAsync(role);
        var failures = new List<string>();
        var cells = 0;
        foreach (var row in RouteTable.Rows.Where(r => r.IsRead))
        {
            foreach (var probe in row.Probes)
            {
                var url = ids.Fill(probe.Url);
                var access = probe.Access ?? row.Policy;
                var allowed = RouteTable.Allowed[access].Contains(role);
                var response = await client.GetAsync(url);
                cells++;
                var problem = allowed ? await AllowedProblemAsync(response, probe.Status) : await DeniedProblemAsync(response, url, role);
                if (problem is not null) failures.Add($"GET {url} as {role}: expected {(allowed ? $"allowed ({probe.Status})" : "denied")} ({access}), got {problem}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells wrong for {role}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryWriteRoute_ForRoleWithoutItsPolicy_IsRefusedBeforeAntiforgeryAndBody(string role)
    {
        var ids = await DemoIds.LoadAsync(app);
        var client = await ClientAsync(role);
        var failures = new List<string>();
        // A route open to anonymous callers (sign-in, enquiry, patient links, the FHIR token) has nothing to deny at the route.
        foreach (var row in RouteTable.Rows.Where(r => r.WriteMethods.Length > 0 && r.Policy is not (RouteTable.None or RouteTable.Anonymous)))
        {
            foreach (var probe in row.WriteProbes)
            {
                var access = probe.Access ?? row.Policy;
                if (RouteTable.Allowed[access].Contains(role)) continue;
                var url = ids.Fill(probe.Url);
                foreach (var method in row.WriteMethods)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = BodyFor(url) };
                    var response = await client.SendAsync(request);
                    if (await DeniedProblemAsync(response, url, role) is { } problem)
                        failures.Add($"{method} {url} as {role}: expected denied ({access}), got {problem}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} write routes not refused for {role}:\n" + string.Join("\n", failures));
    }

    /// <summary>No antiforgery token and no valid body: a denied request must be refused before either is looked at.</summary>
    private static HttpContent BodyFor(string url) =>
        url.EndsWith("/telemetry", StringComparison.Ordinal) ? new StringContent("t,p\n", Encoding.UTF8, "text/csv")
        : url.StartsWith("/api", StringComparison.Ordinal) ? new StringContent("{}", Encoding.UTF8, "application/json")
        : url.StartsWith("/fhir", StringComparison.Ordinal)
            ? new StringContent("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Patient/x\"}}}]}", Encoding.UTF8, "application/fhir+json")
        : new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x", ["Posted.Reason"] = "probe" });

    private async Task<HttpClient> ClientAsync(string role) =>
        role == "anonymous" ? app.Client() : await app.SignedInAsync($"{role}@regenclinic.demo");

    /// <summary>404 stands for "not found" as a page says it (a redirect to /not-found) or an API does.</summary>
    private static async Task<string?> AllowedProblemAsync(HttpResponseMessage response, int status) =>
        (int)response.StatusCode == status
        || (status == 404 && response.StatusCode == HttpStatusCode.Redirect && Browserless.PathOf(response).StartsWith("/not-found", StringComparison.Ordinal))
            ? null : await DescribeAsync(response);

    private static async Task<string?> DeniedProblemAsync(HttpResponseMessage response, string url, string role)
    {
        var anonymous = role == "anonymous";
        if (url.StartsWith("/fhir", StringComparison.Ordinal))
        {
            var body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == (anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden) && body.Contains("\"OperationOutcome\"", StringComparison.Ordinal)
                ? null : await DescribeAsync(response);
        }
        if (url.StartsWith("/api/", StringComparison.Ordinal) || url == "/api")
            return response.StatusCode == (anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden) ? null : await DescribeAsync(response);
        var to = Browserless.PathOf(response);
        return response.StatusCode == HttpStatusCode.Redirect && to.StartsWith(anonymous ? "/signin?" : "/access-denied", StringComparison.Ordinal)
            ? null : await DescribeAsync(response);
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.Headers.Location is not null) return $"{status} → {Browserless.PathOf(response)}";
        var body = await response.Content.ReadAsStringAsync();
        return $"{status} {body[..Math.Min(120, body.Length)].ReplaceLineEndings(" ")}";
    }

    /// <summary>"METHOD pattern" (PAGE for a Razor component page, which answers GET and its form POSTs) → declared policy.</summary>
    private Dictionary<string, string> AppEndpoints()
    {
        using var _ = app.Client();
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (RouteTable.IsFrameworkAsset(endpoint)) continue;
            var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD").Order(StringComparer.Ordinal).ToArray() ?? ["*"];
            var key = $"{(page ? "PAGE" : string.Join(",", methods))} {endpoint.RoutePattern.RawText}";
            result[key] = DeclaredPolicy(endpoint);
        }
        return result;
    }

    private static string DeclaredPolicy(Microsoft.AspNetCore.Http.Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return RouteTable.Anonymous;
        var data = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (data.Count == 0) return endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null ? "policy-object" : RouteTable.None;
        if (data.Any(d => !string.IsNullOrEmpty(d.Roles))) return "roles:" + string.Join(",", data.Select(d => d.Roles));
        var policies = data.Select(d => d.Policy).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return policies.Count == 0 ? RouteTable.SignedIn : string.Join("+", policies);
    }
}

/// <summary>Real ids from the demo clinic, all of the demo staff's own site, for the route parameters.</summary>
internal sealed class DemoIds(Dictionary<string, string> values)
{
    public string Fill(string url)
    {
        foreach (var (k, v) in values) url = url.Replace("{" + k + "}", v, StringComparison.Ordinal);
        if (url.Contains('{', StringComparison.Ordinal)) throw new InvalidOperationException($"Unfilled route parameter in {url}");
        return url;
    }

    public static async Task<DemoIds> LoadAsync(ClinicAppFactory app)
    {
        using var _ = app.Client();
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var site = (await db.Sites.FirstAsync(s => s.Code == "AMS")).Id;
            var ofSite = db.Patients.Where(x => x.SiteId == site).Select(x => x.Id);
            var hbot = await db.Courses.Where(c => c.SiteId == site && c.Therapy == "hbot").OrderBy(c => c.Id).FirstAsync();
            var procedure = await db.ProcedureRecords.Where(p => ofSite.Contains(p.PatientId)).OrderBy(p => p.Id).FirstAsync();
            var condition = await db.Conditions.Where(c => ofSite.Contains(c.PatientId)).OrderBy(c => c.Id).FirstAsync();
            var screening = await db.Screenings.Where(s => ofSite.Contains(s.PatientId)).OrderBy(s => s.Id).FirstOrDefaultAsync();
            var followUp = await db.FollowUps.Where(f => ofSite.Contains(f.PatientId)).OrderBy(f => f.Id).FirstOrDefaultAsync();
            var appointment = await db.Appointments.Where(a => a.SiteId == site && a.Status == RegenClinic.Domain.Clinic.AppointmentStatus.Booked).OrderBy(a => a.Id).FirstAsync();
            var preset = await db.Presets.Where(p => !p.Retired).OrderBy(p => p.Id).FirstOrDefaultAsync();
            var enquiry = await db.Enquiries.Where(e => e.SiteId == site).OrderBy(e => e.Id).FirstOrDefaultAsync();
            var missing = new List<string>();
            string Id(string name, Guid? id)
            {
                if (id is null) missing.Add(name);
                return id?.ToString() ?? "";
            }
            var values = new Dictionary<string, string>
            {
                ["patient"] = hbot.PatientId.ToString(),
                ["hbotCourse"] = hbot.Id.ToString(),
                ["procedurePatient"] = procedure.PatientId.ToString(),
                ["procedureCourse"] = procedure.CourseId.ToString(),
                ["procedure"] = procedure.Id.ToString(),
                ["conditionPatient"] = condition.PatientId.ToString(),
                ["condition"] = condition.Id.ToString(),
                ["screeningPatient"] = Id("screening", screening?.PatientId),
                ["screening"] = Id("screening", screening?.Id),
                ["screeningTherapy"] = screening?.Therapy ?? "",
                ["chamber"] = (await db.Chambers.Where(c => c.SiteId == site).OrderBy(c => c.Id).FirstAsync()).Id.ToString(),
                ["followUp"] = Id("follow-up", followUp?.Id),
                ["preset"] = Id("preset", preset?.Id),
                ["appointment"] = appointment.Id.ToString(),
                ["staff"] = (await db.Users.Where(u => u.Email == "nurse@regenclinic.demo").SingleAsync()).Id,
                ["enquiry"] = Id("enquiry", enquiry?.Id),
                ["any"] = "0190a1b2-0000-7000-8000-000000000001",
            };
            if (missing.Count > 0) throw new InvalidOperationException("The demo clinic has no " + string.Join(", ", missing.Distinct()));
            return new DemoIds(values);
        }
    }
}
