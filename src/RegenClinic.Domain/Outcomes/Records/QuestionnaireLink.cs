using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes.Records;

/// <summary>
/// A personal link a patient uses to fill in questionnaires without an account. Only the SHA-256 hash of the random
/// token is stored, so a copy of the database does not hand out working links. A link belongs to one patient, names
/// its instruments, expires, and is spent by its first submission (one link per measurement point).
/// </summary>
public sealed class QuestionnaireLink
{
    private QuestionnaireLink() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string TokenHash { get; private set; } = "";
    public Guid PatientId { get; private set; }
    public Guid? CourseId { get; private set; }
    public string? MeasurementPoint { get; private set; }
    public string Instruments { get; private set; } = "";
    /// <summary>en or nl: the patient's preferred language where the UI has it, else English.</summary>
    public string Language { get; private set; } = "en";
    public string CreatedBy { get; private set; } = "";
    public Instant CreatedAt { get; private set; }
    public Instant ExpiresAt { get; private set; }
    public Instant? UsedAt { get; private set; }

    public IReadOnlyList<string> InstrumentIds => Instruments.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static QuestionnaireLink Issue(string tokenHash, Guid patientId, Guid? courseId, string? measurementPoint, IReadOnlyList<string> instrumentIds,
        string language, Duration validFor, string by, Instant at)
    {
        if (validFor <= Duration.Zero) throw new DomainException("outcomes.link-validity", "A link must be valid for some time.", "validFor");
        var ids = instrumentIds.Select(i => Outcomes.Instruments.Get(i)).ToArray();
        if (ids.Length == 0) throw new DomainException("outcomes.link-instruments", "Choose at least one questionnaire.", "instruments");
        var clinicianOnly = ids.FirstOrDefault(i => i.Completion != Respondent.Patient);
        if (clinicianOnly is not null)
            throw new DomainException("outcomes.link-clinician-instrument", $"{clinicianOnly.Name} is completed by the clinician, not the patient.", "instruments");
        return new QuestionnaireLink
        {
            TokenHash = Require.Text(tokenHash, "tokenHash", 64), PatientId = patientId, CourseId = courseId,
            MeasurementPoint = Require.OptionalText(measurementPoint, "measurementPoint", 30),
            Instruments = string.Join(',', ids.Select(i => i.Id).Distinct(StringComparer.Ordinal)),
            Language = language is "nl" ? "nl" : "en", CreatedBy = Require.Text(by, "by", 200), CreatedAt = at, ExpiresAt = at + validFor,
        };
    }

    /// <summary>Why the link cannot be used at <paramref name="now"/>, or null when it can.</summary>
    public string? RefusalAt(Instant now) =>
        UsedAt is not null ? "outcomes.link-used"
        : now >= ExpiresAt ? "outcomes.link-expired"
        : null;

    public void MarkUsed(Instant now)
    {
        if (RefusalAt(now) is { } code)
            throw new DomainException(code, code == "outcomes.link-used" ? "This link has already been used." : "This link has expired.", "token");
        UsedAt = now;
    }
}
