using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace RegenClinic.Benchmarks.Latency;

/// <summary>
/// End-to-end latencies of the hot paths at a given clinic size: seeds a database with the CLI, starts the real web app
/// as its own process on it, and times requests the way a browser makes them (cookie sign-in, one request at a time).
/// Usage: latency --provider sqlite|postgres [--admin "Host=..;Username=postgres;Database=postgres"] --patients 10000,100000
///        [--requests 300] [--port 5190]. Build Release first (see docs/PERFORMANCE.md).
/// </summary>
public static class LatencyBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var rows = new List<(int Patients, ScenarioResult Result)>();
        foreach (var patients in options.Patients)
        {
            await using var database = await BenchDatabase.CreateAsync(options, patients);
            await Tools.RunCliAsync(options, database, "db", "seed", "--demo", "--patients", patients.ToString(CultureInfo.InvariantCulture));
            await using (var app = await RunningApp.StartAsync(options, database))
            {
                var session = await BenchSession.OpenAsync(app.BaseAddress);
                foreach (var scenario in Scenarios.All)
                {
                    var result = await scenario.RunAsync(session, options.Requests);
                    rows.Add((patients, result));
                    Console.Out.WriteLine(Format(options.Provider, patients, result));
                }
            }
            var booking = await BookingCommit.RunAsync(database, options.Requests);
            rows.Add((patients, booking));
            Console.Out.WriteLine(Format(options.Provider, patients, booking));
        }
        Console.Out.WriteLine();
        Console.Out.WriteLine("| provider | patients | scenario | n | median ms | p95 ms | p99 ms | p95 vs smallest size |");
        Console.Out.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (patients, result) in rows)
        {
            var baseline = rows.First(r => r.Result.Name == result.Name).Result;
            var ratio = baseline.P95 > 0 && result.Measured ? $"{result.P95 / baseline.P95:0.00}×" : "";
            Console.Out.WriteLine(Format(options.Provider, patients, result) + $" {ratio} |");
        }
        return 0;
    }

    private static string Format(string provider, int patients, ScenarioResult r) => r.Measured
        ? string.Create(CultureInfo.InvariantCulture, $"| {provider} | {patients:N0} | {r.Name} | {r.Count} | {r.Median:0.0} | {r.P95:0.0} | {r.P99:0.0} |")
        : $"| {provider} | {patients:N0} | {r.Name} | not measured: {r.Note} | | | |";
}

public sealed record Options(string Provider, string? Admin, IReadOnlyList<int> Patients, int Requests, int Port, string Root)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var provider = Value("--provider", "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres")) throw new ArgumentException("--provider must be sqlite or postgres");
        var admin = Value("--admin", "");
        if (provider == "postgres" && admin.Length == 0) throw new ArgumentException("--admin (a PostgreSQL connection string that may create databases) is required for postgres");
        return new Options(provider, admin.Length > 0 ? admin : null,
            [.. Value("--patients", "10000").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))],
            int.Parse(Value("--requests", "300"), CultureInfo.InvariantCulture), int.Parse(Value("--port", "5190"), CultureInfo.InvariantCulture),
            Tools.RepositoryRoot());
    }
}

/// <summary>A fresh database for one size: a temp SQLite folder or a new PostgreSQL database, removed afterwards.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Options options;
    private string? folder, postgresName;

    private BenchDatabase(Options options) => this.options = options;

    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    public static async Task<BenchDatabase> CreateAsync(Options options, int patients)
    {
        var db = new BenchDatabase(options);
        if (options.Provider == "sqlite")
        {
            db.folder = Directory.CreateTempSubdirectory($"rc-bench-{patients}-").FullName;
            db.Environment = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["Database__DataFolder"] = db.folder };
            return db;
        }
        db.postgresName = $"rc_bench_{patients}_{Guid.NewGuid():N}"[..40];
        await using (var conn = new NpgsqlConnection(options.Admin))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {db.postgresName}", conn);
            await create.ExecuteNonQueryAsync();
        }
        db.Environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(options.Admin) { Database = db.postgresName }.ToString(),
        };
        return db;
    }

    /// <summary>The clinic's services on this database, for work done in process (seeding a client, timing a commit).</summary>
    public ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            Environment.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value)).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddClinic(configuration, Directory.GetCurrentDirectory());
        services.AddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null) Directory.Delete(folder, recursive: true);
        if (postgresName is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(options.Admin);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The Release web app in its own process, as it runs in production.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process process;

    private RunningApp(Process process, Uri baseAddress) => (this.process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    public static async Task<RunningApp> StartAsync(Options options, BenchDatabase database)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{options.Port}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(options.Root, "src/RegenClinic.Web/bin/Release/net10.0/linux-x64/RegenClinic.Web.dll")])
        {
            WorkingDirectory = Path.Combine(options.Root, "src/RegenClinic.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in database.Environment) start.Environment[k] = v;
        start.Environment["Urls"] = baseAddress.ToString();
        start.Environment["Demo__SeedOnFirstStart"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the web app");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[web] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(2); await Task.Delay(250))
        {
            if (process.HasExited) throw new InvalidOperationException($"the web app exited with {process.ExitCode}");
            try
            {
                if ((await http.GetAsync("/signin")).IsSuccessStatusCode) return new RunningApp(process, baseAddress);
            }
            catch (HttpRequestException) { }
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the web app did not serve /signin within 2 minutes");
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}

public static class Tools
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RegenClinic.slnx"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }

    public static async Task RunCliAsync(Options options, BenchDatabase database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(options.Root, "src/RegenClinic.Cli/bin/Release/net10.0/linux-x64/RegenClinic.Cli.dll"), .. args])
        {
            RedirectStandardOutput = true,
        };
        foreach (var (k, v) in database.Environment) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"CLI {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        Console.Error.WriteLine(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault());
    }
}
