using NodaTime;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class CumulativeOxygenDoseTests
{
    private static readonly LocalDate Monday = new(2027, 1, 4);

    [Theory]
    [InlineData(1500.0, DoseWarningKind.WorkingMaximumExceeded)]
    [InlineData(1500.1, DoseWarningKind.DailyMaximumExceeded)]
    [InlineData(850.0, null)]
    [InlineData(850.1, DoseWarningKind.WorkingMaximumExceeded)]
    [InlineData(299.9, null)]
    public void Evaluate_OneDay_WarnsOnlyAboveEachDailyLimit(double otu, DoseWarningKind? expected)
    {
        var report = CumulativeOxygenDose.Evaluate([new SessionDose(Monday, new Otu(otu))]);
        Assert.Equal(expected is null ? [] : new[] { expected.Value }, report.Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void Evaluate_TwoSessionsSameDay_AddUp()
    {
        var report = CumulativeOxygenDose.Evaluate([new SessionDose(Monday, new Otu(450)), new SessionDose(Monday, new Otu(450))]);
        var day = Assert.Single(report.Days);
        Assert.Equal(900, day.Dose.Value);
        Assert.Equal(2, day.Sessions);
        Assert.Equal(DoseWarningKind.WorkingMaximumExceeded, Assert.Single(report.Warnings).Kind);
    }

    [Fact]
    public void Evaluate_FiveConsecutiveDaysAbove300_WarnsSustainedOnTheFifth()
    {
        var sessions = Enumerable.Range(0, 5).Select(i => new SessionDose(Monday.PlusDays(i), new Otu(301))).ToList();
        var report = CumulativeOxygenDose.Evaluate(sessions);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal(DoseWarningKind.SustainedDoseExceeded, warning.Kind);
        Assert.Equal(Monday.PlusDays(4), warning.Date);
        Assert.Equal(1505, report.CourseTotal.Value, 9);
    }

    [Fact]
    public void Evaluate_FourConsecutiveDaysAbove300_NoWarning()
    {
        var sessions = Enumerable.Range(0, 4).Select(i => new SessionDose(Monday.PlusDays(i), new Otu(301))).ToList();
        Assert.Empty(CumulativeOxygenDose.Evaluate(sessions).Warnings);
    }

    [Fact]
    public void Evaluate_DayOffBreaksTheRun_NoSustainedWarning()
    {
        int[] offsets = [0, 1, 2, 4, 5, 6];
        var sessions = offsets.Select(i => new SessionDose(Monday.PlusDays(i), new Otu(400))).ToList();
        Assert.Empty(CumulativeOxygenDose.Evaluate(sessions).Warnings);
    }

    [Fact]
    public void Evaluate_DailyElective24Course_StaysUnderEveryLimit()
    {
        var perSession = OxygenDose.Otu(TreatmentTables.Elective24.PlannedProfile());
        var sessions = Enumerable.Range(0, 40).Select(i => new SessionDose(Monday.PlusDays(i), perSession)).ToList();
        var report = CumulativeOxygenDose.Evaluate(sessions);
        Assert.Empty(report.Warnings);
        Assert.Equal(40 * perSession.Value, report.CourseTotal.Value, 6);
    }

    [Fact]
    public void Evaluate_ConfiguredLimits_AreUsed()
    {
        var limits = new OxygenDoseLimits(DailyMaximumOtu: 600, DailyWorkingMaximumOtu: 500, SustainedDailyOtu: 250, SustainedConsecutiveDays: 2);
        var report = CumulativeOxygenDose.Evaluate([new SessionDose(Monday, new Otu(550)), new SessionDose(Monday.PlusDays(1), new Otu(260))], limits);
        Assert.Equal(
            [DoseWarningKind.WorkingMaximumExceeded, DoseWarningKind.SustainedDoseExceeded],
            report.Warnings.Select(w => w.Kind));
    }
}
