using Npgsql;

namespace RegenClinic.Tests.TestKit;

/// <summary>Throwaway databases on the PostgreSQL server test.sh started (REGENCLINIC_TEST_POSTGRES).</summary>
internal static class TestPostgres
{
    public static string Admin => Environment.GetEnvironmentVariable("REGENCLINIC_TEST_POSTGRES") is { Length: > 0 } admin && admin != "unavailable"
        ? admin
        : throw new InvalidOperationException("test.sh could not start PostgreSQL; see its output.");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        return name;
    }

    public static string ConnectionTo(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Admin) { Database = database, Pooling = pooling }.ToString();

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
