using Microsoft.Playwright;
using RegenClinic.Browser.Tests.TestKit;

namespace RegenClinic.Browser.Tests.Patients;

public sealed class RegisterAndChartTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    [Fact]
    public async Task Physician_RegistersPatientAddsConditionAndMedication_SeesThemOnTheChart()
    {
        var page = await clinic.SignedInPageAsync("physician@regenclinic.demo");
        await Assertions.Expect(page.Locator("#sessions-h")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("dashboard"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a patient" }).ClickAsync();
        await page.GetByLabel("Family name").FillAsync("Browserman");
        await page.GetByLabel("Given name").FillAsync("Bea");
        await page.GetByLabel("Birth date").FillAsync("1958-03-14");
        await page.GetByLabel("Sex").SelectOptionAsync("Female");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/patients/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Browserman, Bea");

        await page.Locator("section[aria-labelledby=problems-h]").GetByRole(AriaRole.Link, new() { Name = "Add" }).ClickAsync();
        await page.GetByLabel("ICD-10-CM code").FillAsync("M87.180");
        await page.GetByLabel("Onset").FillAsync("2026-05-01");
        await page.GetByLabel("Stage system").SelectOptionAsync(new SelectOptionValue { Label = "AAOMS 2022 (MRONJ)" });
        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/patients/[0-9a-f-]{36}$"));

        await page.Locator("section[aria-labelledby=meds-h]").GetByRole(AriaRole.Link, new() { Name = "Add" }).ClickAsync();
        await page.GetByLabel("ATC code").FillAsync("M05BX04");
        await page.GetByLabel("Medication").FillAsync("Denosumab");
        await page.GetByLabel("Dose").FillAsync("60 mg every 6 months");
        await page.GetByLabel("Start").FillAsync("2024-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/patients/[0-9a-f-]{36}$"));

        var problems = page.Locator("section[aria-labelledby=problems-h]");
        await Assertions.Expect(problems).ToContainTextAsync("M87.180");
        await Assertions.Expect(problems).ToContainTextAsync("AAOMS 2");
        await Assertions.Expect(page.Locator("section[aria-labelledby=meds-h]")).ToContainTextAsync("Denosumab");
        await Assertions.Expect(page.Locator("ul.flags")).ToContainTextAsync("On antiresorptive");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("chart-after-register"), FullPage = true });
    }

    [Fact]
    public async Task Chart_InDutch_ShowsDutchLabels()
    {
        var page = await clinic.SignedInPageAsync("nurse@regenclinic.demo");
        await page.GetByLabel("Language").SelectOptionAsync("nl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Patiënten", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Patiënten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Patiënt inschrijven" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Achternaam")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("register-dutch") });
    }
}
