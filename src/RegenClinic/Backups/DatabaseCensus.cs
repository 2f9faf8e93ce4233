using System.Data.Common;
using System.Globalization;
using RegenClinic.Data;

namespace RegenClinic.Backups;

/// <summary>The last link of the audit chain: a restored copy must end on the same one.</summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    public override string ToString() => $"#{Sequence} {Hash[..Math.Min(12, Hash.Length)]}";
}

/// <summary>The row count of every table of a database and the head of its audit chain, read in one transaction.</summary>
public sealed record DatabaseCensus(IReadOnlyDictionary<string, long> Tables, AuditHead? AuditHead)
{
    /// <summary>
    /// Reads every base table the catalog lists (not only the model's: a table the model forgot must survive too).
    /// Table names come from the database's own catalog, never from input, and are quoted as identifiers.
    /// </summary>
    public static async Task<DatabaseCensus> TakeAsync(DbConnection connection, DatabaseProvider provider, DbTransaction? transaction, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        }

        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            tables[name] = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {Quote(name)}", ct), CultureInfo.InvariantCulture);
        }

        AuditHead? head = null;
        if (tables.TryGetValue("AuditEntries", out var audits) && audits > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""";
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) head = new AuditHead(reader.GetInt64(0), reader.GetString(1));
        }
        return new DatabaseCensus(tables, head);
    }

    /// <summary>
    /// True when the database holds anything beyond what <c>db migrate</c> writes by itself (the migration history,
    /// the reference treatment tables and the audit entries of that seeding): a restore over it would destroy records.
    /// </summary>
    public static async Task<bool> HoldsRecordsAsync(DbConnection connection, DatabaseCensus census, CancellationToken ct)
    {
        foreach (var (table, rows) in census.Tables)
        {
            if (rows == 0 || table is "__EFMigrationsHistory" or "TreatmentTables") continue;
            if (table != "AuditEntries") return true;
            var other = await ScalarAsync(connection, null, """SELECT COUNT(*) FROM "AuditEntries" WHERE "EntityType" <> 'TreatmentTableRecord'""", ct);
            if (Convert.ToInt64(other, CultureInfo.InvariantCulture) > 0) return true;
        }
        return false;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
