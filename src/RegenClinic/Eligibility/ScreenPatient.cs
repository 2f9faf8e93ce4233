using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Eligibility;

/// <summary>Screens a patient for all eight therapies on the clinic's today, from the current chart, and stores one record per
/// therapy with the rule-set version, the full result and the facts it read. A screening is for its date: screen again
/// on the day a decision or course start depends on it.</summary>
public sealed class ScreenPatient(ClinicDb db, ClinicActor actor, ClinicTime time, ScreeningSettings settings)
{
    public async Task<IReadOnlyList<Guid>> HandleAsync(Guid patientId, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
            throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        var (today, now) = (time.Today, time.Now);
        var facts = await PatientFactsFromChart.LoadAsync(db, patientId, time.Zone, ct);
        var factsJson = ScreeningJson.Write(facts);
        var records = Screening.ScreenAll(facts, today, settings)
            .Select(result => ScreeningRecord.Store(patientId, result, today, ScreeningJson.Write(result), factsJson, actor.Name, now))
            .ToList();
        db.Screenings.AddRange(records);
        await db.SaveChangesAsync(ct);
        return records.Select(r => r.Id).ToList();
    }
}
