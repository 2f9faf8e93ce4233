using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Travel;
using RegenClinic.Scheduling;

namespace RegenClinic.Travel;

/// <summary>Settings of the travel feature: <c>Travel:AttachmentRetentionDays</c> (default 90) and the outbox folder.</summary>
public sealed record TravelSettings(int AttachmentRetentionDays, string OutboxFolder, string MailFrom);

public sealed record RetentionOutcome(int Enquiries, int FilesRemoved);

/// <summary>
/// Data minimisation (GDPR Art. 5(1)(e)): the imaging reports and photos of an enquiry that was declined or withdrawn are
/// not kept longer than needed. After <see cref="TravelSettings.AttachmentRetentionDays"/> days from the decline or withdrawal,
/// the files are deleted from disk; their description (name, type, size, SHA-256) stays on the enquiry, marked removed, with
/// an entry in its history. The enquiry update and the history entry are audited by the interceptor. Runs once a day across
/// all instances (<see cref="TravelJobRun"/>); returns null when another instance already ran it today.
/// </summary>
public sealed class RemoveExpiredEnquiryFiles(ClinicDb db, ClinicActor actor, ClinicTime time, EnquiryFiles store, TravelSettings settings)
{
    public const string Job = "enquiry-file-retention";

    public async Task<RetentionOutcome?> HandleAsync(string instance, CancellationToken ct = default)
    {
        var run = TravelJobRun.Start(Job, time.Today, instance, time.Now);
        db.TravelJobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (PlaceSession.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return null;
        }

        var cutoff = time.Now - Duration.FromDays(settings.AttachmentRetentionDays);
        var closed = await db.Enquiries.Where(e => e.Status == EnquiryStatus.Declined || e.Status == EnquiryStatus.Withdrawn).ToListAsync(ct);
        var ids = closed.Select(e => e.Id).ToList();
        var closedAt = await db.EnquiryEvents.AsNoTracking()
            .Where(v => ids.Contains(v.EnquiryId) && v.Kind == EnquiryEventKind.Transition && (v.To == EnquiryStatus.Declined || v.To == EnquiryStatus.Withdrawn))
            .GroupBy(v => v.EnquiryId).Select(g => new { g.Key, At = g.Max(v => v.At) }).ToDictionaryAsync(x => x.Key, x => x.At, ct);
        var removed = new List<EnquiryFile>();
        var enquiries = 0;
        foreach (var enquiry in closed.Where(e => closedAt.TryGetValue(e.Id, out var at) && at <= cutoff))
        {
            // Bytes of files marked removed on an earlier run whose deletion failed are deleted again.
            removed.AddRange(enquiry.Files.Where(f => f.RemovedAt is not null));
            var now = enquiry.MarkFilesRemoved(time.Now);
            if (now.Count == 0) continue;
            enquiries++;
            removed.AddRange(now);
            db.EnquiryEvents.Add(EnquiryEvent.Of(enquiry.Id, EnquiryEventKind.FileRemoved,
                $"{now.Count} file(s) deleted {settings.AttachmentRetentionDays} days after the enquiry closed ({string.Join(", ", now.Select(f => f.OriginalName))}); name, type, size and SHA-256 kept.",
                actor.Name, time.Now));
        }
        var count = removed.Count(f => f.RemovedAt is null);
        run.Finish($"{enquiries} enquiries, {count} files removed (retention {settings.AttachmentRetentionDays} days)", time.Now);
        // The metadata is saved first: a crash between the two steps leaves bytes to delete again, never a file marked present that is gone.
        await db.SaveChangesAsync(ct);
        store.Delete(removed);
        return new RetentionOutcome(enquiries, count);
    }
}
