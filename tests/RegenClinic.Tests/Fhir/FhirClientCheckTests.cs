using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Fhir;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Fhir;

/// <summary>The bearer check remembers an active client for <see cref="FhirClientCheck.Recheck"/>: a revocation made elsewhere
/// (another app instance) is seen once that has passed; one made through this instance at once.</summary>
public sealed class FhirClientCheckTests
{
    [Fact]
    public async Task RevokedByAnotherInstance_IsRefusedOnceTheRecheckIsDue_AndByThisInstanceAtOnce()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var check = new FhirClientCheck();
        var (elsewhere, _) = FhirSystemClient.Register("Registry A", "system/*.read", "admin", TestClinic.Start);
        var (here, _) = FhirSystemClient.Register("Registry B", "system/*.read", "admin", TestClinic.Start);
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.AddRange(elsewhere, here);
        await db.SaveChangesAsync();
        var now = TestClinic.Start;
        Assert.True(await check.IsActiveAsync(elsewhere.ClientId, db, now, default));

        // Revoked in the database by another instance, which cannot tell this one.
        var stored = await db.Set<FhirSystemClient>().SingleAsync(c => c.ClientId == elsewhere.ClientId);
        stored.Revoke("admin", now);
        await db.SaveChangesAsync();
        var withinRecheck = await check.IsActiveAsync(elsewhere.ClientId, db, now + FhirClientCheck.Recheck - Duration.FromMilliseconds(1), default);
        var afterRecheck = await check.IsActiveAsync(elsewhere.ClientId, db, now + FhirClientCheck.Recheck, default);

        Assert.True(withinRecheck);
        Assert.False(afterRecheck);

        Assert.True(await check.IsActiveAsync(here.ClientId, db, now, default));
        (await db.Set<FhirSystemClient>().SingleAsync(c => c.ClientId == here.ClientId)).Revoke("admin", now);
        await db.SaveChangesAsync();
        check.Forget(here.ClientId);
        Assert.False(await check.IsActiveAsync(here.ClientId, db, now, default));
    }
}
