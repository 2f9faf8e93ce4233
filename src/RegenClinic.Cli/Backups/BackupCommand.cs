using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Backups;
using RegenClinic.Data;

namespace RegenClinic.Cli.Backups;

/// <summary>
/// <c>backup --out FILE</c> (then verified by a restore into a temporary database) and <c>backup verify FILE</c>.
/// Exit 0 verified, 1 a mismatch or a failure, 2 a usage error.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var (provider, connection, folder) = Fhir.ImportCommand.DatabaseOptions();
        // `backup verify FILE` takes them too.
        provider.Recursive = connection.Recursive = folder.Recursive = true;
        var output = new Option<string?>("--out") { Description = "The backup file to write (never overwritten); its manifest is written beside it as FILE.manifest.json" };
        var backup = new Command("backup", "Back up the database (SQLite online backup; pg_dump custom format) and verify the copy by restoring it")
        {
            provider, connection, folder, output,
        };
        backup.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(output) is not { Length: > 0 } file)
            {
                await context.Error.WriteLineAsync("backup: say --out FILE (or `backup verify FILE`).");
                return 2;
            }
            return await RunAsync(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder),
                (b, progress, token) => b.BackupAsync(file, progress, token), "Backup", ct);
        });

        var file = new Argument<string>("file") { Description = "A backup written by `backup --out` (its manifest beside it)" };
        var verify = new Command("verify", "Restore a backup into a temporary database and compare it with its manifest") { file };
        verify.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            return await RunAsync(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder),
                (b, progress, token) => b.VerifyAsync(path, progress, token), "Backup", ct);
        });
        backup.Add(verify);
        return backup;
    }

    internal static async Task<int> RunAsync(CliContext context, string? provider, string? connection, string? folder,
        Func<ClinicBackup, Action<string>, CancellationToken, Task<BackupReport>> work, string subject, CancellationToken ct)
    {
        try
        {
            await using var services = Data.DbCommand.Services(context, provider, connection, folder);
            var clinicBackup = new ClinicBackup(services.GetRequiredService<DatabaseOptions>(), context.Clock);
            var report = await work(clinicBackup, line => context.Out.WriteLine("  " + line), ct);
            await WriteAsync(context.Out, report, subject);
            return report.Ok ? 0 : 1;
        }
        catch (Exception e) when (e is BackupException or DbException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"{subject.ToLowerInvariant()}: {e.Message}");
            return 1;
        }
    }

    private static async Task WriteAsync(TextWriter output, BackupReport report, string subject)
    {
        var width = Math.Max(16, report.Checks.Max(c => c.Subject.Length));
        var expectedWidth = Math.Max(8, report.Checks.Max(c => c.Expected.Length));
        await output.WriteLineAsync($"Verification of {report.File}:");
        await output.WriteLineAsync($"  {"check".PadRight(width)}  {"expected".PadRight(expectedWidth)}  found");
        foreach (var check in report.Checks)
        {
            await output.WriteLineAsync($"  {check.Subject.PadRight(width)}  {check.Expected.PadRight(expectedWidth)}  {check.Found}{(check.Ok ? "" : "   <-- MISMATCH")}");
        }
        var failed = report.Checks.Count(c => !c.Ok);
        await output.WriteLineAsync(report.Ok
            ? $"{subject} VERIFIED: {report.Checks.Count} checks passed."
            : $"{subject} FAILED verification: {failed} of {report.Checks.Count} checks do not match.");
    }
}
