namespace RegenClinic.Scheduling.Tests;

public sealed class Probe(ITestOutputHelper output)
{
    [Fact]
    public void Probe_Run()
    {
        var n = int.Parse(Environment.GetEnvironmentVariable("PROBE_N") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var instance = n == 0 ? InstanceJson.Read(File.ReadAllText("small-clinic.json")) : InstanceGenerator.Generate(n, 1);
        var problem = SchedulingProblem.Compile(instance);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var ff = FirstFit.Solve(problem);
        output.WriteLine($"ff {ff.Metrics} {sw.Elapsed.TotalSeconds}");
        var r = Solver.Solve(problem, new SolveOptions(TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("PROBE_T") ?? "5", System.Globalization.CultureInfo.InvariantCulture)), 2, 1,
            p => output.WriteLine($"progress {p}")), TestContext.Current.CancellationToken);
        output.WriteLine($"cp {r.Status} {r.Metrics}");
    }
}
