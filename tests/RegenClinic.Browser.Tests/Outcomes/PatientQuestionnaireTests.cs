using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RegenClinic.Browser.Tests.TestKit;
using RegenClinic.Data;

namespace RegenClinic.Browser.Tests.Outcomes;

public sealed class PatientQuestionnaireTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    [Fact]
    public async Task PatientFillsQuestionnaireThroughLink_ChartPlotShowsTheNewPoint()
    {
        Guid patientId;
        using (var scope = clinic.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            // A demo patient whose English-speaking chart already holds scored pain ratings.
            patientId = await (from s in db.OutcomeScores
                               join p in db.Patients on s.PatientId equals p.Id
                               where s.InstrumentId == "nrs" && s.Score != null && p.PreferredLanguage == "en"
                               select s.PatientId).FirstAsync();
        }
        var staff = await clinic.SignedInPageAsync("physician@regenclinic.demo");
        await staff.GotoAsync($"/patients/{patientId}");
        var plot = staff.Locator("figure[data-measure=nrs]");
        var pointsBefore = int.Parse(await plot.GetAttributeAsync("data-points") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var markersBefore = await plot.Locator("svg ellipse").CountAsync();

        await staff.Locator("section[aria-labelledby=outcomes-h]").GetByRole(AriaRole.Link, new() { Name = "Create link" }).ClickAsync();
        await staff.GetByLabel("Pain numeric rating scale (0–10)").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var link = await staff.Locator("#questionnaire-link").GetAttributeAsync("href") ?? throw new InvalidOperationException("No link shown");

        // The patient: no account, a phone-sized screen, a browser context of its own.
        await using var phone = await clinic.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var patient = await phone.NewPageAsync();
        await patient.GotoAsync(link);
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your questionnaire");
        await Assertions.Expect(patient.GetByRole(AriaRole.Link, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await patient.GetByLabel("3", new() { Exact = true }).CheckAsync();
        await patient.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("outcomes-patient-questionnaire-phone"), FullPage = true });
        await patient.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you");

        await staff.GotoAsync($"/patients/{patientId}");
        await Assertions.Expect(plot).ToHaveAttributeAsync("data-points", (pointsBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(markersBefore + 1, await plot.Locator("svg ellipse").CountAsync());
        await plot.ScrollIntoViewIfNeededAsync();
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("outcomes-chart-after-link"), FullPage = true });

        // The link is spent.
        await patient.GotoAsync(link);
        await Assertions.Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link cannot be used");
    }
}
