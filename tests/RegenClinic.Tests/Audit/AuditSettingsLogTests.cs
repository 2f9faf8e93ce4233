using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Audit;

public sealed class AuditSettingsLogTests
{
    private static IConfiguration Settings(string lockout) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Security:LockoutAttempts"] = lockout, ["Audit:ReadsAudited"] = "true",
    }).Build();

    [Fact]
    public async Task SettingsChange_BetweenStarts_IsAuditedOnce_WithTheNewValues_AndTheChainStaysIntact()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var actor = scope.ServiceProvider.GetRequiredService<ClinicActor>();

        Assert.True(await AuditSettingsLog.RecordIfChangedAsync(db, actor, clinic.Clock, Settings("5")));
        Assert.False(await AuditSettingsLog.RecordIfChangedAsync(db, actor, clinic.Clock, Settings("5")));
        Assert.True(await AuditSettingsLog.RecordIfChangedAsync(db, actor, clinic.Clock, Settings("50")));

        var entries = await db.AuditEntries.Where(a => a.Action == AuditSettingsLog.Action).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal("changed", entries[1].EntityId);
        Assert.Contains("Security:LockoutAttempts=50", entries[1].Details, StringComparison.Ordinal);
        Assert.StartsWith("host:", entries[1].ActorName, StringComparison.Ordinal);
        Assert.True((await new VerifyAuditChain(db).HandleAsync()).Intact);
    }
}
