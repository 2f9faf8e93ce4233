using System.Net;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.CellTherapy;
using RegenClinic.Injections;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

public sealed class UsJurisdictionTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Theory]
    [InlineData("US", true)]
    [InlineData("NL", false)]
    public async Task OzoneForm_ShowsThe21Cfr801415NoticeOnlyForUsSites(string jurisdiction, bool shown)
    {
        var world = await app.CourseAsync("ozone-injection", jurisdiction: jurisdiction);
        var client = await app.SignedInAsync("nurse@regenclinic.demo");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(world.Path("ozone")));

        Assert.Equal(shown, html.Contains("21 CFR 801.415", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoomAirCheck_AtUsSite_LoggedAndFlaggedAboveLimit()
    {
        var world = await app.CourseAsync("ozone-injection", jurisdiction: "US");
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        Assert.Contains("RegenClinic US", WebUtility.HtmlDecode(await client.GetStringAsync("/injections/room-air")), StringComparison.Ordinal);
        Guid site;
        var db = app.NewDb(out var scope);
        using (scope) site = await db.Courses.Where(c => c.Id == world.CourseId).Select(c => c.SiteId).SingleAsync();

        var response = await client.SubmitFormAsync("/injections/room-air", new()
        {
            ["Posted.Site"] = site.ToString(), ["Posted.Room"] = "Procedure room 1", ["Posted.Date"] = world.Date, ["Posted.Time"] = world.Time,
            ["Posted.Ppm"] = "0.06", ["Posted.Instrument"] = "OZ-MON-1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        db = app.NewDb(out scope);
        using (scope)
        {
            var check = await db.RoomAirChecks.SingleAsync(c => c.SiteId == site);
            Assert.True(check.ExceedsLimit); // 0.06 > 0.05 ppm (21 CFR 801.415)
        }
    }

    private static Dictionary<string, string> Bmac(CourseWorld w) => new()
    {
        ["Posted.PerformedDate"] = w.Date, ["Posted.PerformedTime"] = w.Time, ["Posted.Kind"] = "Bmac", ["Posted.Processing"] = "CentrifugalConcentration",
        ["Posted.FinalVolume"] = "8", ["Posted.Tnc"] = "1200000000", ["Posted.Viability"] = "95", ["Posted.HarvestSite"] = "PosteriorIliacCrest",
        ["Posted.HarvestSide"] = "Right", ["Posted.Aspirated"] = "60", ["Posted.AdminRoute"] = "CoreDecompressionFemoralHead", ["Posted.Region"] = "hip",
        ["Posted.Side"] = "Right", ["Posted.Guidance"] = "Fluoroscopy", ["Posted.Administered"] = "8", ["Posted.HomologousUse"] = "true",
    };

    [Fact]
    public async Task CellTherapy_UsBmacCentrifugedHomologous_SavedWithSection361Pathway()
    {
        var world = await app.CourseAsync("cell-therapy-bmac", jurisdiction: "US");
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await client.SubmitFormAsync(world.Path("cell-therapy"), Bmac(world));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var saved = await db.ProcedureRecords.SingleAsync(p => p.CourseId == world.CourseId);
            var details = ProcedureJson.CellTherapy(saved);
            Assert.Equal(RegulatoryPathway.Section361HctP, details.Pathway);
            Assert.Equal(8m, saved.TotalVolumeMl);
        }
    }

    [Fact]
    public async Task CellTherapy_UsUnrelatedAllogeneicWithoutInd_BlockedEvenWithPhysicianOverride()
    {
        var world = await app.CourseAsync("cell-therapy-allogeneic", jurisdiction: "US");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var fields = Bmac(world);
        fields["Posted.Kind"] = "Allogeneic";
        fields["Posted.Processing"] = "None";
        fields["Posted.Lot"] = "LOT-42";
        fields["Posted.Supplier"] = "CellCo";
        fields["Posted.AdminRoute"] = "IntraArticular";
        fields["Posted.Region"] = "knee";
        fields["Posted.OverrideCodes[0]"] = "cell.regulatory.section-351";
        fields["Posted.OverrideReasons[0]"] = "Patient insists and has travelled far.";

        var response = await client.SubmitFormAsync(world.Path("cell-therapy"), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"regulatoryPathway-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.ProcedureRecords.AnyAsync(p => p.CourseId == world.CourseId));
    }
}
