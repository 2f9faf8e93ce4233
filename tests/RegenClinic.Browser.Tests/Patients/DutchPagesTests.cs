using Microsoft.Playwright;
using RegenClinic.Browser.Tests.TestKit;

namespace RegenClinic.Browser.Tests.Patients;

public sealed class DutchPagesTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    [Fact]
    public async Task Physician_InDutch_DashboardChartAndFormsAreDutch()
    {
        var page = await clinic.SignedInPageAsync("physician2@regenclinic.demo");
        await page.GetByLabel("Language").SelectOptionAsync("nl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sessions-h")).ToContainTextAsync("Sessies");
        await Assertions.Expect(page.Locator("#alerts-h")).ToContainTextAsync("Waarschuwingen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("nl-dashboard"), FullPage = true });

        await page.Locator("table a[href^='/patients/']").First.ClickAsync();
        await Assertions.Expect(page.Locator("#problems-h")).ToHaveTextAsync("Problemen");
        await Assertions.Expect(page.Locator("#meds-h")).ToHaveTextAsync("Medicatie");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("nl-chart"), FullPage = true });

        await page.Locator("section[aria-labelledby=problems-h]").GetByRole(AriaRole.Link, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aandoening toevoegen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToHaveTextAsync("Dit veld is verplicht.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("nl-condition-form-error"), FullPage = true });
    }
}
