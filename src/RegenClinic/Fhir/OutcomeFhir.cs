using Hl7.Fhir.Model;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Fhir;

/// <summary>An outcome row as FHIR R4: the score is one Observation (category survey), the answers one QuestionnaireResponse.
/// The table is narrow on purpose so that this mapping is 1:1 and lossless for what it holds.</summary>
public static class OutcomeFhir
{
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    public static Observation ToFhirObservation(this OutcomeScore score)
    {
        var instrument = Instruments.Get(score.InstrumentId);
        var observation = new Observation
        {
            Id = score.Id.ToString(),
            Status = score.VoidedAt is not null ? ObservationStatus.EnteredInError
                : score.Amends is not null ? ObservationStatus.Amended : ObservationStatus.Final,
            Category = [new CodeableConcept(ObservationCategory, "survey", "Survey")],
            Code = new CodeableConcept(score.CodeSystem, score.Code, instrument.Name),
            Subject = new ResourceReference($"Patient/{score.PatientId}"),
            Effective = new FhirDateTime(score.EffectiveAt.ToDateTimeOffset()),
            Issued = score.RecordedAt.ToDateTimeOffset(),
            Performer = [new ResourceReference { Display = score.RecordedBy }],
            DerivedFrom = [new ResourceReference($"QuestionnaireResponse/{score.Id}")],
        };
        if (score.Score is { } value)
        {
            observation.Value = new Quantity { Value = (decimal)Math.Round(value, 1), Unit = "{score}", System = "http://unitsofmeasure.org", Code = "{score}" };
            if (score.Interpretation is { } band) observation.Interpretation = [new CodeableConcept { Text = band }];
        }
        else
        {
            observation.DataAbsentReason = new CodeableConcept(DataAbsentReason, "unknown", "Unknown") { Text = score.NotScoredBecause };
        }
        return observation;
    }

    public static QuestionnaireResponse ToFhirQuestionnaireResponse(this OutcomeScore score)
    {
        var instrument = Instruments.Get(score.InstrumentId);
        var answers = score.AnswerList();
        return new QuestionnaireResponse
        {
            Id = score.Id.ToString(),
            Questionnaire = QuestionnaireFhir.Canonical(instrument.Id),
            Status = score.VoidedAt is not null ? QuestionnaireResponse.QuestionnaireResponseStatus.EnteredInError
                : answers.Any(a => a is null) ? QuestionnaireResponse.QuestionnaireResponseStatus.InProgress
                : QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference($"Patient/{score.PatientId}"),
            Authored = new FhirDateTime(score.EffectiveAt.ToDateTimeOffset()).Value,
            Source = score.Source == OutcomeSource.PatientLink
                ? new ResourceReference($"Patient/{score.PatientId}")
                : new ResourceReference { Display = score.RecordedBy },
            Item = instrument.Items.Select((item, i) => new QuestionnaireResponse.ItemComponent
            {
                LinkId = item.Key,
                Answer = answers[i] is { } a ? [new QuestionnaireResponse.AnswerComponent { Value = new Integer(a) }] : [],
            }).ToList(),
        };
    }
}
