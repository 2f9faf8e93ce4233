using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Data;

namespace RegenClinic.Audit;

/// <summary>
/// Group commit for the read audits of web requests (the web hands over each request's reads as its answer starts, see
/// <see cref="Data.ClinicDb.DeferReadAudits"/>). Each request still waits until its entries are durably in the chained audit
/// trail before it answers, but entries of requests arriving together share one transaction and one fsync instead of one
/// each: SQLite has a single writer, and a transaction per read capped reads at the disk's sync rate.
/// If the commit fails, every request in the batch fails: no read is answered unaudited.
/// </summary>
public sealed class AuditGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done)> queue =
        Channel.CreateUnbounded<(IReadOnlyList<AuditEntry>, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly Task writer;

    public AuditGroupCommit(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes when <paramref name="entries"/> are committed (with whatever else was waiting), or fails with the commit.</summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite((entries, done))) throw new InvalidOperationException("The audit writer has stopped.");
        return done.Task.WaitAsync(ct);
    }

    private async Task WriteAsync()
    {
        var batch = new List<(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Done)>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
                db.AuditEntries.AddRange(batch.SelectMany(b => b.Entries));
                await db.SaveChangesAsync();
                foreach (var (_, done) in batch) done.TrySetResult();
            }
#pragma warning disable CA1031 // the failure belongs to the waiting requests; the writer goes on for the next batch
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var (_, done) in batch) done.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }
}
