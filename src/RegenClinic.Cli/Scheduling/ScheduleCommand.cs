using System.CommandLine;
using System.Globalization;
using RegenClinic.Scheduling;

namespace RegenClinic.Cli.Scheduling;

/// <summary><c>schedule INSTANCE --out SCHEDULE</c>, <c>schedule check INSTANCE SCHEDULE</c>,
/// <c>schedule generate --courses N --seed K</c>, <c>schedule bench</c> (formats/scheduling.md).</summary>
internal static class ScheduleCommand
{
    public static Command Create(CliContext context)
    {
        var instanceArgument = new Argument<FileInfo?>("instance") { Description = "Instance JSON (regenclinic-schedule-instance/1)", Arity = ArgumentArity.ZeroOrOne };
        var outOption = new Option<FileInfo?>("--out") { Description = "Where to write the schedule JSON" };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds the solver may search", DefaultValueFactory = _ => 30 };
        var workers = new Option<int>("--workers") { Description = "CP-SAT workers", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 0 };
        var command = new Command("schedule", "Solve a scheduling instance into a schedule") { instanceArgument, outOption, timeLimit, workers, seed };
        command.Add(CreateCheck(context));
        command.Add(CreateGenerate(context));
        command.Add(CreateBench(context));
        command.SetAction((parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(instanceArgument);
            var output = parseResult.GetValue(outOption);
            if (file is null || output is null)
            {
                context.Error.WriteLine("usage: schedule INSTANCE.json --out SCHEDULE.json [--time-limit S] [--workers N] [--seed K]");
                return Task.FromResult(2);
            }

            var problem = ReadProblem(context, file);
            if (problem is null)
            {
                return Task.FromResult(2);
            }

            var options = new SolveOptions(TimeSpan.FromSeconds(parseResult.GetValue(timeLimit)), parseResult.GetValue(workers), parseResult.GetValue(seed),
                p => context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"best {p.Objective:0} weighted sessions, bound {(double.IsNaN(p.Bound) ? "(computing)" : p.Bound.ToString("0", CultureInfo.InvariantCulture))}, {p.Seconds:0.0} s")));
            var result = Solver.Solve(problem, options, cancellationToken);
            File.WriteAllText(output.FullName, ScheduleJson.Write(result));
            var m = result.Metrics;
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Status.ToString().ToLowerInvariant()}: {m.ScheduledCourses} courses, {m.ScheduledSessions} sessions, {m.WeightedSessions} weighted of bound {m.CapacityBoundWeightedSessions}, {result.Unscheduled.Count} unscheduled, {m.SolveSeconds:0.0} s"));
            return Task.FromResult(0);
        });
        return command;
    }

    private static SchedulingProblem? ReadProblem(CliContext context, FileInfo file)
    {
        try
        {
            return SchedulingProblem.Compile(InstanceJson.Read(File.ReadAllText(file.FullName)));
        }
        catch (Exception e) when (e is SchedulingFormatException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"{file.Name}: {e.Message}");
            return null;
        }
    }

    private static Command CreateCheck(CliContext context)
    {
        var instanceArgument = new Argument<FileInfo>("instance") { Description = "Instance JSON" };
        var scheduleArgument = new Argument<FileInfo>("schedule") { Description = "Schedule JSON (regenclinic-schedule/1)" };
        var command = new Command("check", "Check a schedule against every hard rule; exit 0 valid, 1 violations, 2 unreadable") { instanceArgument, scheduleArgument };
        command.SetAction(parseResult =>
        {
            var problem = ReadProblem(context, parseResult.GetValue(instanceArgument)!);
            if (problem is null)
            {
                return 2;
            }

            var file = parseResult.GetValue(scheduleArgument)!;
            ScheduleResult schedule;
            try
            {
                schedule = ScheduleJson.Read(File.ReadAllText(file.FullName));
            }
            catch (Exception e) when (e is SchedulingFormatException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{file.Name}: {e.Message}");
                return 2;
            }

            var violations = Checker.Validate(problem, schedule);
            foreach (var v in violations)
            {
                context.Out.WriteLine(v.ToString());
            }

            context.Out.WriteLine(violations.Count == 0 ? "valid" : $"{violations.Count} violation(s)");
            return violations.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command CreateGenerate(CliContext context)
    {
        var courses = new Option<int>("--courses") { Description = "Number of courses", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var monoplaces = new Option<int>("--monoplaces") { DefaultValueFactory = _ => 4 };
        var multiplaces = new Option<int>("--multiplaces") { DefaultValueFactory = _ => 1 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 84 };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var command = new Command("generate", "Generate a realistic random instance") { courses, seed, monoplaces, multiplaces, days, output };
        command.SetAction(parseResult =>
        {
            var n = parseResult.GetValue(courses);
            if (n < 1)
            {
                context.Error.WriteLine("--courses must be at least 1");
                return 2;
            }

            var instance = InstanceGenerator.Generate(n, parseResult.GetValue(seed), parseResult.GetValue(monoplaces), parseResult.GetValue(multiplaces),
                days: parseResult.GetValue(days));
            var json = InstanceJson.Write(instance);
            if (parseResult.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, json);
            }
            else
            {
                context.Out.WriteLine(json);
            }

            return 0;
        });
        return command;
    }

    private static Command CreateBench(CliContext context)
    {
        var sizes = new Option<string>("--courses") { Description = "Comma-separated sizes; 600 uses 6 monoplaces and 2 multiplaces", DefaultValueFactory = _ => "50,250,600" };
        var timeLimit = new Option<double>("--time-limit") { DefaultValueFactory = _ => 60 };
        var workers = new Option<int>("--workers") { DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var monoplaces = new Option<int?>("--monoplaces") { Description = "Monoplaces for every size (default 4, or 6 from 500 courses)" };
        var multiplaces = new Option<int?>("--multiplaces") { Description = "Twelve-seat multiplaces for every size (default 1, or 2 from 500 courses)" };
        var command = new Command("bench", "Solver against first fit on generated instances (markdown table)") { sizes, timeLimit, workers, seed, monoplaces, multiplaces };
        command.SetAction((parseResult, cancellationToken) =>
        {
            context.Out.WriteLine("| courses | method | courses placed | sessions | weighted | bound | % of bound | × first fit | × priority first fit | weighted lateness | start changes | first feasible s | seconds | CPU s |");
            context.Out.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var n in parseResult.GetValue(sizes)!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
            {
                var large = n >= 500;
                var instance = InstanceGenerator.Generate(n, parseResult.GetValue(seed), parseResult.GetValue(monoplaces) ?? (large ? 6 : 4),
                    parseResult.GetValue(multiplaces) ?? (large ? 2 : 1));
                var problem = SchedulingProblem.Compile(instance);
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                // The coordinator's baseline books requests as they arrive; the priority-ordered variant is the stronger one.
                var firstFit = FirstFit.Solve(problem, FirstFitOrder.Arrival);
                var firstFitCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var priorityFit = FirstFit.Solve(problem, FirstFitOrder.Priority);
                var priorityFitCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                double? firstFeasible = null;
                cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var solved = Solver.Solve(problem, new SolveOptions(TimeSpan.FromSeconds(parseResult.GetValue(timeLimit)), parseResult.GetValue(workers),
                    parseResult.GetValue(seed), p => firstFeasible ??= p.Seconds), cancellationToken);
                var solverCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
                // Every bound is an upper bound: the tightest one counts. (The solver's own LP may run out of its share of
                // the time limit on a loaded machine and fall back to the demand bound; first fit's LP has no limit.)
                var bound = Math.Min(firstFit.Metrics.CapacityBoundWeightedSessions, solved.Metrics.CapacityBoundWeightedSessions);
                foreach (var (name, r, first, used) in new[]
                         {
                             ("first fit (arrival order)", firstFit, firstFit.Metrics.SolveSeconds, firstFitCpu),
                             ("first fit (priority order)", priorityFit, priorityFit.Metrics.SolveSeconds, priorityFitCpu),
                             ("solver", solved, firstFeasible ?? solved.Metrics.SolveSeconds, solverCpu),
                         })
                {
                    var m = r.Metrics;
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {n} | {name} | {m.ScheduledCourses} | {m.ScheduledSessions} | {m.WeightedSessions} | {bound} | {100.0 * m.WeightedSessions / Math.Max(1, bound):0.0} | {(double)m.WeightedSessions / Math.Max(1, firstFit.Metrics.WeightedSessions):0.00} | {(double)m.WeightedSessions / Math.Max(1, priorityFit.Metrics.WeightedSessions):0.00} | {m.WeightedLatenessDays} | {m.StartTimeChanges} | {first:0.0} | {m.SolveSeconds:0.0} | {used.TotalSeconds:0.0} |"));
                }

                // Repair: the scheduled course with the most sessions is cancelled on the first day of the horizon.
                var cancelled = solved.Sessions.GroupBy(x => x.Course).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Key).FirstOrDefault();
                if (cancelled is not null)
                {
                    var changed = SchedulingProblem.Compile(instance with
                    {
                        Courses = instance.Courses.Where(c => c.Id != cancelled).ToList(),
                        Fixed = instance.Fixed.Where(f => f.Course != cancelled).ToList(),
                    });
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                    var repair = Solver.Repair(changed, solved, instance.Clinic.Start, 0, new SolveOptions(TimeSpan.FromSeconds(1), parseResult.GetValue(workers),
                        parseResult.GetValue(seed)), cancellationToken);
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {n} | repair (cancel {cancelled}) | {repair.Schedule.Metrics.ScheduledCourses} | {repair.Schedule.Metrics.ScheduledSessions} | {repair.Schedule.Metrics.WeightedSessions} | moved {repair.MovedSessions} | {repair.ChangedPatients.Count} patients told | | | | | | {clock.Elapsed.TotalSeconds:0.00} | {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} |"));
                }
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
