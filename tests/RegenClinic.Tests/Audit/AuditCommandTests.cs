using AuditEvent = Hl7.Fhir.Model.AuditEvent;
using Bundle = Hl7.Fhir.Model.Bundle;
using Hl7.Fhir.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using RegenClinic.Cli;

namespace RegenClinic.Tests.Audit;

/// <summary>The CLI's audit verbs against a real SQLite file seeded with the demo clinic.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("rc-audit-").FullName;
    private string DbFile => Path.Combine(folder, "regenclinic.db");

    public async ValueTask InitializeAsync()
    {
        var (code, _, error) = await RunAsync("db", "seed", "--demo", "--patients", "12", "--data-folder", folder);
        Assert.True(code == 0, error);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    internal static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(output, error, new FakeClock(Instant.FromUtc(2027, 1, 4, 9, 0))), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<long> ExecuteAsync(string sql)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={DbFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task AuditVerify_UntouchedTrail_ReportsIntactAndExitsZero()
    {
        var (code, output, _) = await RunAsync("audit", "verify", "--data-folder", folder);
        Assert.Equal(0, code);
        Assert.Contains("intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_RowEditedDirectlyInTheDatabase_ReportsThatRowAsTheFirstBrokenLink()
    {
        var rows = await ExecuteAsync("SELECT COUNT(*) FROM AuditEntries");
        Assert.True(rows >= 4);
        await ExecuteAsync("UPDATE AuditEntries SET ActorName = 'someone else' WHERE Sequence = 3");

        var (code, output, _) = await RunAsync("audit", "verify", "--data-folder", folder);

        Assert.Equal(1, code);
        Assert.Contains("BROKEN at sequence 3", output, StringComparison.Ordinal);
        Assert.Contains("edited", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_RowDeletedDirectlyInTheDatabase_ReportsTheMissingSequence()
    {
        await ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence = 2");
        var (code, output, _) = await RunAsync("audit", "verify", "--data-folder", folder);
        Assert.Equal(1, code);
        Assert.Contains("BROKEN at sequence 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditExportFhir_Ndjson_WritesOneValidAuditEventPerRowInSequenceOrder()
    {
        var rows = await ExecuteAsync("SELECT COUNT(*) FROM AuditEntries");
        var (code, output, _) = await RunAsync("audit", "export", "--fhir", "--data-folder", folder);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows, lines.Length);
        var deserializer = new FhirJsonDeserializer(new DeserializerSettings());
        var events = lines.Select(l => (AuditEvent)deserializer.DeserializeResource(l)).ToList();
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        Assert.All(events, e => Assert.NotNull(e.Recorded));
        Assert.Contains(events, e => e.Entity.Any(x => x.Detail.Any(d => d.Type == "hash")));
    }

    [Fact]
    public async Task AuditExportFhir_Bundle_IsOneCollectionBundle_AndWithoutFhirFlagIsRefused()
    {
        var (code, output, _) = await RunAsync("audit", "export", "--fhir", "--bundle", "--data-folder", folder);
        Assert.Equal(0, code);
        var bundle = (Bundle)new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(output);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.All(bundle.Entry, e => Assert.IsType<AuditEvent>(e.Resource));

        var (refused, _, error) = await RunAsync("audit", "export", "--data-folder", folder);
        Assert.Equal(2, refused);
        Assert.Contains("--fhir", error, StringComparison.Ordinal);
    }
}
