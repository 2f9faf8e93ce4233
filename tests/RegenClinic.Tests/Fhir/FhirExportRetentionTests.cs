using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Fhir;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Fhir;

/// <summary>A completed bulk export is a copy of patient data: the runner's pass deletes its files
/// <c>Fhir:ExportRetentionHours</c> (24 by default) after completion. (The export itself runs against a file database in
/// <c>Web.Tests/Fhir/FhirBulkExportTests</c>; an in-memory SQLite database cannot hold its snapshot beside a writer.)</summary>
public sealed class FhirExportRetentionTests
{
    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task CompletedExport_FilesKeptFor24Hours_ThenDeletedAndTheJobEndsAudited(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var job = FhirExportJob.Queue("system", ["Patient"], null, "http://localhost/fhir/$export", "client:rc-registry", "Registry", null, clinic.Clock.GetCurrentInstant());
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            db.Add(job);
            db.Add(FhirExportFile.Write(job.Id, "Patient", 1, 1, "{\"resourceType\":\"Patient\"}"));
            await db.SaveChangesAsync();
            var finished = clinic.Clock.GetCurrentInstant();
            await db.Set<FhirExportJob>().Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, FhirExportStatus.Completed).SetProperty(j => j.FinishedAt, finished));
        }

        async Task<(FhirExportStatus Status, int Files)> PassAsync()
        {
            await using var scope = clinic.Scope();
            await scope.ServiceProvider.GetRequiredService<FhirExportRunner>().RunNextAsync("worker");
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            return (await db.Set<FhirExportJob>().Where(j => j.Id == job.Id).Select(j => j.Status).SingleAsync(),
                await db.Set<FhirExportFile>().CountAsync(f => f.JobId == job.Id));
        }

        clinic.Clock.Advance(Duration.FromHours(23));
        var within = await PassAsync();
        clinic.Clock.Advance(Duration.FromHours(1) + Duration.FromMinutes(1));
        var after = await PassAsync();

        Assert.Equal((FhirExportStatus.Completed, 1), within);
        Assert.Equal((FhirExportStatus.Cancelled, 0), after);
        await using var check = clinic.Scope();
        var audit = await check.ServiceProvider.GetRequiredService<ClinicDb>().AuditEntries
            .SingleAsync(a => a.EntityType == nameof(FhirExportJob) && a.EntityId == job.Id.ToString() && a.Action == RegenClinic.Audit.AuditActions.Update);
        Assert.Equal(("system", "fhir $export expired: Files deleted 24 h after the export completed."), (audit.ActorName, audit.Details));
    }
}
