using NodaTime;
using NodaTime.Testing;
using RegenClinic.Cli;

namespace RegenClinic.Tests.Scheduling;

public sealed class ScheduleCommandTests
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "Scheduling", "small-clinic.json");

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(output, error, new FakeClock(Instant.FromUtc(2027, 1, 4, 8, 0))),
            TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Bench_ChamberOptions_ChangeTheClinicTheCoursesAreScheduledIn()
    {
        // Without monoplaces the monoplace-only courses cannot be placed at all, so the bound falls.
        static int Bound(string table) => int.Parse(table.Split('\n').Single(l => l.StartsWith("| 60 | solver", StringComparison.Ordinal)).Split('|')[6],
            System.Globalization.CultureInfo.InvariantCulture);
        var (code, usual, _) = await Run("schedule", "bench", "--courses", "60", "--time-limit", "1", "--workers", "1");
        var (_, noMonoplaces, _) = await Run("schedule", "bench", "--courses", "60", "--time-limit", "1", "--workers", "1", "--monoplaces", "0", "--multiplaces", "1");

        Assert.Equal(0, code);
        Assert.Contains("| 60 | first fit (arrival order) |", usual, StringComparison.Ordinal);
        Assert.Contains("| 60 | repair (cancel ", usual, StringComparison.Ordinal);
        Assert.True(Bound(noMonoplaces) < Bound(usual), $"{Bound(noMonoplaces)} vs {Bound(usual)}");
    }

    [Fact]
    public async Task Schedule_Example_WritesScheduleThatChecksValid()
    {
        var schedule = Path.Combine(Path.GetTempPath(), $"schedule-{Guid.NewGuid():N}.json");
        try
        {
            var (code, _, _) = await Run("schedule", Example, "--out", schedule, "--time-limit", "2", "--workers", "1", "--seed", "3");
            Assert.Equal(0, code);
            Assert.Contains("\"format\": \"regenclinic-schedule/1\"", await File.ReadAllTextAsync(schedule, TestContext.Current.CancellationToken), StringComparison.Ordinal);

            var (checkCode, checkOut, _) = await Run("schedule", "check", Example, schedule);

            Assert.Equal(0, checkCode);
            Assert.Contains("valid", checkOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(schedule);
        }
    }

    [Fact]
    public async Task ScheduleCheck_BrokenSchedule_ExitsOneAndPrintsRule()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(broken, """
                {"format":"regenclinic-schedule/1","status":"feasible","sessions":[
                 {"course":"c-0001","index":1,"date":"2027-01-18","start":"08:00","end":"08:45","resource":"proc-1","staff":["inj-1"]}],
                 "unscheduled":[],"metrics":{}}
                """, TestContext.Current.CancellationToken);

            var (code, output, _) = await Run("schedule", "check", Example, broken);

            Assert.Equal(1, code);
            Assert.Contains("rule 2", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task ScheduleCheck_UnreadableInstance_ExitsTwo()
    {
        var (code, _, error) = await Run("schedule", "check", "/nonexistent/instance.json", "/nonexistent/schedule.json");

        Assert.Equal(2, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task ScheduleGenerate_SameSeed_SameInstance()
    {
        var (code, first, _) = await Run("schedule", "generate", "--courses", "12", "--seed", "4", "--days", "28");
        var (_, second, _) = await Run("schedule", "generate", "--courses", "12", "--seed", "4", "--days", "28");

        Assert.Equal(0, code);
        Assert.Equal(first, second);
        Assert.Contains("regenclinic-schedule-instance/1", first, StringComparison.Ordinal);
    }
}
