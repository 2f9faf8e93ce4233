using System.Net;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Demo;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Security;

public sealed class BreakGlassTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<(Guid Id, string RecordNumber)> RotterdamPatientAsync(int index)
    {
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var site = await db.Sites.SingleAsync(s => s.Code == DemoSecondSite.Code);
            var p = await db.Patients.Where(p => p.SiteId == site.Id).OrderBy(p => p.RecordNumber).Skip(index).FirstAsync();
            return (p.Id, p.RecordNumber);
        }
    }

    [Fact]
    public async Task BreakGlass_WithReason_OpensTheRecord_FlagsIt_AuditsIt_AndReportsItToAdmin()
    {
        var (id, number) = await RotterdamPatientAsync(0);
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync($"/api/patients/{id}")).StatusCode);

        var opened = await nurse.SubmitFormAsync("/break-glass", new() { ["Posted.Patient"] = number, ["Posted.Reason"] = "Collapsed in the waiting room, needs medication history" });

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.EndsWith($"/patients/{id}", opened.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var chart = await nurse.GetAsync($"/patients/{id}");
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        var html = WebUtility.HtmlDecode(await chart.Content.ReadAsStringAsync());
        Assert.Contains("break-glass-flag", html, StringComparison.Ordinal);
        Assert.Contains("Collapsed in the waiting room", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync($"/api/patients/{id}")).StatusCode);

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.BreakGlass && e.PatientId == id);
            Assert.Equal("nurse@regenclinic.demo", audit.ActorName);
            Assert.Contains("Collapsed", audit.Details, StringComparison.Ordinal);
        }
        var admin = await app.SignedInAsync("admin@regenclinic.demo");
        var report = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/break-glass"));
        Assert.Contains(number, report, StringComparison.Ordinal);
        Assert.Contains("nurse@regenclinic.demo", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakGlass_WithoutAReason_IsRefusedAndOpensNothing()
    {
        var (id, number) = await RotterdamPatientAsync(1);
        var physician = await app.SignedInAsync("physician2@regenclinic.demo");

        var response = await physician.SubmitFormAsync("/break-glass", new() { ["Posted.Patient"] = number, ["Posted.Reason"] = "urgent" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"reason-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await physician.GetAsync($"/api/patients/{id}")).StatusCode);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.BreakGlass && e.PatientId == id));
    }

    [Fact]
    public async Task BreakGlassReport_ForNonAdmin_IsDenied()
    {
        var client = await app.SignedInAsync("nurse@regenclinic.demo");
        var response = await client.GetAsync("/admin/break-glass");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
