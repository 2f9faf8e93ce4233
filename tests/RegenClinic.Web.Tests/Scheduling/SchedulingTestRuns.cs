using System.Net;
using System.Text.RegularExpressions;

namespace RegenClinic.Web.Tests.Scheduling;

/// <summary>Schedule runs through the pages: the run a form queued, and waiting until it is ready to confirm.</summary>
internal static partial class SchedulingTestRuns
{
    /// <summary>The run a propose or repair form queued (it redirects to the run's page).</summary>
    public static Guid RunOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    public static async Task<string> WaitForAsync(HttpClient client, Guid run)
    {
        for (var i = 0; i < 240; i++)
        {
            var page = await client.GetStringAsync($"/scheduling/runs/{run}");
            if (page.Contains("ready to confirm", StringComparison.Ordinal)) return page;
            if (page.Contains(">failed<", StringComparison.Ordinal))
                Assert.Fail("The schedule run failed: " + WebUtility.HtmlDecode(RunMessage().Match(page).Groups[1].Value));
            Assert.Contains("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
            await Task.Delay(500);
        }
        throw new TimeoutException("The schedule run did not finish.");
    }

    [GeneratedRegex("id=\"run-message\">([^<]*)<")]
    private static partial Regex RunMessage();
}
