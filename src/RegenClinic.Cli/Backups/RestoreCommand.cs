using System.CommandLine;

namespace RegenClinic.Cli.Backups;

/// <summary><c>restore --from FILE [--force]</c>: into the configured database, then verified like a backup. Stop the app first.</summary>
internal static class RestoreCommand
{
    public static Command Create(CliContext context)
    {
        var (provider, connection, folder) = Fhir.ImportCommand.DatabaseOptions();
        var from = new Option<string?>("--from") { Description = "The backup file (its manifest beside it)" };
        var force = new Option<bool>("--force") { Description = "Overwrite a target database that holds records" };
        var restore = new Command("restore", "Restore a backup into the configured database (refuses a non-empty one without --force), then verify it")
        {
            provider, connection, folder, from, force,
        };
        restore.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(from) is not { Length: > 0 } file)
            {
                await context.Error.WriteLineAsync("restore: say --from FILE.");
                return 2;
            }
            var overwrite = parse.GetValue(force);
            return await BackupCommand.RunAsync(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder),
                (b, progress, token) => b.RestoreAsync(file, overwrite, progress, token), "Restore", ct);
        });
        return restore;
    }
}
