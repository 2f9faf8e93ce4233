namespace RegenClinic.Scheduling.Tests;

public sealed class InstanceJsonTests
{
    private const string Minimal = """
        {"format":"regenclinic-schedule-instance/1",
         "clinic":{"start":"2027-01-04","days":7,"hours":{"mon":["08:00","12:00"],"sat":null}},
         "treatments":[{"id":"t","therapy":"hbot","minutes":60,"table":"x","resource":"chamber","staff":[]}],
         "chambers":[{"id":"m","kind":"monoplace","seats":1,"tables":["x"]}],
         "rooms":[],"staff":[],
         "courses":[{"id":"c","patient":"p","treatment":"t","sessions":2,"pattern":{"kind":"weekdays"},
                     "release":"2027-01-04","due":"2027-01-05","priority":2}]}
        """;

    [Fact]
    public void Read_OptionalFieldsAbsent_DefaultsApply()
    {
        var instance = InstanceJson.Read(Minimal);

        var course = instance.Courses[0];
        Assert.Equal(new WeekdaysPattern(1, 240), course.Pattern);
        Assert.Null(course.Windows);
        Assert.Null(course.ChamberKinds);
        Assert.Empty(instance.Fixed);
        Assert.False(instance.Clinic.Hours.ContainsKey(DayOfWeek.Saturday));
        Assert.Equal(new ClockRange(480, 720), instance.Clinic.Hours[DayOfWeek.Monday]);
    }

    [Fact]
    public void Read_UnknownTreatment_NamesPathAndValue()
    {
        var e = Assert.Throws<SchedulingFormatException>(() => InstanceJson.Read(Minimal.Replace("\"treatment\":\"t\"", "\"treatment\":\"x\"", StringComparison.Ordinal)));

        Assert.Equal("courses[0].treatment", e.Path);
        Assert.Equal("courses[0].treatment: unknown treatment 'x'", e.Message);
    }

    [Theory]
    [InlineData("\"minutes\":60", "\"minutes\":\"60\"", "treatments[0].minutes")]
    [InlineData("\"kind\":\"monoplace\"", "\"kind\":\"hyperbaric\"", "chambers[0].kind")]
    [InlineData("\"release\":\"2027-01-04\"", "\"release\":\"04-01-2027\"", "courses[0].release")]
    [InlineData("\"mon\":[\"08:00\",\"12:00\"]", "\"mon\":[\"08:00\",\"25:00\"]", "clinic.hours.mon[1]")]
    [InlineData("\"priority\":2", "\"priority\":4", "courses[0].priority")]
    [InlineData(",\"priority\":2", "", "courses[0].priority")]
    public void Read_BadField_NamesPath(string from, string to, string path)
    {
        var e = Assert.Throws<SchedulingFormatException>(() => InstanceJson.Read(Minimal.Replace(from, to, StringComparison.Ordinal)));

        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void WriteThenRead_GeneratedInstance_RoundTrips()
    {
        var instance = InstanceGenerator.Generate(15, 3, days: 28);

        var again = InstanceJson.Read(InstanceJson.Write(instance));

        Assert.Equal(InstanceJson.Write(instance), InstanceJson.Write(again));
        Assert.Equal(instance.Courses.Count, again.Courses.Count);
    }

    [Fact]
    public void ScheduleJson_WriteThenRead_KeepsSessions()
    {
        var problem = SchedulingProblem.Compile(TinyClinic.Build());
        var schedule = FirstFit.Solve(problem);

        var again = ScheduleJson.Read(ScheduleJson.Write(schedule));

        Assert.Equal(schedule.Sessions.Count, again.Sessions.Count);
        Assert.Equal(schedule.Sessions[0], again.Sessions[0] with { Staff = schedule.Sessions[0].Staff });
        Assert.Empty(Checker.Validate(problem, again));
    }
}
