using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Data;

namespace RegenClinic.Backups;

/// <summary>SQLite's online backup API: a page-by-page copy that is consistent while the app keeps writing.</summary>
internal static class SqliteBackup
{
    public static async Task<DatabaseCensus> BackupAsync(string connectionString, string outFile, CancellationToken ct)
    {
        var source = Unpooled(connectionString);
        if (!File.Exists(source.DataSource)) throw new BackupException($"There is no database at {source.DataSource}.");
        var partial = outFile + ".partial";
        File.Delete(partial);
        await using (var from = new SqliteConnection(source.ToString()))
        {
            await from.OpenAsync(ct);
            // One read transaction for the counts and the copy: in WAL mode a reader keeps one snapshot, so the manifest
            // describes exactly the pages copied even while the app commits new writes meanwhile.
            await using var read = from.BeginTransaction(deferred: true);
            var census = await DatabaseCensus.TakeAsync(from, DatabaseProvider.Sqlite, read, ct);
            await using (var to = new SqliteConnection(Unpooled($"Data Source={partial}").ToString()))
            {
                await to.OpenAsync(ct);
                from.BackupDatabase(to);
                // A backup is one self-contained file, not a database plus a WAL.
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;", ct);
            }
            await read.CommitAsync(ct);
            File.Move(partial, outFile);
            return census;
        }
    }

    /// <summary>Copies the backup file over the database <paramref name="targetConnectionString"/> names (the backup API, again).</summary>
    public static async Task RestoreAsync(string file, string targetConnectionString, CancellationToken ct)
    {
        await using var from = new SqliteConnection(ReadOnly(Unpooled($"Data Source={file}")));
        await from.OpenAsync(ct);
        await using var to = new SqliteConnection(Unpooled(targetConnectionString).ToString());
        await to.OpenAsync(ct);
        from.BackupDatabase(to);
    }

    /// <summary>Restores into a temporary file, inspects it, deletes it.</summary>
    public static async Task<RestoredCopy> RestoreIntoTemporaryAsync(string file, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"regenclinic-verify-{Guid.NewGuid():N}.db");
        try
        {
            await RestoreAsync(file, $"Data Source={temp}", ct);
            return await InspectAsync($"Data Source={temp}", ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(temp + suffix);
        }
    }

    public static async Task<RestoredCopy> InspectAsync(string connectionString, CancellationToken ct)
    {
        var unpooled = Unpooled(connectionString).ToString();
        await using var connection = new SqliteConnection(unpooled);
        await connection.OpenAsync(ct);
        var problems = new List<string>();
        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check;";
            await using var reader = await check.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) problems.Add(reader.GetString(0));
        }
        var census = await DatabaseCensus.TakeAsync(connection, DatabaseProvider.Sqlite, null, ct);
        await using var db = new SqliteClinicDb(new DbContextOptionsBuilder<SqliteClinicDb>().UseSqlite(unpooled).Options);
        var chain = await new VerifyAuditChain(db).HandleAsync(ct);
        return new RestoredCopy(census, string.Join("; ", problems), chain);
    }

    /// <summary>The target's census and whether it holds records; null when there is no file yet.</summary>
    public static async Task<(DatabaseCensus Census, bool HoldsRecords)?> CensusAsync(string connectionString, CancellationToken ct)
    {
        var builder = Unpooled(connectionString);
        if (!File.Exists(builder.DataSource)) return null;
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        var census = await DatabaseCensus.TakeAsync(connection, DatabaseProvider.Sqlite, null, ct);
        return (census, await DatabaseCensus.HoldsRecordsAsync(connection, census, ct));
    }

    /// <summary>The app runs in WAL mode; a restored file comes back in the backup's rollback-journal mode.</summary>
    public static async Task UseWalAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(Unpooled(connectionString).ToString());
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", ct);
    }

    private static SqliteConnectionStringBuilder Unpooled(string connectionString) => new(connectionString) { Pooling = false };

    private static string ReadOnly(SqliteConnectionStringBuilder builder)
    {
        builder.Mode = SqliteOpenMode.ReadOnly;
        return builder.ToString();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
