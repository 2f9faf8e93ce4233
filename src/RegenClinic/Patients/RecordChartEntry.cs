using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Patients;

public enum ChartEntryKind { Condition, Medication, Allergy, Observation, Imaging, Assessment, Procedure }

/// <summary>Adds a clinical entry, or, with <c>Amends</c> and a reason, its new version; the old version stays, marked superseded.</summary>
public sealed class RecordChartEntry(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid patientId, object details, Guid? amends = null, string? amendReason = null, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
            throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        var (now, today) = (time.Now, time.Today);
        ChartEntry entry = details switch
        {
            ConditionDetails d => ConditionEntry.Record(patientId, d, actor.Name, now, today),
            MedicationDetails d => MedicationEntry.Record(patientId, d, actor.Name, now, today),
            AllergyDetails d => AllergyEntry.Record(patientId, d, actor.Name, now),
            ObservationDetails d => ObservationEntry.Record(patientId, d, actor.Name, now),
            ImagingDetails d => ImagingStudyEntry.Record(patientId, d, actor.Name, now, today),
            AssessmentDetails d => AssessmentEntry.Record(patientId, d, actor.Name, now, today),
            ProcedureDetails d => ProcedureEntry.Record(patientId, d, actor.Name, now, today),
            _ => throw new ArgumentException($"Unknown chart entry details {details.GetType().Name}.", nameof(details)),
        };
        if (amends is { } previousId)
        {
            var previous = await FindAsync(KindOf(entry), previousId, ct);
            if (previous.PatientId != patientId) throw new DomainException("entry.not-found", "No such entry on this chart.", "amends");
            previous.AmendWith(entry, amendReason ?? "");
        }
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>Loads an entry for its amendment form; that is a read of the chart, so it is audited.</summary>
    public async Task<ChartEntry> OpenForAmendmentAsync(Guid patientId, ChartEntryKind kind, Guid id, CancellationToken ct = default)
    {
        var entry = await FindAsync(kind, id, ct);
        if (entry.PatientId != patientId) throw new DomainException("entry.not-found", "No such entry on this chart.", "amends");
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, entry.GetType().Name, entry.Id.ToString(), patientId, "amendment form"));
        await db.SaveChangesAsync(ct);
        return entry;
    }

    internal async Task<ChartEntry> FindAsync(ChartEntryKind kind, Guid id, CancellationToken ct) => kind switch
    {
        ChartEntryKind.Condition => (ChartEntry?)await db.Conditions.FirstOrDefaultAsync(x => x.Id == id, ct),
        ChartEntryKind.Medication => (ChartEntry?)await db.Medications.FirstOrDefaultAsync(x => x.Id == id, ct),
        ChartEntryKind.Allergy => (ChartEntry?)await db.Allergies.FirstOrDefaultAsync(x => x.Id == id, ct),
        ChartEntryKind.Observation => (ChartEntry?)await db.Observations.FirstOrDefaultAsync(x => x.Id == id, ct),
        ChartEntryKind.Imaging => (ChartEntry?)await db.ImagingStudies.FirstOrDefaultAsync(x => x.Id == id, ct),
        ChartEntryKind.Assessment => (ChartEntry?)await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct),
        ChartEntryKind.Procedure => (ChartEntry?)await db.Procedures.FirstOrDefaultAsync(x => x.Id == id, ct),
        _ => null,
    } ?? throw new DomainException("entry.not-found", "No such entry.", "id");

    public static ChartEntryKind KindOf(ChartEntry entry) => entry switch
    {
        ConditionEntry => ChartEntryKind.Condition,
        MedicationEntry => ChartEntryKind.Medication,
        AllergyEntry => ChartEntryKind.Allergy,
        ObservationEntry => ChartEntryKind.Observation,
        ImagingStudyEntry => ChartEntryKind.Imaging,
        ProcedureEntry => ChartEntryKind.Procedure,
        _ => ChartEntryKind.Assessment,
    };
}

public sealed class VoidChartEntry(ClinicDb db, ClinicActor actor, ClinicTime time, RecordChartEntry entries)
{
    public async Task HandleAsync(Guid patientId, ChartEntryKind kind, Guid entryId, string reason, CancellationToken ct = default)
    {
        var entry = await entries.FindAsync(kind, entryId, ct);
        if (entry.PatientId != patientId) throw new DomainException("entry.not-found", "No such entry on this chart.", "id");
        entry.Void(actor.Name, reason, time.Now);
        await db.SaveChangesAsync(ct);
    }
}
