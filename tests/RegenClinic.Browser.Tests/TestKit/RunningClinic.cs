using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RegenClinic.Browser.Tests.TestKit;

/// <summary>
/// The real app on Kestrel on a free loopback port with its own SQLite folder and a small demo clinic, and Debian's
/// Chromium driven by Playwright (its own browser download cannot work here).
/// </summary>
public sealed class RunningClinic : IAsyncLifetime
{
    public const string Password = RegenClinic.Demo.DemoClinic.DemoPassword;
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string folder = Directory.CreateTempSubdirectory("regenclinic-browser-").FullName;
    private Factory? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => factory!.Services;

    /// <summary>Screenshots land beside the test assembly, under screenshots/.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }

    public async ValueTask InitializeAsync()
    {
        factory = new Factory(folder);
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh browser context (cookies of its own) with a tablet viewport by default, signed in as <paramref name="email"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string email, int width = 820, int height = 1180)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url == BaseUrl + "/" || url.StartsWith(BaseUrl + "/signin/2fa", StringComparison.Ordinal));
        if (page.Url.StartsWith(BaseUrl + "/signin/2fa", StringComparison.Ordinal))
        {
            // Admin and Physician: the demo authenticator key (README) gives the current RFC 6238 code.
            var code = RegenClinic.Demo.DemoAuthenticator.CodeAt(RegenClinic.Demo.DemoAuthenticator.Key, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
            await page.GetByLabel("Authenticator code").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await page.WaitForURLAsync(BaseUrl + "/");
        }
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private sealed class Factory(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Urls", "http://127.0.0.1:0");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataFolder", folder);
            builder.UseSetting("Demo:SeedOnFirstStart", "true");
            builder.UseSetting("Demo:Patients", "30");
            // Generous limits: every test class signs in many times from the test host's one address; RequestLimitTests sets its own.
            builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
            builder.UseSetting("Security:PublicLinkRequestsPerMinute", "100000");
        }
    }
}
