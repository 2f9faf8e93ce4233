using System.CommandLine;

namespace RegenClinic.Cli;

/// <summary>The command tree. Each feature contributes one verb from its own folder; the list is explicit.</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("RegenClinic: clinic operations from the command line");
        root.Add(Data.DbCommand.Create(context));
        root.Add(Outcomes.ScoreCommand.Create(context));
        root.Add(Hyperbaric.OxygenDoseCommand.Create(context));
        root.Add(Hyperbaric.ChamberCommand.Create(context));
        root.Add(Eligibility.ScreenCommand.Create(context));
        root.Add(Scheduling.ScheduleCommand.Create(context));
        root.Add(Fhir.ImportCommand.Create(context));
        root.Add(Fhir.ExportCommand.Create(context));
        root.Add(Audit.AuditCommand.Create(context));
        root.Add(Backups.BackupCommand.Create(context));
        root.Add(Backups.RestoreCommand.Create(context));
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default) =>
        Build(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
}
