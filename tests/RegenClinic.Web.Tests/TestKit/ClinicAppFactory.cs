using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Data;

namespace RegenClinic.Web.Tests.TestKit;

/// <summary>The real app on its own SQLite file in a temp folder, seeded with a small demo clinic.</summary>
public sealed class ClinicAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("regenclinic-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", folder);
        builder.UseSetting("Demo:SeedOnFirstStart", "true");
        builder.UseSetting("Demo:Patients", "30");
        // Generous limits: every test class signs in many times from the test host's one address; RequestLimitTests sets its own.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Security:PublicLinkRequestsPerMinute", "100000");
    }

    public ClinicDb NewDb(out IServiceScope scope)
    {
        scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ClinicDb>();
    }

    /// <summary>Reads (or writes) the app's database in a scope of its own.</summary>
    public async Task<T> InDbAsync<T>(Func<ClinicDb, Task<T>> read)
    {
        var db = NewDb(out var scope);
        using (scope) return await read(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
