using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Web.Tests.TestKit;
using Task = System.Threading.Tasks.Task;

namespace RegenClinic.Web.Tests.Fhir;

/// <summary>A FHIR client from the npm registry (fhir-kit-client, run by Node) gets a token, creates, reads and searches over real HTTP:
/// a client nobody here wrote reads and writes through the API. tests/fhir-node holds the script and its lock file; test.sh runs
/// <c>npm ci</c> there first.</summary>
public sealed class FhirNodeClientTests(ListeningClinicApp app) : IClassFixture<ListeningClinicApp>
{
    private static string ScriptFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegenClinic.slnx"))) return Path.Combine(dir.FullName, "tests", "fhir-node");
        }
        throw new InvalidOperationException("run from inside the repository");
    }

    [Fact]
    public async Task FhirKitClient_TokenCreateReadSearchByIdentifier_RoundTripsThePatient()
    {
        var folder = ScriptFolder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "fhir-kit-client")), $"run `npm ci` in {folder} (test.sh does)");
        var (clientId, secret) = await app.RegisterClientAsync("system/Patient.read system/Patient.write", "Node registry");
        var start = new ProcessStartInfo("node", ["client.mjs", app.BaseUrl + "/fhir", clientId, secret])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {await error}");
        using var result = JsonDocument.Parse(await output);
        var r = result.RootElement;
        Assert.Equal("bearer", r.GetProperty("tokenType").GetString());
        Assert.Equal("4.0.1", r.GetProperty("fhirVersion").GetString());
        var id = r.GetProperty("createdId").GetString()!;
        Assert.Equal(id, r.GetProperty("readId").GetString());
        Assert.Equal("Knooppunt", r.GetProperty("readFamily").GetString());
        Assert.Equal("1984-09-17", r.GetProperty("readBirthDate").GetString());
        Assert.Equal("searchset", r.GetProperty("searchType").GetString());
        Assert.Equal(1, r.GetProperty("searchTotal").GetInt32());
        Assert.Equal([id], r.GetProperty("searchIds").EnumerateArray().Select(e => e.GetString()));

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.Patients.SingleAsync(p => p.Id == Guid.Parse(id));
            Assert.Equal(r.GetProperty("recordNumber").GetString(), stored.RecordNumber);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PatientId == stored.Id && a.ActorId == "client:" + clientId && a.Action == "create"));
        }
    }
}
