using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegenClinic.Browser.Tests.TestKit;
using RegenClinic.Data;

namespace RegenClinic.Browser.Tests.Hyperbaric;

public sealed partial class ChamberSideDiveTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    [Fact]
    public async Task Operator_OnTabletPortrait_RunsADiveFromChecklistToSurface_AndTheProfileChartRenders()
    {
        Guid courseId;
        using (var scope = clinic.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            // A demo HBOT course whose daily order is signed for today (other demo courses exist for outcomes only).
            courseId = await db.HbotDailyOrders.OrderBy(o => o.Id).Select(o => o.CourseId).FirstAsync();
        }

        var page = await clinic.SignedInPageAsync("operator@regenclinic.demo", 820, 1180);
        await page.GotoAsync($"/hyperbaric/courses/{courseId}/checklist");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pre-dive checklist");
        await page.GetByLabel("Systolic (mmHg)").FillAsync("128");
        await page.GetByLabel("Diastolic (mmHg)").FillAsync("82");
        await page.GetByLabel("Heart rate (/min)").FillAsync("74");
        await page.GetByLabel("SpO2 (%)").FillAsync("97");
        foreach (var toggle in new[] { "vitalsOk", "ears", "searched", "cotton" })
        {
            await page.Locator($"label[for={toggle}-yes]").ClickAsync();
        }
        await page.GetByLabel("Temperature (°C)").FillAsync("36.9");
        await page.GetByLabel("Glucose (mg/dL)").FillAsync("160");
        await page.GetByLabel("Signed HBOT consent seen on file").CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("hbot-checklist-tablet"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the checklist" }).ClickAsync();

        await page.WaitForURLAsync(ChecklistUrl());
        await Assertions.Expect(page.Locator("#verdict")).ToHaveTextAsync("Cleared to pressurise");
        await page.GetByRole(AriaRole.Button, new() { Name = "Admit and open the dive log" }).ClickAsync();
        await page.WaitForURLAsync(DiveUrl());

        foreach (var phase in new[] { "CompressionStart", "AtPressure", "OxygenPeriodStart", "AirBreakStart", "OxygenPeriodStart", "DecompressionStart", "Surface" })
        {
            var button = page.Locator($"#tap-{phase}");
            await Assertions.Expect(button).ToBeVisibleAsync();
            await button.ClickAsync();
            await Assertions.Expect(page.Locator("#events tbody tr")).Not.ToHaveCountAsync(0);
            if (phase == "AtPressure")
            {
                await Assertions.Expect(page.Locator("#dive-clock")).ToHaveTextAsync(ClockPattern());
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("hbot-dive-at-pressure-tablet"), FullPage = true });
            }
        }

        await Assertions.Expect(page.Locator("#dive-status")).ToHaveTextAsync("Surfaced");
        await Assertions.Expect(page.Locator("#events tbody tr")).ToHaveCountAsync(7);
        var chart = page.Locator("#profile-chart svg");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 300 && box.Width <= 820, $"chart width {box.Width} should fit the portrait tablet");
        await Assertions.Expect(page.Locator("#session-otu")).ToContainTextAsync("OTU");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the dive log must not scroll sideways in portrait");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("hbot-dive-surfaced-tablet"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable dive sheet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dive sheet");
        await Assertions.Expect(page.Locator("figure.profile svg")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("hbot-dive-sheet"), FullPage = true });
    }

    [GeneratedRegex("/hyperbaric/checklists/[0-9a-f-]{36}$")]
    private static partial Regex ChecklistUrl();

    [GeneratedRegex("/hyperbaric/dives/[0-9a-f-]{36}$")]
    private static partial Regex DiveUrl();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d$")]
    private static partial Regex ClockPattern();
}
