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
        var site = await db.Sites.OrderBy(s => s.Code).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("site.none", "No clinic site is set up.");
        for (var attempt = 0; ; attempt++)
        {
            var patient = Patient.Register(details, await NextRecordNumberAsync(ct), site.Id, actor.Name, time.Now, time.Today);
            db.Patients.Add(patient);
            try
            {
                await db.SaveChangesAsync(ct);
                return patient.ToView(time.Today);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two registrations took the same record number; the unique index refused one. Take the next.
                db.Entry(patient).State = EntityState.Detached;
                foreach (var e in db.ChangeTracker.Entries<AuditEntry>().ToList()) e.State = EntityState.Detached;
            }
        }
    }

    private async Task<string> NextRecordNumberAsync(CancellationToken ct)
    {
        var last = await db.Patients.OrderByDescending(p => p.RecordNumber).Select(p => p.RecordNumber).FirstOrDefaultAsync(ct);
        var next = last is not null && int.TryParse(last.AsSpan(3), out var n) ? n + 1 : 1;
        return RecordNumber(next);
    }

    /// <summary>RC- and seven digits: sorts as text in number order, so the highest is one index seek away.</summary>
    public static string RecordNumber(int n) => $"RC-{n:D7}";
}
