using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Patients;

/// <summary>Search by record number, by name prefix ("family given" or "given family"), and/or birth date; paged.</summary>
public sealed class SearchPatients(ClinicDb db, ClinicActor actor, NodaTime.IClock clock)
{
    public const int MaxPageSize = 100;

    public async Task<Page<PatientListItem>> HandleAsync(PatientQuery query, CancellationToken ct = default)
    {
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var q = db.Patients.AsNoTracking();
        var text = query.Text?.Trim() ?? "";
        if (text.StartsWith("RC-", StringComparison.OrdinalIgnoreCase))
        {
            var recordNumber = text.ToUpperInvariant();
            q = q.Where(p => p.RecordNumber == recordNumber);
        }
        else if (text.Length > 0)
        {
            if (LocalDatePattern.Iso.Parse(text) is { Success: true } parsed)
            {
                q = q.Where(p => p.BirthDate == parsed.Value);
            }
            else
            {
                var key = Patient.SearchKey(text);
                var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // Prefix on the indexed "FAMILY GIVEN" key; a reversed "given family" query also matches. A prefix is
                // written as a range so both providers seek the index: LIKE cannot on SQLite (it folds case) nor on
                // PostgreSQL outside the C collation.
                var reversed = words.Length > 1 ? string.Join(' ', words.Skip(1)) + " " + words[0] : key;
                var (keyEnd, reversedEnd) = (PrefixEnd(key), PrefixEnd(reversed));
                q = reversed == key
                    ? q.Where(p => string.Compare(p.SearchName, key) >= 0 && string.Compare(p.SearchName, keyEnd) < 0)
                    : q.Where(p => (string.Compare(p.SearchName, key) >= 0 && string.Compare(p.SearchName, keyEnd) < 0)
                        || (string.Compare(p.SearchName, reversed) >= 0 && string.Compare(p.SearchName, reversedEnd) < 0));
            }
        }
        if (query.BirthDate is { } birth) q = q.Where(p => p.BirthDate == birth);

        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(p => p.SearchName).ThenBy(p => p.BirthDate).ThenBy(p => p.RecordNumber)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        if (text.Length > 0 || query.BirthDate is not null)
        {
            db.AuditEntries.Add(AuditEntry.Create(actor, clock.GetCurrentInstant(), AuditActions.Read, "PatientSearch", null, null, $"{total} found"));
            await db.SaveChangesAsync(ct);
        }
        return new Page<PatientListItem>([.. items.Select(p => p.ToListItem())], page, size, total);
    }

    /// <summary>The first string after every string that starts with <paramref name="prefix"/> in code-point order
    /// (SQLite's BINARY and PostgreSQL's C collation both compare UTF-8 bytes, which is code-point order).</summary>
    private static string PrefixEnd(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);
}

public sealed record PatientQuery(string? Text, LocalDate? BirthDate = null, int Page = 1, int PageSize = 25);
