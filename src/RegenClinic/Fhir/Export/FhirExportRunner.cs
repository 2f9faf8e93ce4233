using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

/// <summary>
/// Runs the oldest queued export. The claim is a conditional update (only one instance turns Queued into Running). The export
/// reads from one database snapshot (SQLite: a deferred read transaction under WAL; PostgreSQL: repeatable read) so that the
/// files are consistent with <see cref="FhirExportJob.TransactionTime"/>, taken just before it, while writers go on. Files and
/// audit entries are written through a second context as the requester, so the trail names who the data went to.
/// </summary>
public sealed class FhirExportRunner(IServiceScopeFactory scopes, ClinicTime time, FhirExportSettings settings)
{
    /// <summary>Resources per NDJSON file; a type with more gets several files, as the IG allows.</summary>
    public const int FileSize = 5000;
    private const int AuditBatch = 2000;
    private static readonly NodaTime.Duration Stale = NodaTime.Duration.FromMinutes(10);

    public async Task<bool> RunNextAsync(string worker, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var stale = time.Now - Stale;
        var orphans = await db.Set<FhirExportJob>().AsNoTracking()
            .Where(j => j.Status == FhirExportStatus.Running && j.HeartbeatAt < stale).Select(j => j.Id).ToListAsync(ct);
        foreach (var orphan in orphans) await FailAsync(db, orphan, "The exporting instance stopped; kick off the export again.", ct);
        await ExpireAsync(db, scope.ServiceProvider.GetRequiredService<ClinicActor>(), ct);

        var next = await db.Set<FhirExportJob>().AsNoTracking().Where(j => j.Status == FhirExportStatus.Queued)
            .OrderBy(j => j.RequestedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
        if (next is not { } id) return false;
        var now = time.Now;
        var claimed = await db.Set<FhirExportJob>().Where(j => j.Id == id && j.Status == FhirExportStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, FhirExportStatus.Running).SetProperty(j => j.Worker, worker)
                .SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Progress, "started"), ct);
        if (claimed == 0) return true; // another instance took it
        try
        {
            await RunAsync(id, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or FhirException or Domain.Common.DomainException)
        {
            await FailAsync(db, id, "The export failed: " + ex.Message, CancellationToken.None);
        }
        return true;
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var writeScope = scopes.CreateAsyncScope();
        var writer = writeScope.ServiceProvider.GetRequiredService<ClinicDb>();
        var job = await writer.Set<FhirExportJob>().AsNoTracking().FirstAsync(j => j.Id == id, ct);
        var actor = writeScope.ServiceProvider.GetRequiredService<ClinicActor>();
        (actor.UserId, actor.Name, actor.Address, actor.Scope) = (job.RequestedById, job.RequestedByName, null, job.Scope);

        await using var readScope = scopes.CreateAsyncScope();
        readScope.ServiceProvider.GetRequiredService<ClinicActor>().Scope = job.Scope;
        var reader = readScope.ServiceProvider.GetRequiredService<ClinicDb>();
        var transactionTime = time.Now;
        await BeginSnapshotAsync(reader, ct);
        await writer.Set<FhirExportJob>().Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.TransactionTime, transactionTime), ct);

        var perPatient = new Dictionary<Guid, int>();
        var (sequence, total) = (0, 0);
        var types = job.TypeNames;
        for (var t = 0; t < types.Count; t++)
        {
            var type = FhirRegistry.Find(types[t]) ?? throw new InvalidOperationException($"{types[t]} is no longer served.");
            var lines = new StringBuilder();
            var count = 0;
            await foreach (var match in type.ExportAsync(reader, job.Since, ct))
            {
                lines.Append(FhirJson.Serialize(match.Resource)).Append('\n');
                count++;
                if (match.PatientId is { } patient) perPatient[patient] = perPatient.GetValueOrDefault(patient) + 1;
                if (count == FileSize && !await FlushAsync()) return;
            }
            if (count > 0 && !await FlushAsync()) return;

            async Task<bool> FlushAsync()
            {
                total += count;
                var written = await WriteFileAsync(writer, id, type.Name, ++sequence, count, lines, $"{type.Name} ({t + 1} of {types.Count} types), {total} resources", ct);
                (count, lines) = (0, new StringBuilder());
                return written;
            }
        }

        // One entry per exported patient: a patient's own trail (and an accounting of disclosures) must show that their record
        // left the clinic in this export and to whom. A single summary entry could not answer "who received my data?".
        foreach (var batch in perPatient.Chunk(AuditBatch))
        {
            var now = time.Now;
            foreach (var (patient, resources) in batch)
            {
                writer.AuditEntries.Add(AuditEntry.Create(actor, now, AuditActions.Read, "FhirBulkExport", id.ToString(), patient,
                    string.Create(CultureInfo.InvariantCulture, $"fhir $export ({job.Level}) to {job.RequestedByName}: {resources} resources")));
            }
            await writer.SaveChangesAsync(ct);
            writer.ChangeTracker.Clear();
        }

        var finished = time.Now;
        var completed = await writer.Set<FhirExportJob>().Where(j => j.Id == id && j.Status == FhirExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, FhirExportStatus.Completed).SetProperty(j => j.FinishedAt, finished)
                .SetProperty(j => j.ResourceCount, total).SetProperty(j => j.PatientCount, perPatient.Count)
                .SetProperty(j => j.Progress, $"complete: {total} resources of {perPatient.Count} patients"), ct);
        if (completed == 0) await DeleteFilesAsync(writer, id, ct); // cancelled while the last files were written
    }

    /// <summary>Stores one file and beats the heart; false when the job was cancelled meanwhile (its files are then removed).</summary>
    private async Task<bool> WriteFileAsync(ClinicDb writer, Guid id, string type, int sequence, int count, StringBuilder lines, string progress, CancellationToken ct)
    {
        writer.Add(FhirExportFile.Write(id, type, sequence, count, lines.ToString()));
        await writer.SaveChangesAsync(ct);
        writer.ChangeTracker.Clear();
        var now = time.Now;
        var running = await writer.Set<FhirExportJob>().Where(j => j.Id == id && j.Status == FhirExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Progress, progress), ct);
        if (running > 0) return true;
        await DeleteFilesAsync(writer, id, ct);
        return false;
    }

    private static async Task BeginSnapshotAsync(ClinicDb reader, CancellationToken ct)
    {
        if (reader.Database.IsSqlite())
        {
            // EF's SQLite transactions are IMMEDIATE (they take the write lock); a deferred one only reads, from one WAL snapshot.
            await reader.Database.OpenConnectionAsync(ct);
            var transaction = ((SqliteConnection)reader.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await reader.Database.UseTransactionAsync(transaction, ct);
            _ = await reader.Set<FhirExportJob>().AsNoTracking().AnyAsync(ct); // the snapshot starts with the first read
        }
        else
        {
            await reader.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        }
    }

    /// <summary>Fails a job still running (not one cancelled meanwhile) and removes its files.</summary>
    private async Task FailAsync(ClinicDb db, Guid id, string message, CancellationToken ct)
    {
        var now = time.Now;
        var text = message.Length > 2000 ? message[..2000] : message;
        await db.Set<FhirExportJob>().Where(j => j.Id == id && j.Status == FhirExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, FhirExportStatus.Failed).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Message, text), ct);
        await DeleteFilesAsync(db, id, ct);
    }

    /// <summary>Completed exports are copies of patient data: their files are deleted <see cref="FhirExportSettings.RetentionHours"/>
    /// after completion and the job ends as cancelled (its status URL then answers 404), recorded in the audit trail.</summary>
    private async Task ExpireAsync(ClinicDb db, ClinicActor system, CancellationToken ct)
    {
        var cutoff = time.Now - settings.Retention;
        var expired = await db.Set<FhirExportJob>().AsNoTracking()
            .Where(j => j.Status == FhirExportStatus.Completed && j.FinishedAt < cutoff).Select(j => j.Id).ToListAsync(ct);
        var message = $"Files deleted {settings.RetentionHours} h after the export completed.";
        foreach (var id in expired)
        {
            var now = time.Now;
            var ended = await db.Set<FhirExportJob>().Where(j => j.Id == id && j.Status == FhirExportStatus.Completed)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, FhirExportStatus.Cancelled).SetProperty(j => j.Message, message), ct);
            if (ended == 0) continue; // another instance expired it, or its requester deleted it
            await DeleteFilesAsync(db, id, ct);
            db.AuditEntries.Add(AuditEntry.Create(system, now, AuditActions.Update, nameof(FhirExportJob), id.ToString(), null, "fhir $export expired: " + message));
            await db.SaveChangesAsync(ct);
        }
    }

    private static Task<int> DeleteFilesAsync(ClinicDb db, Guid id, CancellationToken ct) =>
        db.Set<FhirExportFile>().Where(f => f.JobId == id).ExecuteDeleteAsync(ct);
}

/// <summary><c>Fhir:ExportRetentionHours</c> (default 24): how long a completed export's files stay downloadable.</summary>
public sealed record FhirExportSettings(int RetentionHours)
{
    public NodaTime.Duration Retention => NodaTime.Duration.FromHours(RetentionHours);
}
