using System.Net;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.Injections;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

/// <summary>The clinic's ozone and prolotherapy limits are stored per site, revised on the settings page by a physician or
/// admin (validated, with a reason, audited), and the limits in force are what charting checks and records.</summary>
public sealed class DoseLimitSettingsTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    /// <summary>Every field of the settings form at the reference defaults, for <paramref name="paravertebralMax"/> µg/mL.</summary>
    private static Dictionary<string, string> Fields(string paravertebralMax, string reason = "Medical director raised the paravertebral ceiling after review.")
    {
        var fields = new Dictionary<string, string> { ["Posted.MaxConcentration"] = "40", ["Posted.Reason"] = reason, ["Posted.Source"] = "Clinic protocol 2027-02" };
        var routes = OzoneDoseLimits.Default.RouteLimits;
        for (var i = 0; i < routes.Count; i++)
        {
            var r = routes[i];
            fields[$"Posted.Routes[{i}].MinConcentration"] = Num(r.MinConcentrationMicrogramsPerMl);
            fields[$"Posted.Routes[{i}].MaxConcentration"] = r.Id == "OZONE-LIM-PARAVERTEBRAL" ? paravertebralMax : Num(r.MaxConcentrationMicrogramsPerMl);
            fields[$"Posted.Routes[{i}].MinVolume"] = Num(r.MinVolumeMl);
            fields[$"Posted.Routes[{i}].MaxVolume"] = Num(r.MaxVolumeMl);
        }
        (fields["Posted.MinDextrose"], fields["Posted.MaxDextrose"], fields["Posted.TypicalExtraArticular"], fields["Posted.MinVolume"], fields["Posted.MaxVolume"]) =
            ("10", "25", "15", "0.5", "6");
        return fields;
    }

    private static string Num(decimal? d) => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private async Task<Guid> SiteOfAsync(Guid courseId)
    {
        var db = app.NewDb(out var scope);
        using (scope) return await db.Courses.Where(c => c.Id == courseId).Select(c => c.SiteId).SingleAsync();
    }

    [Fact]
    public async Task LimitsPage_Nurse_Forbidden()
    {
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        var response = await client.GetAsync("/injections/limits");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitsPage_NewSite_ShowsReferenceDefaultsWithCitation()
    {
        var world = await app.CourseAsync("ozone-injection", jurisdiction: "BE");
        var site = await SiteOfAsync(world.CourseId);
        var client = await app.SignedInAsync("admin@regenclinic.demo");

        var html = await client.GetStringAsync($"/injections/limits?site={site}");

        Assert.Contains(OzoneDoseLimits.Default.Version, html, StringComparison.Ordinal);
        Assert.Contains("configurable defaults from studies", html, StringComparison.Ordinal);
        Assert.Contains("Rabago et al., Ann Fam Med 2013", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Posted.Routes[0].MaxConcentration\" size=\"5\" inputmode=\"decimal\" value=\"30\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviseLimits_RaisedParavertebralMax_NewProceduresCheckedAgainstItAndRecordItsVersion()
    {
        var before = await app.CourseAsync("ozone-injection", jurisdiction: "BE");
        var site = await SiteOfAsync(before.CourseId);
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        // Before: the reference default (paravertebral ≤ 30 µg/mL) blocks 35 and admits 30.
        Assert.Equal(HttpStatusCode.OK, (await nurse.SubmitFormAsync(before.Path("ozone"), before.Paravertebral("35", "10"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await nurse.SubmitFormAsync(before.Path("ozone"), before.Paravertebral("30", "10"))).StatusCode);

        var physician = await app.SignedInAsync("physician@regenclinic.demo");
        var saved = await physician.SubmitFormAsync($"/injections/limits?site={site}", Fields("35"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // After: 35 is within the site's limit, 35.5 still above it (both sides of the new limit).
        var world = await app.CourseAsync("ozone-injection", siteId: site);
        Assert.Equal(HttpStatusCode.OK, (await nurse.SubmitFormAsync(world.Path("ozone"), world.Paravertebral("35.5", "10"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await nurse.SubmitFormAsync(world.Path("ozone"), world.Paravertebral("35", "10"))).StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var sets = await db.InjectionLimits.AsNoTracking().Where(l => l.SiteId == site).OrderBy(l => l.Revision).ToListAsync();
            Assert.Equal([1, 2], sets.Select(s => s.Revision));
            Assert.NotNull(sets[0].SupersededAt);
            Assert.Equal(35m, sets[1].Ozone.For(OzoneRoute.Paravertebral, null)!.MaxConcentrationMicrogramsPerMl);
            Assert.Equal("physician@regenclinic.demo", sets[1].ChangedBy);
            var procedures = await db.ProcedureRecords.AsNoTracking().Where(p => p.CourseId == world.CourseId || p.CourseId == before.CourseId)
                .OrderBy(p => p.RecordedAt).ToListAsync();
            Assert.Equal(2, procedures.Count);
            Assert.Equal(OzoneDoseLimits.Default.Version, procedures[0].LimitsVersion);
            Assert.Equal(sets[1].Version, procedures[1].LimitsVersion);
            Assert.Empty(procedures[1].Overrides);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(InjectionLimitSet) && a.EntityId == sets[1].Id.ToString()));
        }
    }

    [Theory]
    [InlineData("15", "Medical director raised the ceiling.", "Posted.Routes[0].MinConcentration", "ozone.routes[0].minConcentration-error")] // max 15 < min 20
    [InlineData("35", "short", null, "reason-error")]
    public async Task ReviseLimits_InvalidOrUnexplained_RefusedBesideTheFieldAndNothingStored(string paravertebralMax, string reason, string? _, string errorId)
    {
        var world = await app.CourseAsync("ozone-injection", jurisdiction: "BE");
        var site = await SiteOfAsync(world.CourseId);
        var client = await app.SignedInAsync("admin@regenclinic.demo");

        var response = await client.SubmitFormAsync($"/injections/limits?site={site}", Fields(paravertebralMax, reason));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"{errorId}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.InjectionLimits.AnyAsync(l => l.SiteId == site));
    }
}
