using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Patients;

/// <summary>Opens a patient's chart and records the read in the audit trail before returning anything.</summary>
public sealed class ViewChart(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<ChartView> HandleAsync(Guid patientId, bool includeClinical, CancellationToken ct = default)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct)
            ?? throw new DomainException("patient.not-found", "No patient with this id.", "id");
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, includeClinical ? "Chart" : "Demographics",
            patient.Id.ToString(), patient.Id, null));
        await db.SaveChangesAsync(ct);
        return new ChartView(patient.ToView(time.Today), includeClinical ? await ClinicalAsync(patientId, ct) : null);
    }

    private async Task<ClinicalView> ClinicalAsync(Guid id, CancellationToken ct)
    {
        var conditions = await db.Conditions.AsNoTracking().Where(x => x.PatientId == id).OrderByDescending(x => x.RecordedAt).ToListAsync(ct);
        var medications = await db.Medications.AsNoTracking().Where(x => x.PatientId == id).OrderByDescending(x => x.RecordedAt).ToListAsync(ct);
        var allergies = await db.Allergies.AsNoTracking().Where(x => x.PatientId == id).OrderByDescending(x => x.RecordedAt).ToListAsync(ct);
        var observations = await db.Observations.AsNoTracking().Where(x => x.PatientId == id).OrderByDescending(x => x.EffectiveAt).ToListAsync(ct);
        var imaging = await db.ImagingStudies.AsNoTracking().Where(x => x.PatientId == id).OrderByDescending(x => x.Date).ToListAsync(ct);
        var assessments = await db.Assessments.AsNoTracking().Where(x => x.PatientId == id).OrderByDescending(x => x.Date).ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Where(x => x.PatientId == id).OrderByDescending(x => x.Performed).ToListAsync(ct);

        var local = (NodaTime.Instant i) => time.Local(i).Date;
        var timeline = conditions.Select(c => new TimelineItem(c.Onset ?? local(c.RecordedAt), "condition", $"{c.Code} {c.Display}", c.Id, c.IsCurrent))
            .Concat(medications.Select(m => new TimelineItem(m.Start ?? local(m.RecordedAt), "medication", $"{m.Display} ({m.AtcCode})", m.Id, m.IsCurrent)))
            .Concat(imaging.Select(i => new TimelineItem(i.Date, "imaging", $"{i.Modality} {i.BodySite}: {i.Finding}", i.Id, i.IsCurrent)))
            .Concat(procedures.Select(p => new TimelineItem(p.Performed, "procedure", $"{p.Display} ({p.Code})", p.Id, p.IsCurrent)))
            .Concat(assessments.Select(a => new TimelineItem(a.Date, "assessment", a.BaselinePain is { } p ? $"NRS {p}/10" : "assessment", a.Id, a.IsCurrent)))
            .Concat(observations.Where(o => o.Category != ObservationCategory.Survey)
                .Select(o => new TimelineItem(local(o.EffectiveAt), "observation", $"{o.Display} {o.Value}{o.ValueDisplay} {o.Unit}".TrimEnd(), o.Id, o.IsCurrent)))
            .OrderByDescending(t => t.Date).ToList();

        return new ClinicalView(conditions, medications, allergies, observations, imaging, assessments, procedures,
            RiskFlags.For(conditions, medications, allergies), timeline);
    }
}
