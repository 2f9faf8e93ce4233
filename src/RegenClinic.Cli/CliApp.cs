using System.CommandLine;

namespace RegenClinic.Cli;

/// <summary>The command tree. Each feature contributes one verb from its own folder; the list is explicit.</summary>
public static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("RegenClinic: clinic operations from the command line");
        root.Add(Scheduling.ScheduleCommand.Create(context));
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default) =>
        Build(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
}
