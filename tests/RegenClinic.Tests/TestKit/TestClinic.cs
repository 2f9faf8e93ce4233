using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using RegenClinic.Audit;
using RegenClinic.Data;

namespace RegenClinic.Tests.TestKit;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// A world of its own for one test: the clinic's services on a fresh database (SQLite in memory, kept open; or a new
/// PostgreSQL database on the server test.sh started), a FakeClock and a named test actor.
/// </summary>
public sealed class TestClinic : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2027, 1, 4, 8, 0);
    private readonly ServiceProvider services;
    private readonly SqliteConnection? keepAlive;
    private readonly string? postgresDatabase;

    private TestClinic(ServiceProvider services, FakeClock clock, SqliteConnection? keepAlive, string? postgresDatabase)
    {
        this.services = services;
        Clock = clock;
        this.keepAlive = keepAlive;
        this.postgresDatabase = postgresDatabase;
    }

    public FakeClock Clock { get; }
    public IServiceProvider Services => services;

    /// <summary>SQLite always; PostgreSQL whenever test.sh has started a server (REGENCLINIC_TEST_POSTGRES).</summary>
    public static TheoryData<Provider> Providers()
    {
        var data = new TheoryData<Provider> { Provider.Sqlite };
        if (Environment.GetEnvironmentVariable("REGENCLINIC_TEST_POSTGRES") is { Length: > 0 }) data.Add(Provider.Postgres);
        return data;
    }

    public static async Task<TestClinic> CreateAsync(Provider provider, Action<IServiceCollection>? configure = null)
    {
        SqliteConnection? keepAlive = null;
        string? database = null;
        string connection;
        if (provider == Provider.Sqlite)
        {
            connection = $"Data Source=file:rc-{Guid.NewGuid():N}?mode=memory&cache=shared";
            keepAlive = new SqliteConnection(connection);
            await keepAlive.OpenAsync();
        }
        else
        {
            database = await TestPostgres.CreateDatabaseAsync("rc_test");
            connection = TestPostgres.ConnectionTo(database);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connection,
            ["Clinic:TimeZone"] = "Europe/Amsterdam",
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddClinic(configuration, Path.GetTempPath());
        configure?.Invoke(collection);
        var clock = new FakeClock(Start);
        collection.AddSingleton<IClock>(clock);
        var built = new TestClinic(collection.BuildServiceProvider(), clock, keepAlive, database);
        await using var scope = built.services.CreateAsyncScope();
        await ClinicDbSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClinicDb>());
        return built;
    }

    /// <summary>A scope acting as <paramref name="actor"/>: resolve use cases from it, one scope per request.</summary>
    public AsyncServiceScope Scope(string actor = "test@regenclinic.test")
    {
        var scope = services.CreateAsyncScope();
        var a = scope.ServiceProvider.GetRequiredService<ClinicActor>();
        a.UserId = actor;
        a.Name = actor;
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (keepAlive is not null) await keepAlive.DisposeAsync();
        if (postgresDatabase is not null) await TestPostgres.DropDatabaseAsync(postgresDatabase);
    }
}
