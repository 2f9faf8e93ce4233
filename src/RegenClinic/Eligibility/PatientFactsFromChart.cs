using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Patients;
using EligibilityMedicationStatus = RegenClinic.Domain.Eligibility.MedicationStatus;
using MedicationStatus = RegenClinic.Domain.Patients.MedicationStatus;

namespace RegenClinic.Eligibility;

/// <summary>The chart as screening sees it: current entries only (voided and superseded versions are history of the record,
/// not of the patient), mapped to the same facts and labels the FHIR reader produces (clinical reference §1), so that a
/// patient screens the same whether they arrive as a bundle or are charted here.</summary>
public static class PatientFactsFromChart
{
    public static async Task<PatientFacts> LoadAsync(ClinicDb db, Guid patientId, DateTimeZone zone, CancellationToken ct)
    {
        var conditions = await db.Conditions.AsNoTracking().Where(x => x.PatientId == patientId && x.VoidedAt == null && x.SupersededAt == null).OrderBy(x => x.RecordedAt).ToListAsync(ct);
        var medications = await db.Medications.AsNoTracking().Where(x => x.PatientId == patientId && x.VoidedAt == null && x.SupersededAt == null).OrderBy(x => x.RecordedAt).ToListAsync(ct);
        var allergies = await db.Allergies.AsNoTracking().Where(x => x.PatientId == patientId && x.VoidedAt == null && x.SupersededAt == null).OrderBy(x => x.RecordedAt).ToListAsync(ct);
        var observations = await db.Observations.AsNoTracking().Where(x => x.PatientId == patientId && x.VoidedAt == null && x.SupersededAt == null).OrderBy(x => x.EffectiveAt).ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Where(x => x.PatientId == patientId && x.VoidedAt == null && x.SupersededAt == null).OrderBy(x => x.Performed).ToListAsync(ct);
        return From(patientId, conditions, medications, allergies, observations, zone, procedures);
    }

    /// <summary>Pure mapping; entries that are not current are skipped here too, so callers may pass a whole chart.</summary>
    public static PatientFacts From(Guid patientId, IEnumerable<ConditionEntry> conditions, IEnumerable<MedicationEntry> medications,
        IEnumerable<AllergyEntry> allergies, IEnumerable<ObservationEntry> observations, DateTimeZone zone, IEnumerable<ProcedureEntry>? procedures = null) =>
        new($"Patient/{patientId}",
            conditions.Where(c => c.IsCurrent).Select(c => Condition(c, zone)).ToList(),
            medications.Where(m => m.IsCurrent).Select(Medication).ToList(),
            allergies.Where(a => a.IsCurrent).Select(Allergy).ToList(),
            observations.Where(o => o.IsCurrent).Select(o => Observation(o, zone)).ToList(),
            (procedures ?? []).Where(p => p.IsCurrent).Select(Procedure).ToList());

    private static ProcedureFact Procedure(ProcedureEntry p) =>
        new(new Coding(CodeSystems.Snomed, p.Code), p.Performed, $"Procedure/{p.Id} {p.Code}{Dated(" on ", p.Performed)}");

    private static ConditionFact Condition(ConditionEntry c, DateTimeZone zone)
    {
        var (status, word) = c.ClinicalStatus switch
        {
            ClinicalStatus.Active => (ConditionStatus.Active, "active"),
            ClinicalStatus.Recurrence => (ConditionStatus.Recurrence, "recurrence"),
            ClinicalStatus.Relapse => (ConditionStatus.Relapse, "relapse"),
            ClinicalStatus.Inactive => (ConditionStatus.Inactive, "inactive"),
            ClinicalStatus.Remission => (ConditionStatus.Remission, "remission"),
            _ => (ConditionStatus.Resolved, "resolved"),
        };
        Coding? stage = c.StageSystem is { } system && c.Stage is { } code ? new Coding(system, code) : null;
        return new ConditionFact(new Coding(CodeSystems.Icd10Cm, c.Code), c.Display, status, c.Onset, c.Abatement, stage,
            $"Condition/{c.Id} {c.Code} {word}", c.RecordedAt.InZone(zone).Date);
    }

    private static MedicationFact Medication(MedicationEntry m)
    {
        var (status, word) = m.Status switch
        {
            MedicationStatus.Active => (EligibilityMedicationStatus.Active, "active"),
            MedicationStatus.Intended => (EligibilityMedicationStatus.Intended, "intended"),
            MedicationStatus.OnHold => (EligibilityMedicationStatus.OnHold, "on-hold"),
            MedicationStatus.Completed => (EligibilityMedicationStatus.Completed, "completed"),
            _ => (EligibilityMedicationStatus.Stopped, "stopped"),
        };
        // The chart records what the patient takes or took: a MedicationStatement in FHIR terms, so it counts as conservative care.
        return new MedicationFact(new Coding(CodeSystems.Atc, m.AtcCode), status, m.Start, m.End,
            $"MedicationStatement/{m.Id} {m.AtcCode} {word}{Dated(" from ", m.Start)}{Dated(" to ", m.End)}", FromStatement: true);
    }

    private static AllergyFact Allergy(AllergyEntry a)
    {
        IReadOnlyList<Coding> codes = a.AtcCode is { } atc ? [new Coding(CodeSystems.Atc, atc)] : [];
        return new AllergyFact(codes, a.Substance, $"AllergyIntolerance/{a.Id} {a.Substance}");
    }

    private static ObservationFact Observation(ObservationEntry o, DateTimeZone zone)
    {
        var date = o.EffectiveAt.InZone(zone).Date;
        Coding? coded = o.ValueCode is { } code ? new Coding(o.ValueCodeSystem ?? "", code) : null;
        var shown = o.Value is { } v ? $" {v.ToString("0.####", CultureInfo.InvariantCulture)} {o.Unit}".TrimEnd() : coded is { } x ? $" = {x.Code}" : "";
        return new ObservationFact(new Coding(CodeSystems.Loinc, o.LoincCode), o.Value, o.Unit, coded, date, o.EffectiveAt,
            $"Observation/{o.Id} {o.LoincCode}{shown}{Dated(" on ", date)}");
    }

    private static string Dated(string prefix, LocalDate? date) =>
        date is { } d ? prefix + d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "";
}
