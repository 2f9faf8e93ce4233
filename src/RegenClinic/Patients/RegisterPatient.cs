using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Patients;

public sealed class RegisterPatient(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <param name="siteId">The site the patient belongs to; null = the registering user's own site.</param>
    public async Task<PatientView> HandleAsync(PatientDetails details, Guid? siteId = null, CancellationToken ct = default)
    {
        // At the site the caller names (an accepted enquiry's centre), else at the registering user's own site (the system
        // and single-site clinics use the first site). The write guard refuses a site the user may not see.
        var wanted = siteId ?? actor.Scope.HomeSite;
        var site = await db.Sites.Where(s => wanted == null || s.Id == wanted).OrderBy(s => s.Code).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("site.none", "No clinic site is set up.");
        // The next record number is read and taken under the write lock, so parallel registrations
        // (two desks, two app instances) cannot take the same one; the unique index is the last line of defence.
        // A caller that already holds a transaction (an accepted enquiry becoming a patient and a course) keeps it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.LockAuditChainAsync(ct);
        var patient = Patient.Register(details, await NextRecordNumberAsync(ct), site.Id, actor.Name, time.Now, time.Today);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return patient.ToView(time.Today);
    }

    private async Task<string> NextRecordNumberAsync(CancellationToken ct) => RecordNumber(await NextRecordSequenceAsync(db, ct));

    /// <summary>The number after the highest saved one; read it under the write lock (a FHIR import takes several in a row from it).</summary>
    internal static async Task<int> NextRecordSequenceAsync(ClinicDb db, CancellationToken ct)
    {
        // Across every site: record numbers are unique clinic-wide, whatever this user may see.
        var last = await db.Patients.IgnoreQueryFilters().OrderByDescending(p => p.RecordNumber).Select(p => p.RecordNumber).FirstOrDefaultAsync(ct);
        return last is not null && int.TryParse(last.AsSpan(3), out var n) ? n + 1 : 1;
    }

    /// <summary>RC- and seven digits: sorts as text in number order, so the highest is one index seek away.</summary>
    public static string RecordNumber(int n) => $"RC-{n:D7}";
}
