using System.Globalization;
using System.Net;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Outcomes;

public sealed class AnalyticsTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    /// <summary>Six patients with NRS 7 → 6, 5, 4, 3, 2, 4: changes −1 … −5 and −3, mean −3.0, SD √2. 95 % CI with t(0.975, 5) = 2.5706:
    /// −3 ± 2.5706 × √2 / √6 = −3 ± 1.4841 → (−4.4841, −1.5159). Responders (≥ 2 points or ≥ 30 % of 7 = 2.1): all but the −1 → 5/6.</summary>
    private async Task SeedAsync(string therapy)
    {
        int[] follow = [6, 5, 4, 3, 2, 4];
        for (var i = 0; i < follow.Length; i++)
            await OutcomeWorld.PlannedPatientAsync(app, $"Groot{i}", therapy, "big", baselineNrs: 7, endNrs: follow[i]);
        for (var i = 0; i < 4; i++)
            await OutcomeWorld.PlannedPatientAsync(app, $"Klein{i}", therapy, "small", baselineNrs: 7, endNrs: 3);
    }

    private static string Section(string page, string cohort)
    {
        var start = page.IndexOf($"data-cohort=\"{cohort}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section for {cohort}");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    [Fact]
    public async Task Analytics_CohortsOfSixAndFour_ShowsFiguresWithNAndSuppressesTheSmallOne()
    {
        await SeedAsync("test-analytics");
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var page = await client.GetStringAsync("/analytics?culture=en");

        Assert.Contains("Observational data", page, StringComparison.Ordinal);
        var big = Section(page, "test-analytics|big|nrs");
        Assert.Contains("n = 6", big, StringComparison.Ordinal);
        Assert.Contains("-3.0 (-4.5 to -1.5)", big, StringComparison.Ordinal);
        Assert.Contains("5/6", big, StringComparison.Ordinal);
        var small = Section(page, "test-analytics|small|nrs");
        Assert.Contains("n = &lt; 5", small, StringComparison.Ordinal);
        Assert.Contains("Fewer than 5 patients: not shown.", small, StringComparison.Ordinal);
        Assert.DoesNotContain("4/4", small, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", small, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyticsCsv_GivesTheFiguresWithIntervalsAndLeavesSuppressedCellsEmpty()
    {
        await SeedAsync("test-csv");
        var client = await app.SignedInAsync("admin@regenclinic.demo");

        var response = await client.GetAsync("/api/outcomes/analytics.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var header = lines[0].Split(',');
        var big = lines.Single(l => l.StartsWith("test-csv,big,", StringComparison.Ordinal)).Split(',');
        string Cell(string[] row, string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("6", Cell(big, "patients"));
        Assert.Equal(-3.0, double.Parse(Cell(big, "mean_change"), CultureInfo.InvariantCulture), 4);
        Assert.Equal(-4.4841, double.Parse(Cell(big, "mean_change_ci_low"), CultureInfo.InvariantCulture), 3);
        Assert.Equal(-1.5159, double.Parse(Cell(big, "mean_change_ci_high"), CultureInfo.InvariantCulture), 3);
        Assert.Equal(5.0 / 6, double.Parse(Cell(big, "responder_rate"), CultureInfo.InvariantCulture), 4);
        var small = lines.Single(l => l.StartsWith("test-csv,small,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("< 5", Cell(small, "patients"));
        Assert.Equal("", Cell(small, "mean_change"));
        Assert.Equal("", Cell(small, "responder_rate"));
    }

    [Fact]
    public async Task Analytics_PhysicianFilterWithNoCourses_ShowsNothing()
    {
        var client = await app.SignedInAsync("nurse@regenclinic.demo");

        var page = await client.GetStringAsync("/analytics?culture=en&physician=Nobody");

        Assert.Contains("No courses with a measurement plan match these filters.", page, StringComparison.Ordinal);
    }
}
