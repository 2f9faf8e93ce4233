using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RegenClinic.Browser.Tests.TestKit;

namespace RegenClinic.Browser.Tests.Scheduling;

public sealed partial class BoardTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    [Fact]
    public async Task Coordinator_ProposesConfirmsAndMovesASessionOnTheBoard()
    {
        var page = await clinic.SignedInPageAsync("frontdesk@regenclinic.demo", 1280, 1000);
        await page.GotoAsync("/scheduling");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Schedule board");
        await page.GetByLabel("Days").FillAsync("14");
        await page.GetByLabel("Time limit (seconds)").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(RunUrl(), new() { Timeout = 30_000 });
        // The page refreshes itself while the solver runs; wait for the checked proposal.
        await Assertions.Expect(page.Locator("#run-status")).ToHaveTextAsync("ready to confirm", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#run-summary")).ToContainTextAsync("Checked by the independent checker");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("schedule-proposal"), FullPage = true });
        await page.Locator("#confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#confirmed")).ToBeVisibleAsync();

        await page.GotoAsync("/scheduling?view=week");
        await Assertions.Expect(page.Locator("#board-week")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("schedule-week"), FullPage = true });
        // The next day with sessions: move its first booked session one week later at 09:00 on the same chamber or room.
        await page.GotoAsync("/scheduling");
        for (var i = 0; i < 10 && await page.Locator("#board-sessions a.button").CountAsync() == 0; i++)
            await page.GetByRole(AriaRole.Link, new() { Name = "Next", Exact = true }).ClickAsync();
        // Follow the board's Move link of the first session (the board is static HTML; the link is a plain href).
        var move = await page.Locator("#board-sessions a.button").First.GetAttributeAsync("href");
        await page.GotoAsync(move!);
        await Assertions.Expect(page).ToHaveURLAsync(MoveUrl());
        var date = await page.GetByLabel("Date").InputValueAsync();
        var later = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).AddDays(70);
        await page.GetByLabel("Date").FillAsync(later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time").FillAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await page.Locator("#refusal, #board-sessions").First.WaitForAsync();
        if (await page.Locator("#soft").IsVisibleAsync())
        {
            // A daily course's session leaves its series: a soft rule, overridden with a reason.
            await Assertions.Expect(page.Locator("#hard")).ToHaveCountAsync(0);
            await page.GetByLabel("Override reason (only for soft rules; recorded)").FillAsync("Patient travels that week");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        }
        await Assertions.Expect(page).ToHaveURLAsync(BoardUrl(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#board-sessions")).ToContainTextAsync("09:00");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("schedule-moved"), FullPage = true });
    }

    [GeneratedRegex("/scheduling/runs/[0-9a-f-]{36}$")]
    private static partial Regex RunUrl();

    [GeneratedRegex("/scheduling/appointments/[0-9a-f-]{36}/move$")]
    private static partial Regex MoveUrl();

    [GeneratedRegex("/scheduling\\?date=\\d{4}-\\d{2}-\\d{2}$")]
    private static partial Regex BoardUrl();
}
