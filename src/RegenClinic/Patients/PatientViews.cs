using NodaTime;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Patients;

public sealed record PatientListItem(Guid Id, string RecordNumber, string FamilyName, string GivenName, LocalDate BirthDate, Sex Sex);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record PatientView(
    Guid Id, string RecordNumber, string FamilyName, string GivenName, LocalDate BirthDate, int Age, Sex Sex,
    string? Phone, string? Email, string? Address, string PreferredLanguage, HomePhysician? HomePhysician, Instant RegisteredAt);

/// <summary>A chart: demographics always; the clinical lists only for roles that may read them (docs/permissions.md).</summary>
public sealed record ChartView(PatientView Patient, ClinicalView? Clinical);

public sealed record ClinicalView(
    IReadOnlyList<ConditionEntry> Conditions,
    IReadOnlyList<MedicationEntry> Medications,
    IReadOnlyList<AllergyEntry> Allergies,
    IReadOnlyList<ObservationEntry> Observations,
    IReadOnlyList<ImagingStudyEntry> Imaging,
    IReadOnlyList<AssessmentEntry> Assessments,
    IReadOnlyList<ProcedureEntry> Procedures,
    IReadOnlyList<RiskFlag> RiskFlags,
    IReadOnlyList<TimelineItem> Timeline);

public sealed record TimelineItem(LocalDate Date, string Kind, string Text, Guid EntryId, bool Current);

public static class PatientMapping
{
    public static PatientListItem ToListItem(this Patient p) => new(p.Id, p.RecordNumber, p.FamilyName, p.GivenName, p.BirthDate, p.Sex);

    public static PatientView ToView(this Patient p, LocalDate today) => new(
        p.Id, p.RecordNumber, p.FamilyName, p.GivenName, p.BirthDate, p.AgeOn(today), p.Sex,
        p.Phone, p.Email, p.Address, p.PreferredLanguage, p.HomePhysician, p.RegisteredAt);
}
