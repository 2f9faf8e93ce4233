using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Eligibility;

/// <summary>The latest screening per therapy for a patient (or one screening by id), with the read audited.</summary>
public sealed class ViewScreenings(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<IReadOnlyList<ScreeningView>> HandleAsync(Guid patientId, CancellationToken ct = default)
    {
        var records = await db.Screenings.AsNoTracking().Where(s => s.PatientId == patientId).ToListAsync(ct);
        var latest = records.GroupBy(r => r.Therapy).Select(g => g.OrderByDescending(r => r.ScreenedAt).ThenByDescending(r => r.Id).First())
            .OrderBy(r => TherapyIndex(r.Therapy)).ToList();
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Screenings", patientId.ToString(), patientId, $"{latest.Count} therapies"));
        await db.SaveChangesAsync(ct);
        return latest.Select(ScreeningView.From).ToList();
    }

    public async Task<ScreeningView> OneAsync(Guid patientId, Guid screeningId, CancellationToken ct = default)
    {
        var record = await db.Screenings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == screeningId && s.PatientId == patientId, ct)
            ?? throw new DomainException("screening.not-found", "No such screening for this patient.", "screeningId");
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, nameof(ScreeningRecord), record.Id.ToString(), patientId, record.Therapy));
        await db.SaveChangesAsync(ct);
        return ScreeningView.From(record);
    }

    private static int TherapyIndex(string therapy)
    {
        for (var i = 0; i < TherapyId.All.Count; i++) if (TherapyId.All[i].Value == therapy) return i;
        return int.MaxValue;
    }
}
