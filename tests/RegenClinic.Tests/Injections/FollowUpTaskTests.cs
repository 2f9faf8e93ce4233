using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class FollowUpTaskTests
{
    private static readonly Instant Procedure = Instant.FromUtc(2026, 11, 20, 9, 30);

    [Fact]
    public void Create_DueWindowIs48To72HoursAfterProcedure()
    {
        var task = FollowUpTask.Create("proc-1", Procedure, FollowUpKind.Call, FollowUpRule.Default);
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 9, 30), task.DueFrom);
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 9, 30), task.DueBy);
    }

    [Theory]
    [InlineData(47 * 60 + 59, FollowUpStatus.NotYetDue)]
    [InlineData(48 * 60, FollowUpStatus.Due)]
    [InlineData(72 * 60, FollowUpStatus.Due)]
    [InlineData(72 * 60 + 1, FollowUpStatus.Overdue)]
    public void StatusAt_BothEdgesOfWindow(int minutesAfter, FollowUpStatus expected)
    {
        var task = FollowUpTask.Create("proc-1", Procedure, FollowUpKind.Visit, FollowUpRule.Default);
        Assert.Equal(expected, task.StatusAt(Procedure + Duration.FromMinutes(minutesAfter)));
    }

    [Fact]
    public void StatusAt_Completed_IsDone()
    {
        var task = FollowUpTask.Create("proc-1", Procedure, FollowUpKind.Call, FollowUpRule.Default);
        Assert.Equal(FollowUpStatus.Done, task.StatusAt(Procedure + Duration.FromDays(10), Procedure + Duration.FromHours(50)));
    }

    [Fact]
    public void Create_InvertedRule_Throws() =>
        Assert.Equal("follow-up.rule-invalid", Assert.Throws<DomainException>(() =>
            FollowUpTask.Create("proc-1", Procedure, FollowUpKind.Call, new FollowUpRule(Duration.FromHours(72), Duration.FromHours(48)))).Code);
}
