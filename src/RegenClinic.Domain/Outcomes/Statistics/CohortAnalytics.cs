using System.Globalization;

namespace RegenClinic.Domain.Outcomes.Statistics;

/// <summary>One patient's course for clinic analytics.</summary>
/// <param name="Therapy">Therapy id (clinical-reference §1), e.g. <c>hbot</c>.</param>
/// <param name="Condition">Condition group, e.g. <c>knee-oa</c>.</param>
/// <param name="InstrumentId">The measure the baseline and follow-up scores are on.</param>
/// <param name="FollowUp">The follow-up score the cohort compares (the same time point for every patient, chosen by the caller).</param>
/// <param name="Surgery">Time from course start to joint replacement or surgery, or to last contact without it; null if unknown.</param>
public sealed record PatientCourseRecord(
    string PatientId,
    string Therapy,
    string Condition,
    string InstrumentId,
    double? Baseline,
    double? FollowUp,
    bool CompletedCourse,
    int Sessions,
    int AdverseEvents,
    SurvivalObservation? Surgery);

/// <summary>A cohort figure, or the reason it is not shown. <see cref="N"/> is the number of distinct patients it rests
/// on; the statistic itself is computed over their course records.</summary>
public sealed record CohortFigure<T>(int N, T? Value, string? NotShownBecause) where T : class
{
    public bool IsShown => Value is not null;

    /// <summary>What to print for n: the number, or "&lt; 5" when the figure is suppressed for small numbers.</summary>
    public string DisplayN => N < CohortAnalytics.MinimumPatients ? $"< {CohortAnalytics.MinimumPatients}" : N.ToString(CultureInfo.InvariantCulture);
}

public sealed record AdverseEventRate(int Events, int Sessions, double PerSession);

/// <summary>Figures for one therapy × condition × measure. Every figure states its n; figures resting on fewer than
/// <see cref="CohortAnalytics.MinimumPatients"/> patients are not shown.</summary>
public sealed record CohortReport(
    string Therapy,
    string Condition,
    string InstrumentId,
    int Patients,
    string Caveat,
    CohortFigure<ProportionWithInterval> Completion,
    CohortFigure<MeanWithInterval> MeanChange,
    CohortFigure<ProportionWithInterval> Responders,
    CohortFigure<AdverseEventRate> AdverseEvents,
    CohortFigure<KaplanMeierCurve> TimeToSurgery)
{
    public string DisplayPatients => Patients < CohortAnalytics.MinimumPatients
        ? $"< {CohortAnalytics.MinimumPatients}" : Patients.ToString(CultureInfo.InvariantCulture);
}

public static class CohortAnalytics
{
    /// <summary>Small-number suppression: nothing is shown for fewer than 5 patients (issue requirement), both to
    /// protect identity in a small clinic and because such figures mean little.</summary>
    public const int MinimumPatients = 5;

    public const string ObservationalCaveat =
        "Observational data from this clinic's own patients, without a control group: not evidence that the therapy works.";

    /// <summary>One report per therapy × condition × instrument present in <paramref name="records"/>, ordered by those keys.</summary>
    public static IReadOnlyList<CohortReport> Summarise(IEnumerable<PatientCourseRecord> records) =>
        records
            .GroupBy(r => (r.Therapy, r.Condition, r.InstrumentId))
            .OrderBy(g => g.Key.Therapy, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Condition, StringComparer.Ordinal)
            .ThenBy(g => g.Key.InstrumentId, StringComparer.Ordinal)
            .Select(g => Report(g.Key.Therapy, g.Key.Condition, g.Key.InstrumentId, g.ToArray()))
            .ToArray();

    public static CohortReport Report(string therapy, string condition, string instrumentId, IReadOnlyList<PatientCourseRecord> cohort)
    {
        var instrument = Instruments.Get(instrumentId);
        var patients = PatientCount(cohort);

        var completion = Figure(patients, () => Intervals.Wilson(cohort.Count(r => r.CompletedCourse), cohort.Count));

        var paired = cohort.Where(r => r.Baseline is not null && r.FollowUp is not null).ToArray();
        var meanChange = Figure(PatientCount(paired), () => Intervals.MeanChange(paired.Select(r => r.FollowUp!.Value - r.Baseline!.Value).ToArray()));

        var responders = instrument.MeaningfulChange is { } threshold
            ? Figure(PatientCount(paired), () => Intervals.Wilson(
                paired.Count(r => threshold.IsMeaningfulImprovement(r.Baseline!.Value, r.FollowUp!.Value, instrument.HigherIsBetter)),
                paired.Length))
            : new CohortFigure<ProportionWithInterval>(PatientCount(paired), null,
                $"No meaningful-change threshold is given for {instrument.Name} in the clinical reference.");

        var withSessions = cohort.Where(r => r.Sessions > 0).ToArray();
        var sessions = withSessions.Sum(r => r.Sessions);
        var adverse = Figure(PatientCount(withSessions), () =>
        {
            var events = withSessions.Sum(r => r.AdverseEvents);
            return new AdverseEventRate(events, sessions, (double)events / sessions);
        });

        var followedRecords = cohort.Where(r => r.Surgery is not null).ToArray();
        var surgery = Figure(PatientCount(followedRecords), () => KaplanMeier.Estimate(followedRecords.Select(r => r.Surgery!.Value).ToArray()));

        return new CohortReport(therapy, condition, instrument.Id, patients, ObservationalCaveat, completion, meanChange, responders, adverse, surgery);
    }

    // Suppression counts people, not records: five courses of one patient are still one patient.
    private static int PatientCount(IEnumerable<PatientCourseRecord> records) =>
        records.Select(r => r.PatientId).Distinct(StringComparer.Ordinal).Count();

    private static CohortFigure<T> Figure<T>(int n, Func<T> compute) where T : class =>
        n < MinimumPatients
            ? new CohortFigure<T>(n, null, $"Fewer than {MinimumPatients} patients: not shown.")
            : new CohortFigure<T>(n, compute(), null);
}
