using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Fhir;

namespace RegenClinic.Tests.Fhir;

public sealed class OutcomeFhirTests
{
    private static readonly NodaTime.Instant At = NodaTime.Instant.FromUtc(2027, 2, 1, 9, 30);

    [Fact]
    public void Observation_ScoredOdi_CarriesLoincScoreCodeAndValue()
    {
        var patient = Guid.NewGuid();
        var score = OutcomeScore.Record(patient, "odi", [2, 2, 2, 2, 2, 2, 1, 1, 1, 1], At, OutcomeSource.PatientLink, null, null, null, "patient", At);

        var observation = score.ToFhirObservation();
        var json = new FhirJsonSerializer().SerializeToString(observation);

        Assert.Equal(ObservationStatus.Final, observation.Status);
        Assert.Equal(("http://loinc.org", "97909-6"), (observation.Code.Coding[0].System, observation.Code.Coding[0].Code));
        Assert.Equal(32m, Assert.IsType<Quantity>(observation.Value).Value);
        Assert.Equal($"Patient/{patient}", observation.Subject!.Reference);
        Assert.Contains("\"survey\"", json, StringComparison.Ordinal);
        Assert.Contains("2027-02-01T09:30:00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Observation_NotScorable_HasNoValueAndSaysWhy()
    {
        var score = OutcomeScore.Record(Guid.NewGuid(), "koos-jr", [1, 1, 1, null, 1, 1, 1], At, OutcomeSource.Staff, null, null, null, "nurse", At);

        var observation = score.ToFhirObservation();

        Assert.Null(observation.Value);
        Assert.Equal("unknown", observation.DataAbsentReason!.Coding[0].Code);
        Assert.Contains("KOOS JR conversion table needs all 7", observation.DataAbsentReason.Text, StringComparison.Ordinal);
        Assert.Equal(("urn:regenclinic:codesystem:outcome-instrument", "koos-jr"), (observation.Code.Coding[0].System, observation.Code.Coding[0].Code));
    }

    [Fact]
    public void QuestionnaireResponse_AnswersInItemOrder_GapStaysEmptyAndMarksInProgress()
    {
        var score = OutcomeScore.Record(Guid.NewGuid(), "koos-jr", [1, 2, 3, null, 4, 0, 1], At, OutcomeSource.Staff, null, null, null, "nurse", At);

        var response = score.ToFhirQuestionnaireResponse();

        Assert.Equal(7, response.Item.Count);
        Assert.Equal("stiffness-morning", response.Item[0].LinkId);
        Assert.Equal(3, Assert.IsType<Integer>(response.Item[2].Answer[0].Value).Value);
        Assert.Empty(response.Item[3].Answer);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.InProgress, response.Status);
    }

    [Fact]
    public void Observation_Voided_IsEnteredInError()
    {
        var score = OutcomeScore.Record(Guid.NewGuid(), "nrs", [5], At, OutcomeSource.Staff, null, null, null, "nurse", At);
        score.Void("nurse", "wrong patient", At);

        Assert.Equal(ObservationStatus.EnteredInError, score.ToFhirObservation().Status);
    }
}
