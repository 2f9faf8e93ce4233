using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Data;

namespace RegenClinic.Audit;

public sealed record AuditFilter(string? Actor = null, string? Action = null, Guid? PatientId = null, Instant? From = null, Instant? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditChainReport(bool Intact, long Checked, long? FirstBrokenSequence, string? Problem);

/// <summary>The Admin's view of the trail, and the check that no row was edited, removed or inserted out of order.</summary>
public sealed class BrowseAudit(ClinicDb db)
{
    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> HandleAsync(AuditFilter f, CancellationToken ct = default)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(a => a.ActorName.Contains(f.Actor));
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (f.PatientId is { } p) q = q.Where(a => a.PatientId == p);
        if (f.From is { } from) q = q.Where(a => a.At >= from);
        if (f.To is { } to) q = q.Where(a => a.At < to);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize, 1, 200);
        var items = await q.OrderByDescending(a => a.Sequence).Skip((Math.Max(1, f.Page) - 1) * size).Take(size).ToListAsync(ct);
        return (items, total);
    }
}

public sealed class VerifyAuditChain(ClinicDb db)
{
    public async Task<AuditChainReport> HandleAsync(CancellationToken ct = default)
    {
        var previous = "";
        long expected = 1, count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expected) return new(false, count, expected, $"sequence {expected} is missing (next found: {entry.Sequence})");
            if (entry.PreviousHash != previous) return new(false, count, entry.Sequence, "previous-hash link does not match the row before");
            if (entry.ComputeHash() != entry.Hash) return new(false, count, entry.Sequence, "row content does not match its hash (edited)");
            previous = entry.Hash;
            expected++;
        }
        return new(true, count, null, null);
    }
}
