using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace RegenClinic.Web.Tests.TestKit;

/// <summary>A new PostgreSQL database on the server test.sh started, dropped when the test ends.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string admin;

    private PostgresDatabase(string admin, string name) => (this.admin, Name) = (admin, name);

    public string Name { get; }
    public string ConnectionString => new NpgsqlConnectionStringBuilder(admin) { Database = Name }.ToString();

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("REGENCLINIC_TEST_POSTGRES");
        if (admin is null or "" or "unavailable")
            throw new InvalidOperationException("This test needs the PostgreSQL server that ./test.sh starts (REGENCLINIC_TEST_POSTGRES).");
        var database = new PostgresDatabase(admin, $"rc_web_{Guid.NewGuid():N}");
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database.Name}", conn);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>One instance of the real app on a shared PostgreSQL database, as behind a load balancer.</summary>
public sealed class PostgresClinicApp(PostgresDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstStart", "true");
        builder.UseSetting("Demo:Patients", "12");
        // Generous limits: every test class signs in many times from the test host's one address; RequestLimitTests sets its own.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Security:PublicLinkRequestsPerMinute", "100000");
    }
}
