using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RegenClinic.Web.Tests.Resilience;

/// <summary>
/// The built web app (RegenClinic.Web.dll of the same configuration as this test) in a process of its own, on a free
/// loopback port, with its own SQLite folder and the smallest demo clinic. <see cref="KillAsync"/> is SIGKILL on Linux.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly string dataFolder;
    private readonly Queue<string> lastLines = new();
    private Process? process;

    public AppProcess(string dataFolder)
    {
        this.dataFolder = dataFolder;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>tests/RegenClinic.Web.Tests/bin/{Configuration}/{tfm}/{rid}/ → src/RegenClinic.Web/bin/{Configuration}/{tfm}/{rid}/RegenClinic.Web.dll</summary>
    public static string AppDll()
    {
        var rid = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = rid.Parent!;
        var configuration = tfm.Parent!;
        for (var dir = configuration; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RegenClinic.slnx")))
                return Path.Combine(dir.FullName, "src", "RegenClinic.Web", "bin", configuration.Name, tfm.Name, rid.Name, "RegenClinic.Web.dll");
        }
        throw new InvalidOperationException("Run the test from inside the repository.");
    }

    /// <summary>Starts the app and waits until it serves the sign-in page (migrated, seeded on the first start).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        Launch();
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(300); await Task.Delay(50, ct))
        {
            if (process!.HasExited) throw new InvalidOperationException($"The web app exited with {process.ExitCode}: {Output}");
            try
            {
                if ((await http.GetAsync("/signin", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
        }
        throw new TimeoutException($"The web app did not serve /signin within 300 s: {Output}");
    }

    /// <summary>Starts the process without waiting: the caller's own requests find out when it listens.</summary>
    public void Launch()
    {
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = BaseAddress.ToString();
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataFolder"] = dataFolder;
        start.Environment["Demo__SeedOnFirstStart"] = "true";
        start.Environment["Demo__Patients"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown handlers, no flush, no checkpoint.</summary>
    public bool HasExited => process is null || process.HasExited;

    public async Task KillAsync()
    {
        if (process is null) return;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public string Output
    {
        get
        {
            lock (lastLines) return string.Join('\n', lastLines);
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            while (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    public void Dispose()
    {
        if (process is { HasExited: false }) process.Kill();
        process?.Dispose();
    }
}
