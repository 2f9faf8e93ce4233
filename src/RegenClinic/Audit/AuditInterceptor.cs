using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Audit;

/// <summary>
/// Appends an audit entry per changed entity in the same transaction as the change, and chains every new audit
/// row to the last one. It opens the transaction itself when the caller has none, and takes the database's
/// write lock first, so the chain cannot fork between two writers (or two app instances). One instance serves every
/// pooled context: the actor and the save's own transaction live on the context (<see cref="ClinicDb.Lease"/>).
/// </summary>
public sealed class AuditInterceptor(IClock clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ClinicDb db) return result;
        if (HoldsOnlyDeferredReads(db)) return InterceptionResult<int>.SuppressWithResult(0);
        await PrepareAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not ClinicDb db) return result;
        if (HoldsOnlyDeferredReads(db)) return InterceptionResult<int>.SuppressWithResult(0);
        PrepareAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    /// <summary>A suppressed save leaves its entries Added, so the next real save (or the flush) writes them, in order.</summary>
    private static bool HoldsOnlyDeferredReads(ClinicDb db)
    {
        if (!db.DeferReadAudits) return false;
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged || e.State == EntityState.Detached
            || e is { State: EntityState.Added, Entity: AuditEntry { Action: AuditActions.Read } });
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ClinicDb { AuditTransaction: { } tx } db)
        {
            db.AuditTransaction = null;
            await tx.CommitAsync(cancellationToken);
            await tx.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ClinicDb { AuditTransaction: { } tx } db)
        {
            db.AuditTransaction = null;
            await tx.RollbackAsync(cancellationToken);
            await tx.DisposeAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private async ValueTask PrepareAsync(ClinicDb db, CancellationToken ct)
    {
        var actor = db.Actor ?? throw new InvalidOperationException("A save through the app's services without an actor: contexts are handed out by ClinicDb.Lease.");
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .ToList();
        await Security.SiteWriteGuard.CheckAsync(db, actor, changed, ct);
        var now = Instant.FromUnixTimeMilliseconds(clock.GetCurrentInstant().ToUnixTimeMilliseconds());
        foreach (var entry in changed)
        {
            if (entry.State == EntityState.Deleted && entry.Entity is ChartEntry or Domain.Patients.Patient)
                throw new InvalidOperationException($"Clinical data is never hard-deleted ({entry.Metadata.ClrType.Name}); void it with a reason.");
        }

        if (actor.BulkOperation is { } bulk && changed.Count > 0)
        {
            var summary = string.Join(", ", changed.GroupBy(e => e.Metadata.ClrType.Name).Select(g => $"{g.Count()} {g.Key}"));
            db.AuditEntries.Add(AuditEntry.Create(actor, now, AuditActions.Bulk, "bulk", null, null, $"{bulk}: {summary}"));
        }
        else
        {
            foreach (var entry in changed) db.AuditEntries.Add(Describe(actor, entry, now));
        }

        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0) return;

        if (db.Database.CurrentTransaction is null) db.AuditTransaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var (sequence, hash) = last is null ? (0L, "") : (last.Sequence, last.Hash);
        foreach (var audit in pending)
        {
            sequence++;
            audit.Chain(sequence, hash);
            hash = audit.Hash;
        }
    }

    private static AuditEntry Describe(ClinicActor actor, EntityEntry entry, Instant now)
    {
        var type = entry.Metadata.ClrType.Name;
        var key = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
        var entityId = key is null ? null : string.Join(",", key);
        Guid? patientId = entry.Entity switch
        {
            Domain.Patients.Patient p => p.Id,
            _ when entry.Metadata.FindProperty("PatientId") is not null => entry.Property("PatientId").CurrentValue as Guid?,
            _ => null,
        };
        var action = entry.State switch
        {
            EntityState.Added => AuditActions.Create,
            EntityState.Deleted => AuditActions.Delete,
            _ => AuditActions.Update,
        };
        // Property names only: the audit trail says what changed, the record itself holds the values.
        var details = entry.State == EntityState.Modified
            ? string.Join(",", entry.Properties.Where(p => p.IsModified && !IsSecret(p.Metadata.Name)).Select(p => p.Metadata.Name))
            : null;
        return AuditEntry.Create(actor, now, action, type, entityId, patientId, details);
    }

    private static bool IsSecret(string property) =>
        property is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp" or "Xml";
}
