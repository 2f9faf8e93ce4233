using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Persistence;

public sealed class ClinicDbTests
{
    private static PatientDetails Details(string family) => new(family, "Test", new LocalDate(1970, 5, 6), Sex.Female, PreferredLanguage: "nl");

    private static async Task SeedSiteAsync(TestClinic clinic)
    {
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.Sites.Add(Domain.Clinic.Site.Create("AMS", "Test site", "Europe/Amsterdam", "NL"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Migrations_BothProviders_MatchTheModel()
    {
        using var sqlite = new SqliteDesignFactoryAccess().Sqlite();
        using var postgres = new SqliteDesignFactoryAccess().Postgres();
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations lag the model: add a migration.");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL migrations lag the model: add a migration.");
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task RegisterAndChart_OnProvider_PersistsEntriesAndAuditsReadsAndWrites(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        await SeedSiteAsync(clinic);
        Guid id;
        await using (var scope = clinic.Scope("dr.jansen"))
        {
            id = (await scope.ServiceProvider.GetRequiredService<RegisterPatient>().HandleAsync(Details("Provider"))).Id;
            await scope.ServiceProvider.GetRequiredService<RecordChartEntry>().HandleAsync(id,
                new ConditionDetails("M87.051", "AVN right femur", ClinicalStatus.Active, new LocalDate(2026, 6, 1), StageSystem: StageSystems.Arco2019, Stage: "ii"));
        }
        clinic.Clock.AdvanceMinutes(5);
        await using (var scope = clinic.Scope("nurse.visser"))
        {
            var chart = await scope.ServiceProvider.GetRequiredService<ViewChart>().HandleAsync(id, includeClinical: true);
            var condition = Assert.Single(chart.Clinical!.Conditions);
            Assert.Equal("II", condition.Stage);
            Assert.Equal(TestClinic.Start, condition.RecordedAt);
        }
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var trail = await db.AuditEntries.Where(a => a.PatientId == id).OrderBy(a => a.Sequence).ToListAsync();
            Assert.Contains(trail, a => a is { Action: AuditActions.Create, EntityType: "Patient", ActorName: "dr.jansen" });
            Assert.Contains(trail, a => a is { Action: AuditActions.Create, EntityType: "ConditionEntry" });
            Assert.Contains(trail, a => a is { Action: AuditActions.Read, EntityType: "Chart", ActorName: "nurse.visser" });
            Assert.True((await new VerifyAuditChain(db).HandleAsync()).Intact);
        }
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task AuditChain_RowEditedInTheDatabase_IsReportedAtThatRow(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        await SeedSiteAsync(clinic);
        await using (var scope = clinic.Scope())
        {
            for (var i = 0; i < 3; i++) await scope.ServiceProvider.GetRequiredService<RegisterPatient>().HandleAsync(Details($"Chain{i}"));
        }
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone-else' WHERE \"Sequence\" = 2");
            var report = await new VerifyAuditChain(db).HandleAsync();
            Assert.False(report.Intact);
            Assert.Equal(2, report.FirstBrokenSequence);
        }
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task ParallelRegistrations_OnProvider_GetDistinctRecordNumbersAndAnUnbrokenChain(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        await SeedSiteAsync(clinic);
        var views = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = clinic.Scope($"desk{i}");
            return await scope.ServiceProvider.GetRequiredService<RegisterPatient>().HandleAsync(Details($"Parallel{i}"));
        }));
        Assert.Equal(8, views.Select(v => v.RecordNumber).Distinct().Count());
        await using var check = clinic.Scope();
        Assert.True((await new VerifyAuditChain(check.ServiceProvider.GetRequiredService<ClinicDb>()).HandleAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task HardDelete_OfClinicalData_IsRefused(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        await SeedSiteAsync(clinic);
        await using var scope = clinic.Scope();
        var id = (await scope.ServiceProvider.GetRequiredService<RegisterPatient>().HandleAsync(Details("Delete"))).Id;
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        db.Patients.Remove(await db.Patients.SingleAsync(p => p.Id == id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    /// <summary>Durability, lock waiting and foreign keys are set once per native connection, not on every open: a connection
    /// the pool hands out again must still have them.</summary>
    [Fact]
    public async Task SqliteConnections_HaveTheirSettings_OnFirstUseAndWhenThePoolHandsThemOutAgain()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        for (var use = 1; use <= 3; use++)
        {
            await using var scope = clinic.Scope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = db.Database.GetDbConnection();
                async Task<long> Pragma(string name)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"PRAGMA {name};";
                    return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                }
                Assert.Equal(2, await Pragma("synchronous")); // FULL
                Assert.Equal(10_000, await Pragma("busy_timeout"));
                Assert.Equal(1, await Pragma("foreign_keys"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The design-time factories are what `dotnet ef` builds; comparing their model to the migrations needs no server.</summary>
    private sealed class SqliteDesignFactoryAccess
    {
        public SqliteClinicDb Sqlite() => new(new DbContextOptionsBuilder<SqliteClinicDb>().UseSqlite("Data Source=:memory:").Options);

        public PostgresClinicDb Postgres() => new(new DbContextOptionsBuilder<PostgresClinicDb>().UseNpgsql("Host=localhost;Database=none").Options);
    }
}
