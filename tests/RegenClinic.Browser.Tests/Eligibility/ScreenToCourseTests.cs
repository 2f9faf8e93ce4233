using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegenClinic.Browser.Tests.TestKit;
using RegenClinic.Data;

namespace RegenClinic.Browser.Tests.Eligibility;

public sealed partial class ScreenToCourseTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    [GeneratedRegex("/patients/[0-9a-f-]{36}(#.*)?$")]
    private static partial Regex ChartUrl();

    /// <summary>A demo patient of the "knee osteoarthritis on warfarin" story: prolotherapy indicated, warfarin a relative contraindication.</summary>
    private async Task<Guid> KneeOaOnWarfarinPatientAsync()
    {
        using var scope = clinic.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var onWarfarin = db.Medications.Where(m => m.AtcCode == "B01AA03").Select(m => m.PatientId);
        return await db.Conditions.Where(c => c.Code == "M17.11" && onWarfarin.Contains(c.PatientId)).Select(c => c.PatientId).FirstAsync();
    }

    [Fact]
    public async Task Physician_ScreensOverridesWithReasonSignsConsentAndStartsCourse()
    {
        var patientId = await KneeOaOnWarfarinPatientAsync();
        var page = await clinic.SignedInPageAsync("physician@regenclinic.demo");
        await page.GotoAsync($"/patients/{patientId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Screen now" }).ClickAsync();
        await page.WaitForURLAsync(ChartUrl());
        var prolo = page.Locator("#therapy-prolotherapy");
        await Assertions.Expect(prolo.Locator(".verdict")).ToContainTextAsync("Eligible with precautions");
        await Assertions.Expect(prolo).ToContainTextAsync("PROLO-REL-ANTICOAG");
        await Assertions.Expect(prolo).ToContainTextAsync("supported by one or a few small randomised trials");

        await prolo.GetByRole(AriaRole.Link, new() { Name = "Record decision" }).ClickAsync();
        await page.Locator("#override-PROLO-REL-ANTICOAG").CheckAsync();
        await page.GetByLabel("Reason for overriding PROLO-REL-ANTICOAG").FillAsync("INR stable at 2.4; periarticular injections with a 27G needle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await page.WaitForURLAsync(ChartUrl());
        prolo = page.Locator("#therapy-prolotherapy");
        await Assertions.Expect(prolo.Locator(".verdict")).ToContainTextAsync("Eligible");
        await Assertions.Expect(prolo).ToContainTextAsync("Overridden by physician@regenclinic.demo");
        await Assertions.Expect(prolo).ToContainTextAsync("INR stable at 2.4");

        await prolo.GetByRole(AriaRole.Link, new() { Name = "Prescribe a course" }).ClickAsync();
        await page.GetByLabel("Protocol").FillAsync("Dextrose 15% periarticular and 25% intra-articular, right knee");
        await page.GetByLabel("Sessions", new() { Exact = true }).FillAsync("4");
        await page.GetByLabel("Goals").FillAsync("Pain NRS down by at least 2 points; walk 2 km");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prescribe" }).ClickAsync();
        await page.WaitForURLAsync(ChartUrl());

        await page.Locator("#therapy-prolotherapy").GetByRole(AriaRole.Link, new() { Name = "Consent", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("article.consent-document")).ToContainTextAsync("Rabago");
        await Assertions.Expect(page.Locator("p.planned-sessions")).ToHaveTextAsync("4");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("consent-prolotherapy"), FullPage = true });
        // Printed (or saved as PDF by headless Chromium): the document only, without navigation or the signature form.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("article.consent-document")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record signature" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { Path = RunningClinic.ScreenshotPath("consent-prolotherapy").Replace(".png", ".pdf", StringComparison.Ordinal), Format = "A4" });
        Assert.True(pdf.Length > 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GetByLabel("Signed by (patient or representative)").FillAsync("The patient");
        await page.GetByLabel("Witnessed by").FillAsync("Els de Vries, nurse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record signature" }).ClickAsync();
        await page.WaitForURLAsync(ChartUrl());

        await page.Locator("table.courses").GetByRole(AriaRole.Link, new() { Name = "Start course" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start course" }).ClickAsync();
        await page.WaitForURLAsync(ChartUrl());
        await Assertions.Expect(page.Locator("table.courses .course-status").First).ToHaveTextAsync("Active");
        await page.Locator("section.screening-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = RunningClinic.ScreenshotPath("screening-panel-course-active") });
    }
}
