using NodaTime;

namespace RegenClinic.Domain.Eligibility;

/// <summary>The code systems the rules read (clinical reference §1). Facts in other systems are carried but never match a rule.</summary>
public static class CodeSystems
{
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Atc = "http://www.whocc.no/atc";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Arco2019 = "urn:regenclinic:codesystem:arco-2019";
    public const string Aaoms2022 = "urn:regenclinic:codesystem:aaoms-mronj-2022";
}

/// <summary>A code in a code system, e.g. (ICD-10-CM, "M87.180").</summary>
public readonly record struct Coding(string System, string Code);

/// <summary>Condition.clinicalStatus. <see cref="Unrecorded"/> (absent) counts as current, as the reference says.</summary>
public enum ConditionStatus { Unrecorded, Active, Recurrence, Relapse, Inactive, Remission, Resolved }

/// <summary>MedicationStatement/MedicationRequest status reduced to what screening needs.
/// <see cref="Unknown"/> is read as current: a drug that may be taken is safer to flag than to miss.</summary>
public enum MedicationStatus { Active, Intended, OnHold, Unknown, Completed, Stopped }

/// <summary>Everything screening knows about one patient, already filtered of entered-in-error, refuted and not-done records
/// by whoever built it (the FHIR reader, or the web app from its database). No FHIR types: the domain stays pure.</summary>
/// <param name="PatientReference">"Patient/123".</param>
public sealed record PatientFacts(
    string PatientReference,
    IReadOnlyList<ConditionFact> Conditions,
    IReadOnlyList<MedicationFact> Medications,
    IReadOnlyList<AllergyFact> Allergies,
    IReadOnlyList<ObservationFact> Observations,
    IReadOnlyList<ProcedureFact> Procedures)
{
    public static PatientFacts Empty(string patientReference) => new(patientReference, [], [], [], [], []);
}

/// <summary>A diagnosis. <paramref name="Label"/> is what a finding shows, e.g. "Condition/c1 J93.9 active".</summary>
/// <param name="Stage">Condition.stage.summary in ARCO 2019 or AAOMS 2022, if recorded.</param>
/// <param name="RecordedDate">Used only as a conservative stand-in for a missing onset in "within N months" rules.</param>
public sealed record ConditionFact(
    Coding Code,
    string? Display,
    ConditionStatus ClinicalStatus,
    LocalDate? Onset,
    LocalDate? Abatement,
    Coding? Stage,
    string Label,
    LocalDate? RecordedDate = null)
{
    /// <summary>Counts for "has an active X" rules (§1: active, recurrence, relapse or absent).</summary>
    public bool IsCurrent => ClinicalStatus is ConditionStatus.Unrecorded or ConditionStatus.Active or ConditionStatus.Recurrence or ConditionStatus.Relapse;
}

/// <summary>A medication the patient takes, took or is about to take, coded in ATC.</summary>
/// <param name="FromStatement">True for a MedicationStatement (conservative care reads statements only, §1).</param>
public sealed record MedicationFact(
    Coding Code,
    MedicationStatus Status,
    LocalDate? Start,
    LocalDate? End,
    string Label,
    bool FromStatement = true)
{
    /// <summary>§1: active, intended, on-hold are current (and unknown, see <see cref="MedicationStatus"/>).</summary>
    public bool IsCurrent => Status is MedicationStatus.Active or MedicationStatus.Intended or MedicationStatus.OnHold or MedicationStatus.Unknown;
}

/// <summary>An allergy or intolerance that is not resolved, inactive or refuted. <paramref name="Text"/> holds code.text and
/// the codings' displays, matched case-insensitively.</summary>
public sealed record AllergyFact(IReadOnlyList<Coding> Substance, string Text, string Label);

/// <summary>A measurement. <paramref name="Effective"/> is the calendar date as the source recorded it (in its own offset);
/// date windows are judged on it. <paramref name="EffectiveInstant"/> is kept when a time was given.</summary>
public sealed record ObservationFact(
    Coding Code,
    decimal? Value,
    string? Unit,
    Coding? CodedValue,
    LocalDate? Effective,
    Instant? EffectiveInstant,
    string Label);

/// <summary>A procedure that was done or is under way, with its (start) date.</summary>
public sealed record ProcedureFact(Coding Code, LocalDate? Performed, string Label);
