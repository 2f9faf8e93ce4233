using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

/// <summary>FHIR Condition.clinicalStatus values (http://terminology.hl7.org/CodeSystem/condition-clinical).</summary>
public enum ClinicalStatus { Active, Recurrence, Relapse, Inactive, Remission, Resolved }

/// <summary>Stage systems of clinical-reference §1: ARCO 2019 for the femoral head, AAOMS 2022 for MRONJ.</summary>
public static class StageSystems
{
    public const string Arco2019 = "urn:regenclinic:codesystem:arco-2019";
    public const string Aaoms2022 = "urn:regenclinic:codesystem:aaoms-mronj-2022";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Codes = new Dictionary<string, IReadOnlyList<string>>
    {
        [Arco2019] = ["I", "II", "IIIA", "IIIB", "IV"],
        [Aaoms2022] = ["at-risk", "0", "1", "2", "3"],
    };

    public static (string? System, string? Code) Validate(string? system, string? code, string field)
    {
        if (string.IsNullOrWhiteSpace(system) && string.IsNullOrWhiteSpace(code)) return (null, null);
        if (system is null || !Codes.TryGetValue(system, out var allowed))
            throw new DomainException("stage.unknown-system", "Stage system must be ARCO 2019 or AAOMS 2022.", field + "System");
        var trimmed = code?.Trim() ?? "";
        var match = allowed.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException("stage.unknown-code", $"Stage must be one of {string.Join(", ", allowed)}.", field);
        return (system, match);
    }
}

public sealed record ConditionDetails(
    string Code, string Display, ClinicalStatus ClinicalStatus, LocalDate? Onset = null, LocalDate? Abatement = null,
    string? BodySite = null, string? StageSystem = null, string? Stage = null, string? Note = null);

public sealed class ConditionEntry : ChartEntry
{
    private ConditionEntry() { }

    /// <summary>ICD-10-CM code, e.g. M87.180.</summary>
    public string Code { get; private set; } = "";
    public string Display { get; private set; } = "";
    public ClinicalStatus ClinicalStatus { get; private set; }
    public LocalDate? Onset { get; private set; }
    public LocalDate? Abatement { get; private set; }
    public string? BodySite { get; private set; }
    public string? StageSystem { get; private set; }
    public string? Stage { get; private set; }
    public string? Note { get; private set; }

    public bool CountsAsActive => ClinicalStatus is ClinicalStatus.Active or ClinicalStatus.Recurrence or ClinicalStatus.Relapse;

    public static ConditionEntry Record(Guid patientId, ConditionDetails d, string by, Instant at, LocalDate today)
    {
        var entry = new ConditionEntry
        {
            Code = Codes.Icd10Cm(d.Code, "code"),
            Display = Require.Text(d.Display, "display", 300),
            ClinicalStatus = Require.Defined(d.ClinicalStatus, "clinicalStatus"),
            Onset = Dates.NotFuture(d.Onset, today, "onset"),
            Abatement = Dates.NotFuture(d.Abatement, today, "abatement"),
            BodySite = Require.OptionalText(d.BodySite, "bodySite", 100),
            Note = Require.OptionalText(d.Note, "note", 2000),
        };
        if (entry.Onset is { } onset && entry.Abatement is { } abatement && abatement < onset)
            throw new DomainException("condition.abatement-before-onset", "Abatement cannot be before onset.", "abatement");
        (entry.StageSystem, entry.Stage) = StageSystems.Validate(d.StageSystem, d.Stage, "stage");
        entry.Stamp(patientId, by, at);
        return entry;
    }
}
