namespace RegenClinic.Scheduling.Tests;

public sealed class CoursePlacerTests
{
    private static SchedulingProblem Clinic(ClockRange? window)
    {
        Dictionary<DayOfWeek, IReadOnlyList<ClockRange>>? windows = window is { } w
            ? new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .ToDictionary(d => d, _ => (IReadOnlyList<ClockRange>)[w])
            : null;
        var course = new Course("A", "pa", "hbot", 5, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 2, Windows: windows);
        return SchedulingProblem.Compile(TinyClinic.Build([course], hours: TinyClinic.Weekly(450, 1140)));
    }

    [Fact]
    public void DiveAnchor_NoWindows_OpeningTime()
    {
        // 07:30–19:00 holds five 2-hour dives from 07:30 as from any later quarter hour up to 09:00: the earliest wins.
        Assert.Equal(450, CoursePlacer.DiveAnchor(Clinic(null)));
    }

    [Fact]
    public void DiveAnchor_MorningPatients_TwoDivesInsideTheirWindow()
    {
        // Free 08:00–12:30: from 07:30 only the 09:30 dive fits; from 08:00 the 08:00 and 10:00 dives do.
        Assert.Equal(480, CoursePlacer.DiveAnchor(Clinic(new ClockRange(480, 750))));
    }
}
