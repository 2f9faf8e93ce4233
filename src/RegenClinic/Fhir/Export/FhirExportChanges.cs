using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

/// <summary>What <c>_since</c> means for the clinic's tables, which carry no single "last updated" column: a row changed after an
/// instant when one of its record-keeping times (recorded, voided, superseded, registered, prescribed, booked, created) is after
/// it, or when the audit trail has a create or update of it after it (demographics, course and appointment status changes).</summary>
public static class FhirExportChanges
{
    private static readonly string[] ChangeTimes =
        ["RecordedAt", "VoidedAt", "SupersededAt", "RegisteredAt", "PrescribedAt", "BookedAt", "CreatedAt", "UpdatedAt", "AmendedAt", "RetiredAt", "CancelledAt"];

    public static Expression<Func<T, bool>> After<T>(Instant since)
    {
        var row = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        foreach (var property in typeof(T).GetProperties().Where(p => ChangeTimes.Contains(p.Name) && (p.PropertyType == typeof(Instant) || p.PropertyType == typeof(Instant?))))
        {
            var after = Expression.GreaterThan(Expression.Property(row, property), Expression.Constant(since, property.PropertyType));
            any = any is null ? after : Expression.OrElse(any, after);
        }
        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), row);
    }

    public static async Task<List<string>> AuditedIdsAsync(ClinicDb db, string entityType, Instant since, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking()
            .Where(a => a.At > since && a.EntityType == entityType && a.EntityId != null && (a.Action == AuditActions.Create || a.Action == AuditActions.Update))
            .Select(a => a.EntityId!).Distinct().ToListAsync(ct);
}
