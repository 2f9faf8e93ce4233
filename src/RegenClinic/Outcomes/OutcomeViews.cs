using NodaTime;
using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Outcomes;

public sealed record RecordOutcomeRequest(Guid PatientId, string InstrumentId, IReadOnlyList<int?> Answers, LocalDate? EffectiveOn = null,
    Guid? CourseId = null, string? MeasurementPoint = null);

public sealed record OutcomeScoreView(Guid Id, string InstrumentId, LocalDate Date, double? Score, string? Interpretation, string? NotScoredBecause,
    string Source, string? MeasurementPoint);

/// <summary>A measurement point that is due or overdue, clinic-wide.</summary>
public sealed record DueMeasurement(Guid PatientId, string PatientName, string RecordNumber, Guid CourseId, string Therapy, string Condition,
    string PointKey, MeasurementPointKind Kind, LocalDate DueOn, LocalDate WindowCloses, MeasurementStatus Status, IReadOnlyList<string> Instruments);

/// <summary>A freshly issued link: the token is shown once and never stored.</summary>
public sealed record IssuedLink(Guid LinkId, string Token, string Path, Instant ExpiresAt, string Language, IReadOnlyList<string> Instruments);

/// <summary>One questionnaire as the patient sees it. <see cref="ItemTexts"/> is null when the wording is licensed and not loaded.</summary>
public sealed record QuestionnaireForm(Instrument Instrument, IReadOnlyList<string>? ItemTexts, string? LicenceHolder);

public sealed record OpenedQuestionnaire(Guid LinkId, string Language, IReadOnlyList<QuestionnaireForm> Forms);

public sealed record MeasureSeries(Instrument Instrument, IReadOnlyList<OutcomeScoreView> Scores, string Svg);

public sealed record StagePoint(LocalDate Date, string ScaleId, string Stage, string Source);

public sealed record StageTimeline(StageScale Scale, StageCourse Course, IReadOnlyList<StagePoint> Points);

/// <summary>A course of the patient and, when it has one, its measurement plan with each point's status today.</summary>
public sealed record CourseOutcomePlan(Guid CourseId, string Therapy, string Status, LocalDate? Start, string? Condition, IReadOnlyList<string> Instruments,
    IReadOnlyList<(MeasurementPoint Point, MeasurementStatus Status)> Points);

public sealed record SurgeryView(LocalDate Date, string Procedure, bool JointReplacement);

public sealed record PatientOutcomes(IReadOnlyList<MeasureSeries> Measures, IReadOnlyList<LocalDate> Sessions, IReadOnlyList<StageTimeline> Stages,
    IReadOnlyList<OutcomeScoreView> NotScored, IReadOnlyList<CourseOutcomePlan> Courses, IReadOnlyList<SurgeryView> Surgeries);
