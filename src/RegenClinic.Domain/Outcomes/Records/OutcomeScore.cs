using System.Globalization;
using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Domain.Outcomes.Records;

/// <summary>Who put the answers into the system.</summary>
public enum OutcomeSource { Staff, PatientLink }

/// <summary>
/// One completed outcome questionnaire: the narrow coded row that maps 1:1 to a FHIR Observation (code, effective time,
/// valueQuantity = score, or dataAbsentReason = why it could not be scored) with its answers kept as the
/// QuestionnaireResponse items. Append-only like every chart entry: a wrong entry is amended or voided, never deleted.
/// </summary>
public sealed class OutcomeScore : ChartEntry
{
    public const string LoincSystem = "http://loinc.org";
    public const string InstrumentSystem = "urn:regenclinic:codesystem:outcome-instrument";

    private OutcomeScore() { }

    public string InstrumentId { get; private set; } = "";
    /// <summary>The LOINC score code where the clinical reference gives one (NRS 72514-3, ODI 97909-6), else the instrument id in the clinic's code system.</summary>
    public string CodeSystem { get; private set; } = "";
    public string Code { get; private set; } = "";
    public Instant EffectiveAt { get; private set; }
    public double? Score { get; private set; }
    public string? Interpretation { get; private set; }
    public string? NotScoredBecause { get; private set; }
    public int Answered { get; private set; }
    /// <summary>Answers in item order, comma-separated, empty for an unanswered item ("3,2,,1").</summary>
    public string Answers { get; private set; } = "";
    public OutcomeSource Source { get; private set; }
    public Guid? CourseId { get; private set; }
    /// <summary>The measurement point of the course plan this answers (<c>baseline</c>, <c>session-5</c>, <c>month-3</c>).</summary>
    public string? MeasurementPoint { get; private set; }
    public Guid? LinkId { get; private set; }

    public IReadOnlyList<int?> AnswerList() => ParseAnswers(Answers);

    public static OutcomeScore Record(Guid patientId, string instrumentId, IReadOnlyList<int?> answers, Instant effectiveAt, OutcomeSource source,
        Guid? courseId, string? measurementPoint, Guid? linkId, string by, Instant at)
    {
        if (effectiveAt > at) throw new DomainException("date.future", "The questionnaire cannot be dated in the future.", "effectiveAt");
        var instrument = Instruments.Get(instrumentId);
        var result = Scoring.Score(instrument.Id, answers);
        var (system, code) = CodeFor(instrument);
        var entry = new OutcomeScore
        {
            InstrumentId = instrument.Id, CodeSystem = system, Code = code, EffectiveAt = effectiveAt,
            Score = result.Score, Interpretation = result.Interpretation, NotScoredBecause = result.ReasonNotComputable, Answered = result.Answered,
            Answers = string.Join(',', answers.Select(a => a?.ToString(CultureInfo.InvariantCulture) ?? "")),
            Source = Require.Defined(source, "source"), CourseId = courseId,
            MeasurementPoint = Require.OptionalText(measurementPoint, "measurementPoint", 30), LinkId = linkId,
        };
        entry.Stamp(patientId, by, at);
        return entry;
    }

    /// <summary>The score code: the LOINC code of the score itself where one is given (the ODI's last code is the score, the first the panel).</summary>
    public static (string System, string Code) CodeFor(Instrument instrument) =>
        instrument.LoincCodes.Count > 0 ? (LoincSystem, instrument.LoincCodes[^1].Code) : (InstrumentSystem, instrument.Id);

    public static IReadOnlyList<int?> ParseAnswers(string answers) =>
        answers.Length == 0 ? [] : answers.Split(',').Select(a => a.Length == 0 ? (int?)null : int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
}
