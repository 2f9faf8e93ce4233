using RegenClinic.Domain.Outcomes.Statistics;

namespace RegenClinic.Tests.Outcomes.Statistics;

public sealed class CohortAnalyticsTests
{
    private static PatientCourseRecord Patient(int id, double? baseline, double? followUp, bool completed = true,
        int sessions = 20, int adverse = 0, SurvivalObservation? surgery = null, string instrument = "nrs") =>
        new($"p{id}", "hbot", "hip-avn", instrument, baseline, followUp, completed, sessions, adverse, surgery);

    // Five NRS patients: changes −3, −1, −2, −4, 0 (hand-computed interval [−3.963, −0.037]);
    // responders by Farrar (≥ 2 points or ≥ 30 %): 8→5 yes, 6→5 no, 7→5 yes, 9→5 yes, 5→5 no → 3 of 5.
    private static PatientCourseRecord[] FivePatients() =>
    [
        Patient(1, 8, 5, adverse: 1, surgery: new(10, true)),
        Patient(2, 6, 5, completed: false, sessions: 8, surgery: new(12, false)),
        Patient(3, 7, 5, surgery: new(14, true)),
        Patient(4, 9, 5, adverse: 2, surgery: new(20, false)),
        Patient(5, 5, 5, surgery: new(24, false)),
    ];

    [Fact]
    public void Report_FivePatients_AllFiguresShownWithN()
    {
        var report = CohortAnalytics.Report("hbot", "hip-avn", "nrs", FivePatients());
        Assert.Equal(5, report.Patients);
        Assert.Contains("Observational data", report.Caveat, StringComparison.Ordinal);

        Assert.Equal(4, report.Completion.Value!.Successes);
        Assert.Equal(5, report.Completion.N);

        var change = report.MeanChange.Value!;
        Assert.Equal(-2.0, change.Mean, 10);
        Assert.Equal(-3.963, change.Lower, 3);
        Assert.Equal(-0.037, change.Upper, 3);

        Assert.Equal(3, report.Responders.Value!.Successes);
        Assert.Equal(5, report.Responders.N);

        Assert.Equal(3, report.AdverseEvents.Value!.Events);
        Assert.Equal(88, report.AdverseEvents.Value.Sessions);
        Assert.Equal(3.0 / 88, report.AdverseEvents.Value.PerSession, 10);

        var km = report.TimeToSurgery.Value!;
        Assert.Equal(0.8, km.SurvivalAt(10), 10);
        Assert.Equal(0.8 * 2 / 3, km.SurvivalAt(14), 10);
    }

    [Fact]
    public void Report_FourPatients_EveryFigureSuppressed()
    {
        var report = CohortAnalytics.Report("hbot", "hip-avn", "nrs", FivePatients()[..4]);
        Assert.Equal("< 5", report.DisplayPatients);
        Assert.False(report.Completion.IsShown);
        Assert.False(report.MeanChange.IsShown);
        Assert.False(report.Responders.IsShown);
        Assert.False(report.AdverseEvents.IsShown);
        Assert.False(report.TimeToSurgery.IsShown);
        Assert.Equal("< 5", report.MeanChange.DisplayN);
        Assert.Contains("Fewer than 5", report.MeanChange.NotShownBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FivePatientsButFourWithFollowUp_OnlyChangeFiguresSuppressed()
    {
        var patients = FivePatients();
        patients[4] = patients[4] with { FollowUp = null };
        var report = CohortAnalytics.Report("hbot", "hip-avn", "nrs", patients);
        Assert.True(report.Completion.IsShown);
        Assert.False(report.MeanChange.IsShown);
        Assert.Equal(4, report.MeanChange.N);
        Assert.False(report.Responders.IsShown);
    }

    [Fact]
    public void Report_MeasureWithoutThreshold_RespondersNotDefined()
    {
        var patients = FivePatients().Select(p => p with { InstrumentId = "koos-jr" }).ToArray();
        var report = CohortAnalytics.Report("hbot", "hip-avn", "koos-jr", patients);
        Assert.True(report.MeanChange.IsShown);
        Assert.False(report.Responders.IsShown);
        Assert.Contains("No meaningful-change threshold", report.Responders.NotShownBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarise_GroupsByTherapyConditionAndMeasure()
    {
        var records = FivePatients().Concat(FivePatients().Select(p => p with { Therapy = "prolotherapy", Condition = "knee-oa" }));
        var reports = CohortAnalytics.Summarise(records);
        Assert.Equal([("hbot", "hip-avn"), ("prolotherapy", "knee-oa")], reports.Select(r => (r.Therapy, r.Condition)));
        Assert.All(reports, r => Assert.Equal(5, r.Patients));
    }
}

public sealed class CohortSuppressionByPatientTests
{
    [Fact]
    public void Report_FiveCoursesOfTwoPatients_Suppressed()
    {
        var records = Enumerable.Range(0, 5)
            .Select(i => new PatientCourseRecord(i % 2 == 0 ? "p1" : "p2", "ozone", "knee-oa", "nrs", 7, 4, true, 10, 0, new SurvivalObservation(12, false)))
            .ToArray();
        var report = CohortAnalytics.Report("ozone", "knee-oa", "nrs", records);
        Assert.Equal(2, report.Patients);
        Assert.False(report.Completion.IsShown);
        Assert.False(report.MeanChange.IsShown);
        Assert.False(report.TimeToSurgery.IsShown);
        Assert.Equal(2, report.MeanChange.N);
    }
}
