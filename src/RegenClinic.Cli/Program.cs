using NodaTime;
using RegenClinic.Cli;

return await CliApp.RunAsync(args, new CliContext(Console.Out, Console.Error, SystemClock.Instance));
