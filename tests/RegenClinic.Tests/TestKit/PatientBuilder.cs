using NodaTime;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Tests.TestKit;

/// <summary>Builds <see cref="PatientFacts"/> for rule tests. The default screening date is 2027-01-04 (a Monday).</summary>
internal sealed class PatientBuilder
{
    public static readonly LocalDate Today = new(2027, 1, 4);

    private readonly List<ConditionFact> conditions = [];
    private readonly List<MedicationFact> medications = [];
    private readonly List<AllergyFact> allergies = [];
    private readonly List<ObservationFact> observations = [];
    private readonly List<ProcedureFact> procedures = [];

    public PatientBuilder Condition(string icd, ConditionStatus status = ConditionStatus.Active, LocalDate? onset = null,
        string? arcoStage = null, LocalDate? recorded = null)
    {
        var stage = arcoStage is null ? (Coding?)null : new Coding(CodeSystems.Arco2019, arcoStage);
        conditions.Add(new ConditionFact(new Coding(CodeSystems.Icd10Cm, icd), null, status, onset, null, stage,
            $"Condition/c{conditions.Count + 1} {icd} {status}", recorded));
        return this;
    }

    public PatientBuilder Medication(string atc, MedicationStatus status = MedicationStatus.Active, LocalDate? start = null,
        LocalDate? end = null, bool statement = true)
    {
        medications.Add(new MedicationFact(new Coding(CodeSystems.Atc, atc), status, start, end, $"MedicationStatement/m{medications.Count + 1} {atc}", statement));
        return this;
    }

    public PatientBuilder Allergy(string text, string? atc = null)
    {
        IReadOnlyList<Coding> substance = atc is null ? [] : [new Coding(CodeSystems.Atc, atc)];
        allergies.Add(new AllergyFact(substance, text, $"AllergyIntolerance/a{allergies.Count + 1} {text}"));
        return this;
    }

    public PatientBuilder Observation(string loinc, decimal value, string unit, LocalDate on)
    {
        observations.Add(new ObservationFact(new Coding(CodeSystems.Loinc, loinc), value, unit, null, on, null, $"Observation/o{observations.Count + 1} {loinc} {value} {unit}"));
        return this;
    }

    public PatientBuilder CodedObservation(string loinc, string snomed, LocalDate on)
    {
        observations.Add(new ObservationFact(new Coding(CodeSystems.Loinc, loinc), null, null, new Coding(CodeSystems.Snomed, snomed), on, null,
            $"Observation/o{observations.Count + 1} {loinc} = {snomed}"));
        return this;
    }

    public PatientBuilder Procedure(string snomed, LocalDate? on)
    {
        procedures.Add(new ProcedureFact(new Coding(CodeSystems.Snomed, snomed), on, $"Procedure/pr{procedures.Count + 1} {snomed}"));
        return this;
    }

    /// <summary>Physiotherapy started a year before the default date: satisfies every conservative-care prerequisite.</summary>
    public PatientBuilder LongConservativeCare() => Procedure("91251008", Today.PlusYears(-1));

    public PatientFacts Build() => new("Patient/test", conditions, medications, allergies, observations, procedures);

    public ScreeningResult Screen(TherapyId therapy, LocalDate? date = null, ScreeningSettings? settings = null) =>
        Screening.Screen(Build(), therapy, date ?? Today, settings ?? ScreeningSettings.Default);

    // Patients indicated for each therapy with no other finding, to test one rule at a time.
    public static PatientBuilder Fibromyalgia() => new PatientBuilder().Condition("M79.7");
    public static PatientBuilder Mronj() => new PatientBuilder().Condition("M87.180");
    public static PatientBuilder KneeOa() => new PatientBuilder().Condition("M17.11").LongConservativeCare();
}

internal static class ScreeningAssert
{
    public static Finding Fires(this ScreeningResult result, string ruleId)
    {
        var finding = result.Findings.SingleOrDefault(f => f.RuleId == ruleId);
        Assert.True(finding is not null, $"{ruleId} expected; fired: {string.Join(", ", result.Findings.Select(f => f.RuleId))}");
        Assert.NotEmpty(finding.Facts);
        return finding;
    }

    public static void DoesNotFire(this ScreeningResult result, string ruleId) =>
        Assert.True(result.Findings.All(f => f.RuleId != ruleId), $"{ruleId} fired unexpectedly");

    public static ScreeningResult Is(this ScreeningResult result, Verdict verdict)
    {
        Assert.True(result.Verdict == verdict, $"{result.Therapy}: expected {verdict}, got {result.Verdict} ({string.Join(", ", result.Findings.Select(f => f.RuleId))})");
        return result;
    }
}
