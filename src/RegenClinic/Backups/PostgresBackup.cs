using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RegenClinic.Audit;
using RegenClinic.Data;

namespace RegenClinic.Backups;

/// <summary>pg_dump in custom format from an exported snapshot, so the census and the dump see the same transaction.</summary>
internal static class PostgresBackup
{
    public static async Task<DatabaseCensus> BackupAsync(string connectionString, string outFile, CancellationToken ct)
    {
        var partial = outFile + ".partial";
        File.Delete(partial);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var read = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, read))
        {
            snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        }
        var census = await DatabaseCensus.TakeAsync(connection, DatabaseProvider.Postgres, read, ct);
        await PgTools.RunAsync("pg_dump", connectionString, ["--format=custom", $"--snapshot={snapshot}", $"--file={partial}"], ct);
        await read.CommitAsync(ct);
        File.Move(partial, outFile);
        return census;
    }

    /// <summary>Replaces everything in the target database's public schema with the backup.</summary>
    public static async Task RestoreAsync(string file, string targetConnectionString, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(targetConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var clear = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection);
            await clear.ExecuteNonQueryAsync(ct);
        }
        NpgsqlConnection.ClearAllPools();
        await PgTools.RunAsync("pg_restore", targetConnectionString, ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", $"--dbname={new NpgsqlConnectionStringBuilder(targetConnectionString).Database}", file], ct);
    }

    /// <summary>Creates a temporary database on the same server, restores into it, inspects it and drops it.</summary>
    public static async Task<RestoredCopy> RestoreIntoTemporaryAsync(string file, string serverConnectionString, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false }.ToString();
        var name = $"regenclinic_verify_{Guid.NewGuid():N}";
        var temporary = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name, Pooling = false }.ToString();
        // The name is generated here (hex digits), never taken from input.
        await ExecuteAsync(maintenance, $"CREATE DATABASE {name}", ct);
        try
        {
            await PgTools.RunAsync("pg_restore", temporary, ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", $"--dbname={name}", file], ct);
            return await InspectAsync(temporary, ct);
        }
        finally
        {
            await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    public static async Task<RestoredCopy> InspectAsync(string connectionString, CancellationToken ct)
    {
        DatabaseCensus census;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            census = await DatabaseCensus.TakeAsync(connection, DatabaseProvider.Postgres, null, ct);
        }
        await using var db = new PostgresClinicDb(new DbContextOptionsBuilder<PostgresClinicDb>().UseNpgsql(connectionString).Options);
        var chain = await new VerifyAuditChain(db).HandleAsync(ct);
        return new RestoredCopy(census, null, chain);
    }

    public static async Task<(DatabaseCensus Census, bool HoldsRecords)> CensusAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var census = await DatabaseCensus.TakeAsync(connection, DatabaseProvider.Postgres, null, ct);
        return (census, await DatabaseCensus.HoldsRecordsAsync(connection, census, ct));
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
