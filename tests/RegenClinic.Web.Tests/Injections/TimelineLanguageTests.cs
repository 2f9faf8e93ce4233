using System.Net;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

/// <summary>The treatment timeline's dose lines are written in the reader's language and number format.</summary>
public sealed class TimelineLanguageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Theory]
    [InlineData("en", "Prolotherapy: 3 sites, 7 mL, dextrose 15/25%")]
    [InlineData("nl", "Prolotherapie: 3 plaatsen, 7 mL, dextrose 15/25%")]
    public async Task Timeline_ProlotherapySession_DoseLineInTheReadersLanguage(string culture, string expected)
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(world.Path("prolotherapy"), world.ThreeSites())).StatusCode);

        var chart = await client.GetStringAsync($"/patients/{world.PatientId}?culture={culture}");
        var course = await client.GetStringAsync($"/patients/{world.PatientId}/courses/{world.CourseId}?culture={culture}");

        Assert.Contains(expected, chart, StringComparison.Ordinal);
        Assert.Contains(expected, course, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_OzoneInDutch_RouteRegionAndDecimalCommaTranslated()
    {
        var world = await app.CourseAsync("ozone-injection");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(world.Path("ozone"), world.Paravertebral("22.5", "10"))).StatusCode);

        var chart = await client.GetStringAsync($"/patients/{world.PatientId}?culture=nl");

        Assert.Contains("Ozon Paravertebraal Lumbaal / sacro-iliacaal links: 22,5 µg/mL × 10 mL = 225 µg", System.Net.WebUtility.HtmlDecode(chart), StringComparison.Ordinal);
    }
}
