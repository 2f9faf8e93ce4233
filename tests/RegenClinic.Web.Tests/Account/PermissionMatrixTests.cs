using System.Net;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Account;

/// <summary>docs/permissions.md, cell by cell for the foundation's pages and API routes.</summary>
public sealed class PermissionMatrixTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    public static TheoryData<string, string, bool> Cells()
    {
        var data = new TheoryData<string, string, bool>();
        (string Route, string[] Allowed)[] routes =
        [
            ("/", ["admin", "physician", "nurse", "operator", "frontdesk"]),
            ("/patients", ["admin", "physician", "nurse", "operator", "frontdesk"]),
            ("/patients/new", ["admin", "physician", "nurse", "frontdesk"]),
            ("/admin/audit", ["admin"]),
            ("/api/patients?q=a", ["admin", "physician", "nurse", "operator", "frontdesk"]),
            ("/openapi/v1.json", ["admin", "physician", "nurse", "operator", "frontdesk"]),
            ("/api/docs/v1", ["admin", "physician", "nurse", "operator", "frontdesk"]),
            ("/api/codes/icd10cm?q=M87", ["admin", "physician", "nurse", "operator", "frontdesk"]),
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
    public async Task Route_ForRole_IsAllowedOnlyByTheMatrix(string route, string role, bool allowed)
    {
        var client = await app.SignedInAsync($"{role}@regenclinic.demo");
        var response = await client.GetAsync(route);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else if (route.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/access-denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }
}
