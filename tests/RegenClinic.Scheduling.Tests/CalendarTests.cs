namespace RegenClinic.Scheduling.Tests;

public sealed class CalendarTests
{
    [Fact]
    public void Starts_Slotted_ChamberSessionsOnlyOnTheDiveTimetable()
    {
        // Hours 08:00–18:00, 120-minute dives from 08:00: 08:00, 10:00, 12:00, 14:00, 16:00.
        var problem = SchedulingProblem.Compile(TinyClinic.Build());
        var calendar = new Calendar(problem);
        var a = problem.Courses[problem.CourseIndex["A"]];
        var b = problem.Courses[problem.CourseIndex["B"]];

        Assert.Equal([480, 600, 720, 840, 960], calendar.Starts(a, 0, -1, CoursePlacer.Slotted).ToList());
        // B's patient comes 08:00–12:00: the 08:00 and 10:00 dives only.
        Assert.Equal([480, 600], calendar.Starts(b, 1, -1, CoursePlacer.Slotted).ToList());
    }

    [Fact]
    public void Starts_SlottedWindowMissesTimetable_FallsBackToGrid()
    {
        // A patient who can come only 09:00–11:30 misses every dive start (08:00, 10:00 end at 10:00, 12:00). The timetable
        // stays anchored at 08:00 because the other patient, free all day, gets five dives from there and four from 09:00.
        var window = new Dictionary<DayOfWeek, IReadOnlyList<ClockRange>> { [DayOfWeek.Monday] = [new ClockRange(540, 690)] };
        var courses = new List<Course>
        {
            new("W", "pw", "hbot", 1, new IntervalPattern(1, 1), TinyClinic.Monday, TinyClinic.Monday, 2, Windows: window),
            new("Y", "py", "hbot", 5, new WeekdaysPattern(), TinyClinic.Monday, TinyClinic.Monday, 2),
        };
        var problem = SchedulingProblem.Compile(TinyClinic.Build(courses));
        var calendar = new Calendar(problem);

        var starts = calendar.Starts(problem.Courses[0], 0, -1, CoursePlacer.Slotted).ToList();

        Assert.Equal([540, 555, 570], starts);
    }
}
