using System.Diagnostics;
using Npgsql;

namespace RegenClinic.Backups;

/// <summary>
/// Runs pg_dump and pg_restore against the server a connection string names. The connection travels in PG*
/// environment variables, so a password never appears on a command line (where `ps` would show it).
/// </summary>
internal static class PgTools
{
    public static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Locate(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.Host is { } host) start.Environment["PGHOST"] = host;
        start.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (b.Username is { } user) start.Environment["PGUSER"] = user;
        if (b.Password is { } password) start.Environment["PGPASSWORD"] = password;
        if (b.Database is { } database) start.Environment["PGDATABASE"] = database;
        start.Environment["PGSSLMODE"] = b.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        using var process = Process.Start(start) ?? throw new BackupException($"Could not start {tool}.");
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}".Trim());
    }

    /// <summary>On PATH first (Debian's wrapper picks the version matching the server), else the newest under /usr/lib/postgresql.</summary>
    public static string Locate(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault(File.Exists);
            if (newest is not null) return newest;
        }
        throw new BackupException($"{tool} was not found on PATH nor under {debian}/*/bin; install the PostgreSQL client tools.");
    }
}
