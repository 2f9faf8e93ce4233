using NodaTime;
using NodaTime.Testing;
using RegenClinic.Cli;

namespace RegenClinic.Tests.Outcomes;

public sealed class ScoreCommandTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var clock = new FakeClock(Instant.FromUtc(2027, 1, 4, 9, 0));
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, clock));
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public async Task Score_OdiExampleFromIssue_PrintsDocumentedJson()
    {
        var (exit, output, _) = await Run("score", "odi", "3,2,1,2,1,2,2,1,1,1");
        Assert.Equal(0, exit);
        Assert.Equal("{\"instrument\": \"odi\", \"score\": 32.0, \"answered\": 10}", output);
    }

    [Fact]
    public async Task Score_OdiOneMissing_RoundsToOneDecimal()
    {
        var (exit, output, _) = await Run("score", "odi", "3,2,1,2,1,2,2,-,2,1");
        Assert.Equal(0, exit);
        Assert.Equal("{\"instrument\": \"odi\", \"score\": 35.6, \"answered\": 9}", output);
    }

    [Fact]
    public async Task Score_KoosJr_IntervalScore()
    {
        var (_, output, _) = await Run("score", "koos-jr", "1,1,1,1,1,1,1");
        Assert.Equal("{\"instrument\": \"koos-jr\", \"score\": 68.3, \"answered\": 7}", output);
    }

    [Fact]
    public async Task Score_HoosJr_IntervalScore()
    {
        // Raw sum 5 → 73.472 in the HSS HOOS JR table.
        var (exit, output, _) = await Run("score", "hoos-jr", "1,2,1,0,0,1");
        Assert.Equal(0, exit);
        Assert.Equal("{\"instrument\": \"hoos-jr\", \"score\": 73.5, \"answered\": 6}", output);
    }

    [Fact]
    public async Task Score_NrsAndPgicAndHarris_Scored()
    {
        Assert.Equal("{\"instrument\": \"nrs\", \"score\": 7.0, \"answered\": 1}", (await Run("score", "nrs", "7")).Out);
        Assert.Equal("{\"instrument\": \"pgic\", \"score\": 2.0, \"answered\": 1}", (await Run("score", "pgic", "2")).Out);
        Assert.Equal("{\"instrument\": \"harris-hip\", \"score\": 85.0, \"answered\": 10}", (await Run("score", "harris-hip", "30,11,11,11,4,4,5,0,4,5")).Out);
    }

    [Fact]
    public async Task Score_TooManyMissing_NullScoreWithReason()
    {
        var (exit, output, _) = await Run("score", "odi", "3,-,-,-,1,2,2,1,1,1");
        Assert.Equal(0, exit);
        Assert.StartsWith("{\"instrument\": \"odi\", \"score\": null, \"answered\": 7, \"reason\": \"cannot score", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_AnswerOutOfRange_Exit2NamingItem()
    {
        var (exit, output, error) = await Run("score", "odi", "3,2,9,2,1,2,2,1,1,1");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("item 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_NotANumber_Exit2NamingItem()
    {
        var (exit, _, error) = await Run("score", "odi", "3,2,1,x,1,2,2,1,1,1");
        Assert.Equal(2, exit);
        Assert.Contains("item 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_WrongCount_Exit2()
    {
        var (exit, _, error) = await Run("score", "odi", "3,2,1");
        Assert.Equal(2, exit);
        Assert.Contains("expects 10", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnknownInstrument_Exit2()
    {
        var (exit, _, error) = await Run("score", "womac", "1,2");
        Assert.Equal(2, exit);
        Assert.Contains("unknown instrument", error, StringComparison.Ordinal);
    }
}

public sealed class ScoreCommandEdgeTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliContext(output, error, new FakeClock(Instant.FromUtc(2027, 1, 4, 9, 0))));
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public async Task Score_FirstItemUnanswered_LeadingDashAccepted()
    {
        var (exit, output, error) = await Run("score", "odi", "-,2,1,2,1,2,2,1,1,1");
        Assert.True(exit == 0, error);
        Assert.Equal("{\"instrument\": \"odi\", \"score\": 28.9, \"answered\": 9}", output);
    }

    [Fact]
    public async Task Score_NoAnswers_Exit2()
    {
        var (exit, _, error) = await Run("score", "odi");
        Assert.Equal(2, exit);
        Assert.Contains("answers", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_NegativeAnswer_Exit2NamingItem()
    {
        var (exit, _, error) = await Run("score", "nrs", "-1");
        Assert.Equal(2, exit);
        Assert.Contains("item 1", error, StringComparison.Ordinal);
    }
}
