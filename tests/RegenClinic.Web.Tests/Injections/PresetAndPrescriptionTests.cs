using System.Net;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.Plans;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

public sealed class PresetAndPrescriptionTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<Guid> BuiltInRabagoAsync(HttpClient client)
    {
        var list = await client.GetStringAsync("/injections/presets");
        Assert.Contains("Rabago", list, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) return await db.Presets.Where(p => p.PresetId == "prolo-knee-oa-rabago-2013").Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Prescribe_FromRabagoPreset_CreatesDraftCourseWithThreeSessions28DaysApart()
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var preset = await BuiltInRabagoAsync(client);

        var response = await client.SubmitFormAsync($"/patients/{world.PatientId}/injections/prescribe", new()
        {
            ["Posted.Preset"] = preset.ToString(), ["Posted.Goals"] = "Walk 2 km without knee pain.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var course = await db.Courses.SingleAsync(c => c.PatientId == world.PatientId && c.Protocol == "prolo-knee-oa-rabago-2013");
            Assert.Equal(CourseStatus.Draft, course.Status);
            Assert.Equal(3, course.Sessions); // weeks 1, 5, 9 (Rabago 2013)
            Assert.Equal(SessionPattern.Interval(28, 28), course.Pattern);
        }
    }

    [Theory]
    [InlineData("nurse@regenclinic.demo")]
    [InlineData("frontdesk@regenclinic.demo")]
    public async Task Prescribe_NotAPhysician_Forbidden(string email)
    {
        var world = await app.CourseAsync("prolotherapy");
        var client = await app.SignedInAsync(email);

        var response = await client.GetAsync($"/patients/{world.PatientId}/injections/prescribe");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nurse@regenclinic.demo")]
    [InlineData("operator@regenclinic.demo")]
    public async Task Presets_NotPhysicianOrAdmin_Forbidden(string email)
    {
        var client = await app.SignedInAsync(email);
        var response = await client.GetAsync("/injections/presets");
        Assert.Contains("access-denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presets_CopyEditRetire_BuiltInUntouchedAndCopyVersioned()
    {
        var client = await app.SignedInAsync("admin@regenclinic.demo");
        var builtIn = await BuiltInRabagoAsync(client);
        var db = app.NewDb(out var scope);
        string builtInJson;
        using (scope) builtInJson = (await db.Presets.SingleAsync(p => p.Id == builtIn)).Json;

        var copied = await client.SubmitFormAsync($"/injections/presets/{builtIn}/copy", new() { ["NewId"] = "clinic-knee-oa" });
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        Guid copyId;
        db = app.NewDb(out scope);
        using (scope) copyId = (await db.Presets.SingleAsync(p => p.PresetId == "clinic-knee-oa")).Id;

        var edited = await client.SubmitFormAsync($"/injections/presets/{copyId}/edit", new()
        {
            ["Posted.NameEn"] = "Knee OA, four sessions", ["Posted.NameNl"] = "Knieartrose, vier sessies", ["Posted.Citation"] = "Rabago 2013, adapted by the clinic",
            ["Posted.Weeks"] = "1, 5, 9, 13", ["Posted.MinDays"] = "28", ["Posted.MaxDays"] = "28",
            ["Posted.Steps[0].Region"] = "knee", ["Posted.Steps[0].Placement"] = "IntraArticular", ["Posted.Steps[0].Dextrose"] = "25", ["Posted.Steps[0].Volume"] = "6",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var badEdit = await client.SubmitFormAsync($"/injections/presets/{copyId}/edit", new()
        {
            ["Posted.NameEn"] = "x", ["Posted.NameNl"] = "x", ["Posted.Citation"] = "x", ["Posted.Weeks"] = "1, 2", ["Posted.MinDays"] = "28", ["Posted.MaxDays"] = "28",
            ["Posted.Steps[0].Region"] = "knee", ["Posted.Steps[0].Volume"] = "6",
        });
        Assert.Contains("id=\"sessionWeeks-error\"", await badEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var retired = await client.SubmitFormAsync($"/injections/presets/{copyId}/retire", new());
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        db = app.NewDb(out scope);
        using (scope)
        {
            var copy = await db.Presets.SingleAsync(p => p.Id == copyId);
            Assert.Equal(2, copy.Version);
            Assert.Equal(4, copy.Preset.Sessions);
            Assert.Equal("Knee OA, four sessions", copy.NameEn);
            Assert.True(copy.Retired);
            Assert.Equal(builtInJson, (await db.Presets.SingleAsync(p => p.Id == builtIn)).Json);
        }
    }
}
