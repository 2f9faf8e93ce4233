using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;

namespace RegenClinic.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Database:Provider and Database:ConnectionString (or Database:DataFolder for the embedded SQLite file).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Database");
        var provider = Enum.TryParse<DatabaseProvider>(section["Provider"] ?? "Sqlite", ignoreCase: true, out var p)
            ? p : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{section["Provider"]}'.");
        var connection = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres) throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL.");
            var folder = Path.GetFullPath(section["DataFolder"] ?? "data", contentRoot);
            Directory.CreateDirectory(folder);
            connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "regenclinic.db"), Pooling = true }.ToString();
        }
        return new DatabaseOptions(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(typeof(ClinicDb).Assembly.FullName).MigrationsHistoryTable("__EFMigrationsHistory"));
        else
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(typeof(ClinicDb).Assembly.FullName));
    }
}

public static class ClinicDbSetup
{
    public static IServiceCollection AddClinicDb(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddScoped<ClinicActor>();
        services.AddSingleton<AuditInterceptor>();
        // Pooled: building a context and its options per request was a sixth of a FHIR read. The only way to a context is
        // the scoped ClinicDb below, which leases it for this scope's actor; the pool is not reachable on its own.
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddPooledDbContextFactory<SqliteClinicDb>((sp, o) => { database.Configure(o); o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), SqlitePragmas.Instance); });
            services.AddScoped<ClinicDb>(sp => sp.GetRequiredService<IDbContextFactory<SqliteClinicDb>>().CreateDbContext().Lease(sp.GetRequiredService<ClinicActor>()));
        }
        else
        {
            services.AddPooledDbContextFactory<PostgresClinicDb>((sp, o) => { database.Configure(o); o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>()); });
            services.AddScoped<ClinicDb>(sp => sp.GetRequiredService<IDbContextFactory<PostgresClinicDb>>().CreateDbContext().Lease(sp.GetRequiredService<ClinicActor>()));
        }
        return services;
    }

    /// <summary>After a bulk load: fresh statistics for the planner and, on PostgreSQL, a visibility map so that
    /// index-only scans (search counts) need not visit the table, which autovacuum would otherwise provide only later.</summary>
    public static async Task OptimiseAfterBulkLoadAsync(ClinicDb db, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "ANALYZE;" : "VACUUM ANALYZE;", cancellationToken);

    /// <summary>Applies the migrations of the configured provider. WAL with synchronous=FULL keeps every acknowledged clinical write.</summary>
    public static async Task MigrateAsync(ClinicDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await Hyperbaric.StoredTreatmentTables.SeedReferenceAsync(db, cancellationToken);
    }
}

/// <summary>Per-connection SQLite settings: durability of acknowledged writes and a wait instead of an immediate "database is locked".</summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>The native connections that already have the settings. They belong to the native connection, which the
    /// connection pool keeps open between uses, so each gets them once rather than on every open (once per query).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Applied = [];
    private static readonly object Done = new();

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native } && Applied.TryGetValue(native, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384;";
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened }) Applied.AddOrUpdate(opened, Done);
    }
}

/// <summary>Lets `dotnet ef migrations add X --context SqliteClinicDb|PostgresClinicDb` build the model without the web host.</summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteClinicDb>
{
    public SqliteClinicDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClinicDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresClinicDb>
{
    public PostgresClinicDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClinicDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
