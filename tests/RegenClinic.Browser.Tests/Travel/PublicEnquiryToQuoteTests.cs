using Microsoft.Playwright;
using RegenClinic.Browser.Tests.TestKit;

namespace RegenClinic.Browser.Tests.Travel;

public sealed class PublicEnquiryToQuoteTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    [Fact]
    public async Task TravellerOnAPhone_SendsEnquiryWithReport_PhysicianPreScreensAndDeskSendsQuote()
    {
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InUtc().Date;
        string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The traveller: no account, a phone-sized screen.
        await using var phone = await clinic.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, BaseURL = clinic.BaseUrl });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/centres");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "RegenClinic Rotterdam" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Send an enquiry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ask for a quote");
        await page.GetByLabel("Given name").FillAsync("Bram");
        await page.GetByLabel("Family name").FillAsync("Telefoon");
        await page.GetByLabel("Birth date").FillAsync("1966-09-30");
        await page.GetByLabel("Sex", new() { Exact = true }).SelectOptionAsync("Male");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("bram@example.org");
        await page.GetByLabel("Country you live in").FillAsync("BE");
        await page.GetByLabel("Language we should write to you in").SelectOptionAsync("en");
        await page.GetByLabel("Which comes closest?").SelectOptionAsync("femoral-head-avn");
        await page.GetByLabel("Your condition in your own words").FillAsync("Hip necrosis, left");
        await page.GetByLabel("Short history").FillAsync("Pain for a year; MRI showed avascular necrosis of the femoral head.");
        await page.GetByLabel("Imaging reports or images").SetInputFilesAsync(new FilePayload { Name = "mri-report.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"u8] });
        await page.GetByLabel("Earliest date you could come").FillAsync(Iso(today.PlusDays(30)));
        await page.GetByLabel("Latest date you must be home").FillAsync(Iso(today.PlusDays(100)));
        await page.GetByLabel("You may contact me").CheckAsync();
        await page.GetByLabel("You may process the health information").CheckAsync();
        // Nothing sticks out sideways on a phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("travel-enquiry-phone"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my enquiry" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/enquire/sent\\?reference=TQ-"));
        var reference = await page.Locator("#reference").InnerTextAsync();
        Assert.Matches("^TQ-[A-Z0-9]{8}$", reference);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("travel-enquiry-sent-phone"), FullPage = true });

        // The physician pre-screens it.
        var physician = await clinic.SignedInPageAsync("physician@regenclinic.demo");
        await physician.GetByRole(AriaRole.Link, new() { Name = "Enquiries" }).ClickAsync();
        await physician.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(physician.GetByRole(AriaRole.Link, new() { Name = "mri-report.pdf" })).ToBeVisibleAsync();
        await physician.GetByRole(AriaRole.Link, new() { Name = "Pre-screen", Exact = true }).ClickAsync();
        await physician.GetByLabel("What must be checked in person").FillAsync("Review the MRI and ARCO stage");
        await physician.GetByRole(AriaRole.Button, new() { Name = "Run the pre-screen" }).ClickAsync();
        await Assertions.Expect(physician.Locator("#prescreen-verdict")).ToHaveTextAsync("eligible");

        // The front desk sends the quote.
        var desk = await clinic.SignedInPageAsync("frontdesk@regenclinic.demo");
        await desk.GotoAsync("/travel/enquiries?status=PreScreen");
        await desk.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Build a quote" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Send the quote" }).ClickAsync();
        await desk.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/travel/quotes/[0-9a-f-]{36}$"));
        var quote = desk.Locator(".quote-document");
        await Assertions.Expect(quote).ToContainTextAsync("6 weeks");
        // Default package: 30 × 180 + 2 consultations × 150 + 1 follow-up × 60 = 5,760.
        await Assertions.Expect(quote).ToContainTextAsync("EUR 5,760.00");
        await Assertions.Expect(quote).ToContainTextAsync("randomised");
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("travel-quote"), FullPage = true });
        // Sending it again, to a second address the traveller gave on the phone.
        await desk.GetByLabel("Send the quote file to").FillAsync("bram.telefoon@example.org");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#quote-sent")).ToContainTextAsync("bram.telefoon@example.org");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Back to the enquiry" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#enquiry-status")).ToHaveTextAsync("Quote sent");
        // The history says the file went out, to whom and by whom: first on sending, then the second time.
        var history = desk.Locator("ol.history");
        await Assertions.Expect(history).ToContainTextAsync($"Quote version 1 sent to bram@example.org as quote-{reference}-v1.html");
        await Assertions.Expect(history).ToContainTextAsync("sent to bram.telefoon@example.org");
        await Assertions.Expect(history).ToContainTextAsync("frontdesk@regenclinic.demo");
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("travel-enquiry-history"), FullPage = true });
    }
}
