using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Backups;

/// <summary>An empty database of its own (a SQLite folder, or a new PostgreSQL database on the test server) and the CLI
/// options that name it.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? postgresDatabase;

    private ScratchDatabase(Provider provider, string connectionString, string[] args, string? folder, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Args = args;
        this.folder = folder;
        this.postgresDatabase = postgresDatabase;
    }

    public Provider Provider { get; }
    public string ConnectionString { get; }
    public string[] Args { get; }

    public static async Task<ScratchDatabase> CreateAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("rc-backup-").FullName;
            return new ScratchDatabase(provider, $"Data Source={Path.Combine(dir, "regenclinic.db")};Pooling=False", ["--data-folder", dir], dir, null);
        }
        var name = await TestPostgres.CreateDatabaseAsync("rc_backup");
        var connection = TestPostgres.ConnectionTo(name, pooling: false);
        return new ScratchDatabase(provider, connection, ["--provider", "Postgres", "--connection", connection], null, name);
    }

    public async Task<long> CountAsync(string table) =>
        Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM \"{table}\""), CultureInfo.InvariantCulture);

    public async Task<object?> ScalarAsync(string sql)
    {
        if (Provider == Provider.Sqlite)
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync();
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, pg);
        return await pgCommand.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
        if (postgresDatabase is not null) await TestPostgres.DropDatabaseAsync(postgresDatabase);
    }
}
