using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;
using RegenClinic.Backups;
using RegenClinic.Cli;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Backups;

/// <summary>One demo clinic per provider, seeded once for the class; every test backs it up on its own.</summary>
public sealed class SeededSources : IAsyncLifetime
{
    private readonly Dictionary<Provider, ScratchDatabase> sources = [];

    public ScratchDatabase this[Provider provider] => sources[provider];

    public async ValueTask InitializeAsync()
    {
        foreach (var provider in TestClinic.Providers().Select(row => row.Data))
        {
            var source = await ScratchDatabase.CreateAsync(provider);
            sources[provider] = source;
            var (code, _, error) = await BackupCommandTests.RunAsync(["db", "seed", "--demo", "--patients", "8", .. source.Args]);
            if (code != 0) throw new InvalidOperationException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources.Values) await source.DisposeAsync();
    }
}

/// <summary>The <c>backup</c>, <c>backup verify</c> and <c>restore</c> verbs against a seeded clinic, on SQLite and PostgreSQL.</summary>
public sealed partial class BackupCommandTests(SeededSources sources) : IClassFixture<SeededSources>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rc-backups-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    internal static async Task<(int Code, string Out, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(output, error, new FakeClock(Instant.FromUtc(2027, 1, 4, 9, 0))), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<string> BackupAsync(Provider provider)
    {
        var file = Path.Combine(folder, provider == Provider.Sqlite ? "clinic.db" : "clinic.dump");
        var (code, output, error) = await RunAsync(["backup", "--out", file, .. sources[provider].Args]);
        Assert.True(code == 0, output + error);
        return file;
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Backup_SeededClinic_IsVerifiedAndRestoresWithEqualCountsAndTheSameAuditHead(Provider provider)
    {
        var source = sources[provider];
        var file = Path.Combine(folder, "nightly.backup");

        var (code, output, error) = await RunAsync(["backup", "--out", file, .. source.Args]);

        Assert.True(code == 0, output + error);
        Assert.Contains("Backup VERIFIED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", output, StringComparison.Ordinal);
        var manifest = await BackupManifest.ReadAsync(file, TestContext.Current.CancellationToken);
        Assert.NotNull(manifest);
        Assert.Equal(await source.CountAsync("Patients"), manifest.Tables["Patients"]);
        Assert.True(manifest.Tables["Patients"] >= 8);
        Assert.Equal(await source.CountAsync("AuditEntries"), manifest.AuditHead!.Sequence);

        // A target that `db migrate` made holds only reference data: restore accepts it without --force.
        await using var target = await ScratchDatabase.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync(["db", "migrate", .. target.Args])).Code);
        (code, output, error) = await RunAsync(["restore", "--from", file, .. target.Args]);

        Assert.True(code == 0, output + error);
        Assert.Contains("Restore VERIFIED", output, StringComparison.Ordinal);
        foreach (var (table, rows) in manifest.Tables) Assert.Equal((table, rows), (table, await target.CountAsync(table)));
        (code, output, _) = await RunAsync(["audit", "verify", .. target.Args]);
        Assert.Equal(0, code);
        Assert.Contains($"intact: {manifest.AuditHead.Sequence} entries checked", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task BackupVerify_AuditRowEditedInTheBackupCopy_ReportsTheBrokenLinkAndExitsOne(Provider provider)
    {
        var file = await BackupAsync(provider);
        await EditBackupAsync(provider, file, """UPDATE "AuditEntries" SET "ActorName" = 'someone else' WHERE "Sequence" = 3""");

        var (code, output, _) = await RunAsync(["backup", "verify", file, .. sources[provider].Args]);

        Assert.Equal(1, code);
        Assert.Matches(@"audit chain\s+intact\s+BROKEN at sequence 3: row content does not match its hash \(edited\)\s+<-- MISMATCH", output);
        Assert.Matches(@"file sha-256\s+\S+\s+\S+\s+<-- MISMATCH", output);
        Assert.Contains("Backup FAILED verification", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task BackupVerify_ChartRowDeletedFromTheBackupCopy_ReportsThatTablesCount(Provider provider)
    {
        var file = await BackupAsync(provider);
        await EditBackupAsync(provider, file, """DELETE FROM "Observations" WHERE "Id" = (SELECT "Id" FROM "Observations" ORDER BY "Id" LIMIT 1)""");

        var (code, output, _) = await RunAsync(["backup", "verify", file, .. sources[provider].Args]);

        Assert.Equal(1, code);
        var row = ObservationsRow().Match(output);
        Assert.True(row.Success, output);
        Assert.Equal(long.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1,
            long.Parse(row.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"audit chain\s+intact\s+intact, \d+ entries\r?\n", output);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Restore_TargetHoldingRecords_IsRefusedWithoutForceAndUntouched_AndReplacedWithForce(Provider provider)
    {
        var file = await BackupAsync(provider);
        await using var target = await ScratchDatabase.CreateAsync(provider);
        Assert.Equal(0, (await RunAsync(["restore", "--from", file, .. target.Args])).Code);
        var observations = await target.CountAsync("Observations");
        await target.ScalarAsync("""DELETE FROM "Observations" WHERE "Id" = (SELECT "Id" FROM "Observations" ORDER BY "Id" LIMIT 1)""");

        var (code, output, error) = await RunAsync(["restore", "--from", file, .. target.Args]);

        Assert.Equal(1, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Restoring", output, StringComparison.Ordinal);
        Assert.Equal(observations - 1, await target.CountAsync("Observations"));

        (code, output, error) = await RunAsync(["restore", "--from", file, "--force", .. target.Args]);

        Assert.True(code == 0, output + error);
        Assert.Equal(observations, await target.CountAsync("Observations"));
    }

    [Fact]
    public async Task Restore_BackupChangedSinceItWasTaken_IsRefusedBeforeTheTargetIsTouched()
    {
        var file = await BackupAsync(Provider.Sqlite);
        await EditBackupAsync(Provider.Sqlite, file, """DELETE FROM "Observations" WHERE "Id" = (SELECT "Id" FROM "Observations" ORDER BY "Id" LIMIT 1)""");
        await using var target = await ScratchDatabase.CreateAsync(Provider.Sqlite);

        var (code, _, error) = await RunAsync(["restore", "--from", file, .. target.Args]);

        Assert.Equal(1, code);
        Assert.Contains("does not match its manifest", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target.Args[1], "regenclinic.db")));
    }

    [Fact]
    public async Task Backup_OutFileExists_IsRefusedAndTheFileKept()
    {
        var file = Path.Combine(folder, "kept.db");
        await File.WriteAllTextAsync(file, "earlier backup", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunAsync(["backup", "--out", file, .. sources[Provider.Sqlite].Args]);

        Assert.Equal(1, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("earlier backup", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    /// <summary>Changes the backup file itself: SQLite in place; a pg_dump archive by restoring, editing and dumping it again.</summary>
    private static async Task EditBackupAsync(Provider provider, string file, string sql)
    {
        if (provider == Provider.Sqlite)
        {
            await using var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
            await copy.OpenAsync();
            await using var command = copy.CreateCommand();
            command.CommandText = sql;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            return;
        }
        await using var scratch = await ScratchDatabase.CreateAsync(Provider.Postgres);
        var ct = TestContext.Current.CancellationToken;
        await PostgresBackup.RestoreAsync(file, scratch.ConnectionString, ct);
        await scratch.ScalarAsync(sql);
        File.Delete(file);
        await PgTools.RunAsync("pg_dump", scratch.ConnectionString, ["--format=custom", $"--file={file}"], ct);
    }

    [GeneratedRegex(@"rows Observations\s+(\d+)\s+(\d+)\s+<-- MISMATCH")]
    private static partial Regex ObservationsRow();
}
