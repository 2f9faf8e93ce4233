using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Persistence;

/// <summary>A page's read audits held back and written in one commit (the web hands them over as the answer starts).</summary>
public sealed class DeferredReadAuditTests
{
    private static async Task<Guid> SeedPatientAsync(TestClinic clinic)
    {
        await using var scope = clinic.Scope("dr.jansen");
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.Sites.Add(Domain.Clinic.Site.Create("AMS", "Test site", "Europe/Amsterdam", "NL"));
        await db.SaveChangesAsync();
        var details = new PatientDetails("Deferred", "Test", new LocalDate(1970, 5, 6), Sex.Female, PreferredLanguage: "nl");
        return (await scope.ServiceProvider.GetRequiredService<RegisterPatient>().HandleAsync(details)).Id;
    }

    private static async Task<T> QueryAsync<T>(TestClinic clinic, Func<ClinicDb, Task<T>> query)
    {
        await using var scope = clinic.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<ClinicDb>());
    }

    private static Task<List<AuditEntry>> ReadsAsync(TestClinic clinic, Guid patient) => QueryAsync(clinic, db =>
        db.AuditEntries.AsNoTracking().Where(a => a.PatientId == patient && a.Action == AuditActions.Read).OrderBy(a => a.Sequence).ToListAsync());

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task DeferredReads_AreHeldUntilTaken_ThenChainedInOrder(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var id = await SeedPatientAsync(clinic);
        await using var scope = clinic.Scope("nurse.visser");
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.DeferReadAudits = true;
        var charts = scope.ServiceProvider.GetRequiredService<ViewChart>();
        await charts.HandleAsync(id, includeClinical: true);
        await charts.HandleAsync(id, includeClinical: false);
        Assert.Empty(await ReadsAsync(clinic, id));

        await scope.ServiceProvider.GetRequiredService<AuditGroupCommit>().AppendAsync(db.TakeDeferredReads());

        var reads = await ReadsAsync(clinic, id);
        Assert.Equal(["Chart", "Demographics"], reads.Select(r => r.EntityType));
        Assert.Equal(reads[0].Sequence + 1, reads[1].Sequence);
        Assert.True((await QueryAsync(clinic, d => new VerifyAuditChain(d).HandleAsync())).Intact);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task DeferredReads_GoOutWithTheNextWrite(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var id = await SeedPatientAsync(clinic);
        await using var scope = clinic.Scope("nurse.visser");
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.DeferReadAudits = true;
        await scope.ServiceProvider.GetRequiredService<ViewChart>().HandleAsync(id, includeClinical: true);
        await scope.ServiceProvider.GetRequiredService<RecordChartEntry>().HandleAsync(id,
            new ConditionDetails("M87.051", "AVN right femur", ClinicalStatus.Active, new LocalDate(2026, 6, 1)));

        var trail = await QueryAsync(clinic, d => d.AuditEntries.AsNoTracking().Where(a => a.PatientId == id).OrderBy(a => a.Sequence)
            .Select(a => a.Action + " " + a.EntityType).ToListAsync());
        Assert.Equal(["create Patient", "read Chart", "create ConditionEntry"], trail);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Take_DropsAWriteThatFailedEarlier_AndKeepsTheReads(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var id = await SeedPatientAsync(clinic);
        await using var scope = clinic.Scope("nurse.visser");
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.DeferReadAudits = true;
        await scope.ServiceProvider.GetRequiredService<ViewChart>().HandleAsync(id, includeClinical: true);
        // A second site with the same code breaks the unique index: the save fails and leaves its rows pending.
        db.Sites.Add(Domain.Clinic.Site.Create("AMS", "Duplicate", "Europe/Amsterdam", "NL"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await scope.ServiceProvider.GetRequiredService<AuditGroupCommit>().AppendAsync(db.TakeDeferredReads());

        Assert.Single(await ReadsAsync(clinic, id));
        Assert.Equal(1, await QueryAsync(clinic, d => d.Sites.CountAsync()));
        Assert.Equal(1, await QueryAsync(clinic, d => d.AuditEntries.CountAsync(a => a.EntityType == "Site")));
        Assert.True((await QueryAsync(clinic, d => new VerifyAuditChain(d).HandleAsync())).Intact);
    }

    /// <summary>Contexts come from a pool: the next unit of work on the same context must act as its own actor, with its
    /// own site filter, and must not inherit a deferral or the held-back reads of the previous one.</summary>
    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task APooledContext_ComesBackWithTheNextActor_ItsScope_AndNoHeldBackReads(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var id = await SeedPatientAsync(clinic);
        ClinicDb first;
        await using (var scope = clinic.Scope("nurse.visser"))
        {
            first = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            first.DeferReadAudits = true;
            await scope.ServiceProvider.GetRequiredService<ViewChart>().HandleAsync(id, includeClinical: true);
            Assert.Equal(1, await first.Patients.CountAsync(p => p.Id == id));
        }

        await using var next = clinic.Scope("frontdesk.bakker");
        next.ServiceProvider.GetRequiredService<ClinicActor>().Scope = Security.SiteScope.Nothing;
        var db = next.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.Same(first, db);
        Assert.Equal("frontdesk.bakker", db.Actor?.UserId);
        Assert.False(db.DeferReadAudits);
        Assert.Empty(db.TakeDeferredReads());
        Assert.Equal(0, await db.Patients.CountAsync(p => p.Id == id));

        // The nurse's held-back read was never handed over, so it is not in the trail; the next save writes only its own entries.
        Assert.Empty(await ReadsAsync(clinic, id));
    }
}
