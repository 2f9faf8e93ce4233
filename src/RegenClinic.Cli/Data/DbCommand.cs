using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Demo;
using Spectre.Console;

namespace RegenClinic.Cli.Data;

/// <summary><c>db migrate</c> and <c>db seed --demo</c> against the database the options (or Database__* variables) name.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var provider = new Option<string?>("--provider") { Description = "Sqlite (default) or Postgres; or Database__Provider", Recursive = true };
        var connection = new Option<string?>("--connection") { Description = "Connection string; or Database__ConnectionString", Recursive = true };
        var folder = new Option<string?>("--data-folder") { Description = "Folder of the SQLite file (default ./data); or Database__DataFolder", Recursive = true };
        var db = new Command("db", "Database maintenance: migrations and demo data");
        db.Add(provider);
        db.Add(connection);
        db.Add(folder);

        var migrate = new Command("migrate", "Apply all migrations of the configured provider");
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = Services(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder));
            await using var scope = services.CreateAsyncScope();
            await ClinicDbSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClinicDb>(), ct);
            await context.Out.WriteLineAsync("Database is at the latest migration.");
            return 0;
        });
        db.Add(migrate);

        var demo = new Option<bool>("--demo") { Description = "Seed the demo clinic (required: there is no other seed)" };
        var patients = new Option<int>("--patients") { Description = "Number of demo patients", DefaultValueFactory = _ => 200 };
        var seedValue = new Option<int>("--seed") { Description = "Random seed for reproducible data", DefaultValueFactory = _ => 2026 };
        var seed = new Command("seed", "Migrate, then seed an empty database with the demo clinic (progress shown)") { demo, patients, seedValue };
        seed.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(demo))
            {
                await context.Error.WriteLineAsync("db seed: say --demo (the only seed there is).");
                return 2;
            }
            var count = parse.GetValue(patients);
            if (count is < 1 or > 1_000_000)
            {
                await context.Error.WriteLineAsync("db seed: --patients must be between 1 and 1,000,000.");
                return 2;
            }
            await using var services = Services(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder));
            await using var scope = services.CreateAsyncScope();
            var clinicDb = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            await ClinicDbSetup.MigrateAsync(clinicDb, ct);
            scope.ServiceProvider.GetRequiredService<ClinicActor>().Name = $"cli:{Environment.UserName}";
            var seeder = scope.ServiceProvider.GetRequiredService<DemoClinic>();
            if (await seeder.IsSeededAsync(ct))
            {
                await context.Error.WriteLineAsync("db seed: the database already holds a clinic; seed an empty database.");
                return 1;
            }
            var watch = Stopwatch.StartNew();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
            await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Seeding demo patients", maxValue: count);
                await seeder.SeedAsync(count, new Progress<(int Done, int Total)>(p => task.Value = p.Done), parse.GetValue(seedValue), ct);
                task.Value = count;
            });
            await ClinicDbSetup.OptimiseAfterBulkLoadAsync(clinicDb, ct);
            await context.Out.WriteLineAsync($"Seeded {count} patients in {watch.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        db.Add(seed);
        return db;
    }

    internal static ServiceProvider Services(CliContext context, string? provider, string? connection, string? folder)
    {
        var overrides = new Dictionary<string, string?>();
        if (provider is not null) overrides["Database:Provider"] = provider;
        if (connection is not null) overrides["Database:ConnectionString"] = connection;
        if (folder is not null) overrides["Database:DataFolder"] = folder;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddClinic(configuration, Directory.GetCurrentDirectory());
        services.AddSingleton(context.Clock);
        return services.BuildServiceProvider();
    }
}
