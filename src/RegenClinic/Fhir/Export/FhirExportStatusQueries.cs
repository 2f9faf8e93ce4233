using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

public sealed record FhirExportOutput(Guid FileId, string Type, int Count);

/// <summary>Where a job stands, and its files once it is complete.</summary>
public sealed record FhirExportState(FhirExportJob Job, IReadOnlyList<FhirExportOutput> Output);

/// <summary>The status URL and file downloads of <c>$export</c>. A job is visible only to whoever kicked it off (a client's id or a
/// staff member's id): to anyone else it does not exist (404), so its existence leaks nothing.</summary>
public sealed class FhirExportStatusQueries(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<FhirExportState> StatusAsync(Guid jobId, CancellationToken ct = default)
    {
        var job = await OwnJobAsync(jobId, ct);
        IReadOnlyList<FhirExportOutput> output = job.Status == FhirExportStatus.Completed
            ? await db.Set<FhirExportFile>().AsNoTracking().Where(f => f.JobId == jobId).OrderBy(f => f.Sequence)
                .Select(f => new FhirExportOutput(f.Id, f.ResourceType, f.Count)).ToListAsync(ct)
            : [];
        return new FhirExportState(job, output);
    }

    /// <summary>DELETE on the status URL: stops a queued or running job (the worker sees it before its next file) or removes the
    /// files of a finished one. Afterwards the status URL answers 404, as the IG asks.</summary>
    public async Task CancelAsync(Guid jobId, CancellationToken ct = default)
    {
        var job = await OwnJobAsync(jobId, ct);
        var now = time.Now;
        var changed = await db.Set<FhirExportJob>().Where(j => j.Id == jobId && j.Status != FhirExportStatus.Cancelled)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, FhirExportStatus.Cancelled).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.Message, "Cancelled by " + actor.Name), ct);
        if (changed == 0) throw FhirException.NotFound("$export", jobId.ToString());
        await db.Set<FhirExportFile>().Where(f => f.JobId == jobId).ExecuteDeleteAsync(ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, now, AuditActions.Update, nameof(FhirExportJob), jobId.ToString(), null,
            $"fhir $export cancelled (was {job.Status}); its files deleted"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One NDJSON file of a complete job. Each download is audited with the job, type and resource count; the patients
    /// in it were audited one by one when the job wrote them.</summary>
    public async Task<FhirExportFile> FileAsync(Guid jobId, Guid fileId, CancellationToken ct = default)
    {
        var job = await OwnJobAsync(jobId, ct);
        if (job.Status != FhirExportStatus.Completed) throw FhirException.NotFound("$export file", fileId.ToString());
        var file = await db.Set<FhirExportFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.JobId == jobId, ct)
            ?? throw FhirException.NotFound("$export file", fileId.ToString());
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, nameof(FhirExportFile), file.Id.ToString(), null,
            $"fhir $export {jobId} file downloaded: {file.Count} {file.ResourceType}"));
        await db.SaveChangesAsync(ct);
        return file;
    }

    private async Task<FhirExportJob> OwnJobAsync(Guid jobId, CancellationToken ct)
    {
        var job = await db.Set<FhirExportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.RequestedById != actor.UserId || job.Status == FhirExportStatus.Cancelled) throw FhirException.NotFound("$export", jobId.ToString());
        return job;
    }
}
