using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Security;

/// <summary>T5: a signed-in screen left alone signs out after 20 minutes without a request; each request slides the window.</summary>
public sealed class IdleSignOutTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public void SessionCookie_Is20MinutesSliding_HttpOnly_SameSiteStrict()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(20), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Strict, options.Cookie.SameSite);
    }

    [Fact]
    public async Task Session_UsedWithinTheWindow_Slides_Idle21Minutes_SignedOut()
    {
        var clock = new MovableTime(TimeProvider.System.GetUtcNow());
        using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = clock)));
        var nurse = await host.SignedInAsync("nurse@regenclinic.demo");

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/patients")).StatusCode);
        // 34 minutes after sign-in, 19 after the last request: the window slid, so still signed in.
        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/patients")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(21));
        var idle = await nurse.GetAsync("/patients");

        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/signin", Browserless.PathOf(idle), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nurse.GetAsync("/api/patients?q=a")).StatusCode);
    }

    [Fact]
    public async Task Session_ConfiguredShortTimeout_IdleBeyondIt_SignedOut_WithinIt_Kept()
    {
        var clock = new MovableTime(TimeProvider.System.GetUtcNow());
        using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Security:IdleTimeoutMinutes", "5");
            b.ConfigureServices(s => s.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = clock));
        });
        var nurse = await host.SignedInAsync("nurse@regenclinic.demo");

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/patients")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Redirect, (await nurse.GetAsync("/patients")).StatusCode);
    }

    private sealed class MovableTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
