using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Patients;

public sealed class RegisterPatient(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<PatientView> HandleAsync(PatientDetails details, CancellationToken ct = default)
    {
        // A patient is registered at the registering user's own site (the system uses the first site).
        var home = actor.Scope.HomeSite;
        var site = await db.Sites.Where(s => home == null || s.Id == home).OrderBy(s => s.Code).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("site.none", "No clinic site is set up.");
        // The next record number is read and taken under the write lock, so parallel registrations
        // (two desks, two app instances) cannot take the same one; the unique index is the last line of defence.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAuditChainAsync(ct);
        var patient = Patient.Register(details, await NextRecordNumberAsync(ct), site.Id, actor.Name, time.Now, time.Today);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return patient.ToView(time.Today);
    }

    private async Task<string> NextRecordNumberAsync(CancellationToken ct)
    {
        // Across every site: record numbers are unique clinic-wide, whatever this user may see.
        var last = await db.Patients.IgnoreQueryFilters().OrderByDescending(p => p.RecordNumber).Select(p => p.RecordNumber).FirstOrDefaultAsync(ct);
        var next = last is not null && int.TryParse(last.AsSpan(3), out var n) ? n + 1 : 1;
        return RecordNumber(next);
    }

    /// <summary>RC- and seven digits: sorts as text in number order, so the highest is one index seek away.</summary>
    public static string RecordNumber(int n) => $"RC-{n:D7}";
}
