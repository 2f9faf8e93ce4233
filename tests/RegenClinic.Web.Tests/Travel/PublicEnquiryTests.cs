using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Travel;

public sealed class PublicEnquiryTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"u8];
    private static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private async Task<bool> SavedAsync(string family)
    {
        var db = app.NewDb(out var scope);
        using (scope) return await db.Enquiries.AnyAsync(e => e.FamilyName == family);
    }

    [Fact]
    public async Task Centres_Anonymous_ListsBothCentresTheirTreatmentsAndPrices()
    {
        var html = await app.Client().GetStringAsync("/centres");
        Assert.Contains("RegenClinic Amsterdam", html, StringComparison.Ordinal);
        Assert.Contains("RegenClinic Rotterdam", html, StringComparison.Ordinal);
        Assert.Contains("Hyperbaric oxygen therapy", html, StringComparison.Ordinal);
        Assert.Contains("Price list", html, StringComparison.Ordinal);
        var dutch = await app.Client().GetStringAsync("/centres?culture=nl");
        Assert.Contains("Prijslijst", dutch, StringComparison.Ordinal);
        Assert.Contains("Hyperbare zuurstoftherapie", dutch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enquiry_ValidWithPdf_RedirectsToConfirmationWithReferenceAndStoresTheFile()
    {
        var client = app.Client();
        var response = await EnquiryForms.PostAsync(client, EnquiryForms.Valid("Geldig"), ("mri-report.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery;
        Assert.Matches("^/enquire/sent\\?reference=TQ-[A-Z0-9]{8}$", location);
        var confirmation = await client.GetStringAsync(location);
        Assert.Contains(location[^11..], confirmation, StringComparison.Ordinal);

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var enquiry = await db.Enquiries.SingleAsync(e => e.FamilyName == "Geldig");
            Assert.Equal(location[^11..], enquiry.Reference);
            var file = Assert.Single(enquiry.Files);
            Assert.Equal(Domain.Travel.UploadKind.Pdf, file.Kind);
        }
    }

    [Fact]
    public async Task Enquiry_RenamedExecutable_RefusedBesideTheFileFieldAndNothingSaved()
    {
        var response = await EnquiryForms.PostAsync(app.Client(), EnquiryForms.Valid("Virus"), ("report.pdf", Pdf), ("scan.pdf", Exe));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"files-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Only PDF, JPEG and PNG files are accepted.", html, StringComparison.Ordinal);
        Assert.False(await SavedAsync("Virus"));
    }

    [Fact]
    public async Task Enquiry_WithoutConsentToProcessing_ShowsErrorAndSavesNothing()
    {
        var fields = EnquiryForms.Valid("Zonder");
        fields.Remove("Posted.ConsentToProcessing");
        var response = await EnquiryForms.PostAsync(app.Client(), fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"consentToProcessing-error\"", html, StringComparison.Ordinal);
        Assert.False(await SavedAsync("Zonder"));
    }

    [Fact]
    public async Task Enquiry_HoneypotFilled_LooksSentButNothingIsSaved()
    {
        var fields = EnquiryForms.Valid("Robot");
        fields["Posted.Website"] = "http://spam.example";
        var response = await EnquiryForms.PostAsync(app.Client(), fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/enquire/sent", response.Headers.Location!.PathAndQuery);
        Assert.False(await SavedAsync("Robot"));
    }

    [Fact]
    public async Task Enquiry_WithoutAntiforgeryToken_Refused()
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in EnquiryForms.Valid("Vervalst")) content.Add(new StringContent(v), k);
        content.Add(new StringContent("enquiry"), "_handler");
        var response = await app.Client().PostAsync("/enquire", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await SavedAsync("Vervalst"));
    }

    [Fact]
    public async Task Enquiry_MoreThanTheHourlyLimitFromOneAddress_429ButThePageStillOpens()
    {
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("Travel:EnquiriesPerHour", "2"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await EnquiryForms.PostAsync(client, EnquiryForms.Valid("Limiet1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnquiryForms.PostAsync(client, EnquiryForms.Valid("Limiet2"))).StatusCode);
        var third = await EnquiryForms.PostAsync(client, EnquiryForms.Valid("Limiet3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Too many enquiries", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/enquire")).StatusCode);
        Assert.False(await SavedAsync("Limiet3"));
    }
}
