using System.Net;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.Injections;
using RegenClinic.Injections;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

/// <summary>Amending a cell-therapy record works as for ozone and prolotherapy: the form opens prefilled, the amendment is
/// a new version with its reason, and the original stays unchanged (superseded).</summary>
public sealed class CellTherapyAmendTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static Dictionary<string, string> Bmac(CourseWorld w, string administered) => new()
    {
        ["Posted.PerformedDate"] = w.Date, ["Posted.PerformedTime"] = w.Time, ["Posted.Kind"] = "Bmac", ["Posted.Processing"] = "CentrifugalConcentration",
        ["Posted.FinalVolume"] = "10", ["Posted.Tnc"] = "250000000", ["Posted.Viability"] = "95", ["Posted.HarvestSite"] = "PosteriorIliacCrest",
        ["Posted.HarvestSide"] = "Left", ["Posted.Aspirated"] = "60", ["Posted.AdminRoute"] = "CoreDecompressionFemoralHead", ["Posted.Region"] = "hip",
        ["Posted.Side"] = "Left", ["Posted.Guidance"] = "Fluoroscopy", ["Posted.Administered"] = administered,
    };

    [Fact]
    public async Task AmendCellTherapy_FormPrefilledThenSaved_NewVersionAndOriginalKeptUnchanged()
    {
        var world = await app.CourseAsync("cell-therapy-bmac");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var first = await client.SubmitFormAsync(world.Path("cell-therapy"), Bmac(world, "8"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var db = app.NewDb(out var scope);
        ProcedureRecord original;
        using (scope) original = await db.ProcedureRecords.AsNoTracking().SingleAsync(p => p.CourseId == world.CourseId);
        var course = await client.GetStringAsync($"/patients/{world.PatientId}/courses/{world.CourseId}");
        Assert.Contains($"cell-therapy/new?amends={original.Id}", course, StringComparison.Ordinal);

        var form = await client.GetStringAsync(world.Path("cell-therapy") + "?amends=" + original.Id);

        Assert.Contains("Amend a cell-therapy procedure", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Posted.Administered\" inputmode=\"decimal\" value=\"8\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Posted.Aspirated\" inputmode=\"decimal\" value=\"60\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Posted.Tnc\" inputmode=\"numeric\" value=\"250000000\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"CoreDecompressionFemoralHead\" selected", form, StringComparison.Ordinal);

        var fields = Bmac(world, "7.5");
        fields["Posted.AmendReason"] = "Administered 7.5 mL; 0.5 mL stayed in the syringe.";
        var amended = await client.SubmitFormAsync(world.Path("cell-therapy") + "?amends=" + original.Id, fields);

        Assert.Equal(HttpStatusCode.Redirect, amended.StatusCode);
        db = app.NewDb(out scope);
        using (scope)
        {
            var all = await db.ProcedureRecords.AsNoTracking().Where(p => p.CourseId == world.CourseId).ToListAsync();
            Assert.Equal(2, all.Count);
            var old = all.Single(p => p.Id == original.Id);
            var next = all.Single(p => p.Id != original.Id);
            Assert.NotNull(old.SupersededAt);
            Assert.Equal(original.DetailsJson, old.DetailsJson);
            Assert.Equal(8m, old.TotalVolumeMl);
            Assert.Equal(7.5m, next.TotalVolumeMl);
            Assert.Equal(original.Id, next.Amends);
            Assert.Equal(1, next.SessionIndex);
            Assert.Equal(7.5m, ProcedureJson.CellTherapy(next).Record.Administration.VolumeAdministeredMl);
            Assert.Equal(1, await db.FollowUps.CountAsync(f => f.PatientId == world.PatientId));
        }
    }
}
