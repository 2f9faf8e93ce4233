using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Tests.Outcomes;

public sealed class MeasurementPlanTests
{
    // 20 weekday HBOT sessions from Monday 2027-01-04 to Friday 2027-01-29.
    private static CourseDates TwentySessionCourse()
    {
        var start = new LocalDate(2027, 1, 4);
        var sessions = Enumerable.Range(0, 28).Select(start.PlusDays)
            .Where(d => d.DayOfWeek is not IsoDayOfWeek.Saturday and not IsoDayOfWeek.Sunday).ToArray();
        return new CourseDates(start, sessions[^1], sessions);
    }

    [Fact]
    public void Schedule_EveryFiveSessions_BaselineBlocksEndAndFollowUps()
    {
        var points = new MeasurementPlan(5).Schedule(TwentySessionCourse());
        Assert.Equal(["baseline", "session-5", "session-10", "session-15", "end-of-course", "month-3", "month-6", "month-12"], points.Select(p => p.Key));
        Assert.Equal(new LocalDate(2027, 1, 4), points[0].DueOn);
        Assert.Equal(new LocalDate(2027, 1, 8), points[1].DueOn);   // 5th session: Friday of week 1
        Assert.Equal(new LocalDate(2027, 1, 22), points[3].DueOn);  // 15th session
        Assert.Equal(new LocalDate(2027, 1, 29), points[4].DueOn);
        Assert.Equal(new LocalDate(2027, 4, 29), points[5].DueOn);
        Assert.Equal(new LocalDate(2027, 7, 29), points[6].DueOn);
        Assert.Equal(new LocalDate(2028, 1, 29), points[7].DueOn);
    }

    [Fact]
    public void Schedule_IntervalLongerThanCourse_NoInCoursePoints() =>
        Assert.DoesNotContain(new MeasurementPlan(30).Schedule(TwentySessionCourse()), p => p.Kind == MeasurementPointKind.DuringCourse);

    [Fact]
    public void Schedule_ZeroInterval_Refused() =>
        Assert.Throws<DomainException>(() => new MeasurementPlan(0).Schedule(TwentySessionCourse()));

    [Fact]
    public void Schedule_EndBeforeStart_Refused() =>
        Assert.Throws<DomainException>(() => new MeasurementPlan(5).Schedule(
            new CourseDates(new LocalDate(2027, 1, 10), new LocalDate(2027, 1, 9), [])));

    [Theory]
    [InlineData("2027-04-14", MeasurementStatus.NotYetDue)] // 15 days before
    [InlineData("2027-04-15", MeasurementStatus.Due)]       // window opens 14 days before
    [InlineData("2027-05-13", MeasurementStatus.Due)]       // last day of the window
    [InlineData("2027-05-14", MeasurementStatus.Overdue)]
    public void ThreeMonthFollowUp_WindowBothSides(string date, MeasurementStatus expected)
    {
        var month3 = new MeasurementPlan(5).Schedule(TwentySessionCourse()).Single(p => p.Key == "month-3");
        Assert.Equal(expected, month3.StatusAt(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value, completed: false));
    }

    [Fact]
    public void Baseline_OverdueOnceCourseHasStarted()
    {
        var baseline = new MeasurementPlan(5).Schedule(TwentySessionCourse())[0];
        Assert.Equal(MeasurementStatus.Due, baseline.StatusAt(new LocalDate(2027, 1, 4), completed: false));
        Assert.Equal(MeasurementStatus.Overdue, baseline.StatusAt(new LocalDate(2027, 1, 5), completed: false));
        Assert.Equal(MeasurementStatus.Completed, baseline.StatusAt(new LocalDate(2027, 1, 5), completed: true));
    }

    [Fact]
    public void StatusAt_Plan_MarksCompletedAndDue()
    {
        var statuses = new MeasurementPlan(5).StatusAt(TwentySessionCourse(), new LocalDate(2027, 1, 12), new HashSet<string> { "baseline" });
        Assert.Equal(MeasurementStatus.Completed, statuses.Single(s => s.Point.Key == "baseline").Status);
        Assert.Equal(MeasurementStatus.Due, statuses.Single(s => s.Point.Key == "session-5").Status);      // 8 Jan + 7 = 15 Jan
        Assert.Equal(MeasurementStatus.NotYetDue, statuses.Single(s => s.Point.Key == "session-10").Status); // 15 Jan
    }
}
