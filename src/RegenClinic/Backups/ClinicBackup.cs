using System.Text;
using Microsoft.Data.Sqlite;
using NodaTime;
using RegenClinic.Data;

namespace RegenClinic.Backups;

/// <summary>
/// Backup, verification and restore of the configured database. Every backup is verified by restoring it into a
/// temporary database and comparing every table's row count and the audit chain with what the source held.
/// </summary>
public sealed class ClinicBackup(DatabaseOptions database, IClock clock)
{
    public async Task<BackupReport> BackupAsync(string outFile, Action<string> progress, CancellationToken ct = default)
    {
        outFile = Path.GetFullPath(outFile);
        if (File.Exists(outFile)) throw new BackupException($"{outFile} already exists; a backup never overwrites another.");
        Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
        progress($"Backing up the {database.Provider} database to {outFile} ({(database.Provider == DatabaseProvider.Sqlite ? "online backup API" : "pg_dump, custom format")})…");
        var started = clock.GetCurrentInstant();
        var census = database.Provider == DatabaseProvider.Sqlite
            ? await SqliteBackup.BackupAsync(database.ConnectionString, outFile, ct)
            : await PostgresBackup.BackupAsync(database.ConnectionString, outFile, ct);
        var manifest = BackupManifest.Describe(outFile, database.Provider, started, census);
        await manifest.WriteAsync(outFile, ct);
        progress($"Written {manifest.Bytes:N0} bytes: {census.Tables.Count} tables, {census.Tables.Values.Sum():N0} rows, audit head {census.AuditHead?.ToString() ?? "none"}.");
        progress($"Manifest {BackupManifest.PathFor(outFile)}.");
        return await VerifyAsync(outFile, progress, ct);
    }

    /// <summary>Restores <paramref name="file"/> into a temporary database (SQLite: a temporary file; PostgreSQL: a database
    /// created and dropped on the configured server) and compares it with its manifest.</summary>
    public async Task<BackupReport> VerifyAsync(string file, Action<string> progress, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) throw new BackupException($"There is no backup at {file}.");
        var manifest = await BackupManifest.ReadAsync(file, ct);
        var provider = manifest?.Provider ?? Sniff(file);
        progress("Computing the file's SHA-256…");
        var checksum = BackupManifest.Checksum(file);
        progress($"Restoring into a temporary {provider} database and verifying it…");
        RestoredCopy copy;
        if (provider == DatabaseProvider.Sqlite)
        {
            copy = await SqliteBackup.RestoreIntoTemporaryAsync(file, ct);
        }
        else
        {
            if (database.Provider != DatabaseProvider.Postgres)
                throw new BackupException("A PostgreSQL backup is verified on a PostgreSQL server: give --provider Postgres and --connection (or Database__* variables).");
            copy = await PostgresBackup.RestoreIntoTemporaryAsync(file, database.ConnectionString, ct);
        }
        return BackupReport.Compare(file, manifest, checksum, copy);
    }

    /// <summary>Restores into the configured database. Refuses a backup whose file no longer matches its manifest, and a
    /// target that holds records unless <paramref name="force"/>; afterwards verifies the target like a backup.</summary>
    public async Task<BackupReport> RestoreAsync(string file, bool force, Action<string> progress, CancellationToken ct = default)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) throw new BackupException($"There is no backup at {file}.");
        var manifest = await BackupManifest.ReadAsync(file, ct)
            ?? throw new BackupException($"{BackupManifest.PathFor(file)} is missing: without it the restore cannot be verified. Keep the manifest beside its backup.");
        if (manifest.Provider != database.Provider)
            throw new BackupException($"The backup is of a {manifest.Provider} database; the configured database is {database.Provider}.");
        progress("Checking the file against its manifest…");
        var checksum = BackupManifest.Checksum(file);
        if (checksum != manifest.Sha256)
            throw new BackupException($"{file} does not match its manifest (SHA-256 {checksum[..16]}…, manifest {manifest.Sha256[..16]}…): it changed after the backup. Run `backup verify` for details.");

        progress("Inspecting the target database…");
        var target = database.Provider == DatabaseProvider.Sqlite
            ? await SqliteBackup.CensusAsync(database.ConnectionString, ct)
            : await PostgresBackup.CensusAsync(database.ConnectionString, ct);
        if (target is { HoldsRecords: true } && !force)
        {
            var rows = target.Value.Census.Tables.Values.Sum();
            throw new BackupException($"The target database is not empty ({rows:N0} rows, audit head {target.Value.Census.AuditHead?.ToString() ?? "none"}); restore refuses to overwrite it. Stop the app, back the target up, and repeat with --force.");
        }

        progress($"Restoring {file} into the configured {database.Provider} database…");
        RestoredCopy copy;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            await SqliteBackup.RestoreAsync(file, database.ConnectionString, ct);
            await SqliteBackup.UseWalAsync(database.ConnectionString, ct);
            progress("Verifying the restored database…");
            copy = await SqliteBackup.InspectAsync(database.ConnectionString, ct);
        }
        else
        {
            await PostgresBackup.RestoreAsync(file, database.ConnectionString, ct);
            progress("Verifying the restored database…");
            copy = await PostgresBackup.InspectAsync(database.ConnectionString, ct);
        }
        return BackupReport.Compare(file, manifest, checksum, copy);
    }

    /// <summary>Without a manifest the file's own header says what it is.</summary>
    private static DatabaseProvider Sniff(string file)
    {
        var header = new byte[16];
        using (var stream = File.OpenRead(file)) stream.ReadExactly(header, 0, Math.Min(header.Length, (int)Math.Min(stream.Length, 16)));
        var text = Encoding.ASCII.GetString(header);
        if (text.StartsWith("SQLite format 3", StringComparison.Ordinal)) return DatabaseProvider.Sqlite;
        if (text.StartsWith("PGDMP", StringComparison.Ordinal)) return DatabaseProvider.Postgres;
        throw new BackupException($"{file} is neither a SQLite database nor a pg_dump custom-format archive.");
    }
}
