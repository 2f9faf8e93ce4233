using System.Net;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.Travel;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Travel;

public sealed class PriceListTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static string Day(int days) => NodaTime.SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(days)
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("frontdesk@regenclinic.demo")]
    [InlineData("physician@regenclinic.demo")]
    [InlineData("nurse@regenclinic.demo")]
    public async Task PriceList_NotAdmin_Forbidden(string email)
    {
        var client = await app.SignedInAsync(email);
        var response = await client.GetAsync("/travel/prices");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_NewVersionOfTheHbotPrice_OldKeptNewFromItsDayAudited()
    {
        var (siteId, before) = await app.InDbAsync(async db =>
        {
            var item = await db.PriceItems.FirstAsync(p => p.Kind == PriceKind.Session && p.Code == "hbot");
            return (item.SiteId, await db.PriceItems.CountAsync(p => p.SiteId == item.SiteId && p.Code == "hbot"));
        });
        var admin = await app.SignedInAsync("admin@regenclinic.demo");
        var page = await admin.GetStringAsync($"/travel/prices?site={siteId}");
        Assert.Contains("id=\"price-list\"", page, StringComparison.Ordinal);
        Assert.Contains("180.00", page, StringComparison.Ordinal);

        Dictionary<string, string> Form(string price, string from) => new()
        {
            ["_handler"] = "add-price", ["Posted.SiteId"] = siteId.ToString(), ["Posted.Kind"] = "Session", ["Posted.Code"] = "hbot",
            ["Posted.NameEn"] = "HBOT session (90 min at pressure)", ["Posted.NameNl"] = "HBOT-sessie (90 min onder druk)",
            ["Posted.UnitPrice"] = price, ["Posted.Currency"] = "EUR", ["Posted.ValidFrom"] = from,
        };
        // Not retroactive, and not in another currency than the site's list.
        var past = await admin.SubmitFormAsync($"/travel/prices?site={siteId}", Form("195.00", Day(-1)));
        Assert.Contains("from today at the earliest", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var usd = await admin.SubmitFormAsync($"/travel/prices?site={siteId}", Form("195.00", Day(30)) .With("Posted.Currency", "USD"));
        Assert.Contains("a list has one currency", await usd.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await admin.SubmitFormAsync($"/travel/prices?site={siteId}", Form("195.00", Day(30)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var versions = await app.InDbAsync(db => db.PriceItems.Where(p => p.SiteId == siteId && p.Code == "hbot").ToListAsync());
        Assert.Equal(before + 1, versions.Count);
        var added = versions.Single(v => v.UnitPrice == 195m);
        Assert.Equal(("admin@regenclinic.demo", Day(30)), (added.CreatedBy, added.ValidFrom!.Value.ToString("yyyy-MM-dd", null)));
        Assert.Contains(versions, v => v.UnitPrice == 180m && !v.Retired);
        Assert.True(await app.InDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PriceItem" && a.Action == "create" && a.EntityId == added.Id.ToString())));
        // Today the old price is still the one in effect; the public directory shows it.
        Assert.Contains("180", await app.Client().GetStringAsync("/centres"), StringComparison.Ordinal);

        // Withdrawing the new version: kept in the history, marked withdrawn.
        var withdrawn = await admin.SubmitFormAsync($"/travel/prices?site={siteId}", new() { ["_handler"] = "retire-" + added.Id });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.True(await app.InDbAsync(db => db.PriceItems.Where(p => p.Id == added.Id).Select(p => p.Retired).SingleAsync()));
    }
}

public sealed class ClosedDaysTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task Admin_ClosesADay_StoredAndRefusedOnADayWithBookings()
    {
        var db = app.NewDb(out var scope);
        Guid siteId;
        NodaTime.Instant booked;
        using (scope)
        {
            var now = NodaTime.SystemClock.Instance.GetCurrentInstant();
            var appointment = await db.Appointments.Where(a => a.Start > now + NodaTime.Duration.FromDays(2) && a.Status == RegenClinic.Domain.Clinic.AppointmentStatus.Booked)
                .OrderBy(a => a.Start).FirstAsync();
            (siteId, booked) = (appointment.SiteId, appointment.Start);
        }
        var bookedDay = booked.InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date.ToString("yyyy-MM-dd", null);
        var admin = await app.SignedInAsync("admin@regenclinic.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.SignedInAsync("frontdesk@regenclinic.demo")).GetAsync("/travel/closures")).StatusCode);

        var refused = await admin.SubmitFormAsync($"/travel/closures?site={siteId}",
            new() { ["_handler"] = "add-closure", ["Posted.SiteId"] = siteId.ToString(), ["Posted.Date"] = bookedDay, ["Posted.Reason"] = "Refit" });
        Assert.Contains("booked that day; move or cancel them first", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var free = NodaTime.SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusDays(400).ToString("yyyy-MM-dd", null);
        var saved = await admin.SubmitFormAsync($"/travel/closures?site={siteId}",
            new() { ["_handler"] = "add-closure", ["Posted.SiteId"] = siteId.ToString(), ["Posted.Date"] = free, ["Posted.Reason"] = "King's Day" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("King&#x27;s Day", await admin.GetStringAsync($"/travel/closures?site={siteId}"), StringComparison.Ordinal);
        var db2 = app.NewDb(out var scope2);
        using (scope2) Assert.True(await db2.AuditEntries.AnyAsync(a => a.EntityType == "SiteClosure" && a.Action == "create" && a.ActorName == "admin@regenclinic.demo"));
    }
}

internal static class FormExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> form, string key, string value)
    {
        form[key] = value;
        return form;
    }
}
