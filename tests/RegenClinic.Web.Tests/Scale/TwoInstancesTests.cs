using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Scale;

/// <summary>Issue 9: two app instances on one PostgreSQL database behave as one clinic.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task TwoInstances_StartingTogetherOnAnEmptyDatabase_MigrateAndSeedTheClinicOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var a = new PostgresClinicApp(database);
        await using var b = new PostgresClinicApp(database);

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        using var scope = a.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.Equal(1, await db.Sites.CountAsync(s => s.Code == "AMS"));
        Assert.Equal(12 + RegenClinic.Demo.DemoSecondSite.Patients, await db.Patients.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task SignInAndWrites_ThroughOneInstance_AreHonouredAndSeenByTheOther()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var a = new PostgresClinicApp(database);
        _ = a.Server;
        await using var b = new PostgresClinicApp(database);
        var cookie = await SignInCookieAsync(a, "nurse@regenclinic.demo");
        var throughA = WithCookie(a, cookie);
        var throughB = WithCookie(b, cookie);

        var created = await throughA.PostAsJsonAsync("/api/patients", new
        {
            familyName = "Tweemaal", givenName = "Instance", birthDate = "1961-03-04", sex = "female",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // B honours the cookie A issued (the data-protection keys live in the shared database) and sees A's write.
        var seen = await throughB.GetAsync($"/api/patients/{id}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("Tweemaal", (await seen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("patient").GetProperty("familyName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.Client().GetAsync($"/api/patients/{id}")).StatusCode);
        // The chart page loads its sections concurrently over one DbContext; PostgreSQL refuses overlapping commands.
        Assert.Equal(HttpStatusCode.OK, (await throughB.GetAsync($"/patients/{id}")).StatusCode);
        Guid[] demoPatients;
        using (var scope = b.Services.CreateScope())
        {
            // The nurse's own site's demo patients, whose charts have screenings, courses, outcomes and dives to load.
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var amsterdam = await db.Sites.Where(x => x.Code == "AMS").Select(x => x.Id).SingleAsync();
            demoPatients = await db.Patients.Where(p => p.SiteId == amsterdam && p.RecordNumber.StartsWith("RC-")).Select(p => p.Id).ToArrayAsync();
        }
        foreach (var demo in demoPatients)
            Assert.Equal(HttpStatusCode.OK, (await throughB.GetAsync($"/patients/{demo}")).StatusCode);
    }

    [Fact]
    public async Task ParallelBookingsThroughBothInstances_AtOneSeat_ExactlyOneIsKept()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var a = new PostgresClinicApp(database);
        _ = a.Server;
        await using var b = new PostgresClinicApp(database);
        _ = b.Server;
        Guid chamber, site;
        Guid[] patients;
        using (var scope = a.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var monoplace = await db.Chambers.FirstAsync(c => c.Kind == ChamberKind.Monoplace);
            (chamber, site) = (monoplace.Id, monoplace.SiteId);
            patients = await db.Patients.IgnoreQueryFilters().Where(p => p.SiteId == site).Take(10).Select(p => p.Id).ToArrayAsync();
        }
        var start = Instant.FromUtc(2031, 3, 4, 9, 0);

        var outcomes = await Task.WhenAll(patients.Select((patient, i) => Task.Run(async () =>
        {
            using var scope = (i % 2 == 0 ? a : b).Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var booking = Appointment.Book(patient, site, "hbot", chamber, null, new Interval(start, start + Duration.FromMinutes(120)), "test", start);
            booking.Place(1, null, [], null);
            db.Appointments.Add(booking);
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        using var check = b.Services.CreateScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<ClinicDb>().Appointments.IgnoreQueryFilters()
            .CountAsync(x => x.ChamberId == chamber && x.Start == start && x.Status != AppointmentStatus.Cancelled));
    }

    private static HttpClient WithCookie(PostgresClinicApp app, string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>Signs in without a cookie jar, so the cookies can be carried to the other instance by hand.</summary>
    private static async Task<string> SignInCookieAsync(PostgresClinicApp app, string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/signin");
        var antiforgery = Cookies(page);
        var html = await page.Content.ReadAsStringAsync();
        var form = Regex.Matches(html, "<form[^>]*method=\"post\"[\\s\\S]*?</form>").Select(m => m.Value).First(f => f.Contains("Posted.Email", StringComparison.Ordinal));
        var fields = Regex.Matches(form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Posted.Email"] = email;
        fields["Posted.Password"] = Browserless.Password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return antiforgery + "; " + Cookies(signedIn);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
