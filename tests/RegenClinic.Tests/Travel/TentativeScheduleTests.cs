using NodaTime;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Travel;
using static RegenClinic.Tests.Travel.TravelTestData;

namespace RegenClinic.Tests.Travel;

public sealed class TentativeScheduleTests
{
    private static readonly LocalDate Monday = new(2027, 2, 1);

    [Fact]
    public void Propose_30WeekdayHbotFromAMonday_SixWeeks()
    {
        var stay = TentativeSchedule.Propose(Hbot30(), Monday, Monday.PlusWeeks(8), "Europe/Amsterdam");
        Assert.True(stay.Fits);
        Assert.Equal(30, stay.SessionsPlaced);
        Assert.Equal(Monday, stay.FirstDay);
        // Six weeks of five weekdays: the 30th session is on the Friday of week 6, 39 days after the first.
        Assert.Equal(Monday.PlusDays(39), stay.LastDay);
        Assert.Equal(40, stay.Days);
        Assert.Equal(6, stay.Weeks);
    }

    [Fact]
    public void Propose_StartingOnASaturday_FirstSessionOnMonday()
    {
        var stay = TentativeSchedule.Propose(Hbot30(), Monday.PlusDays(-2), Monday.PlusWeeks(8), "Europe/Amsterdam");
        Assert.Equal(Monday, stay.FirstDay);
        Assert.Equal(6, stay.Weeks);
    }

    [Fact]
    public void Propose_DatesTooShortFor30Sessions_DoesNotFit()
    {
        // 29 weekdays between Monday and the Thursday of week 6: one short.
        var stay = TentativeSchedule.Propose(Hbot30(), Monday, Monday.PlusDays(38), "Europe/Amsterdam");
        Assert.False(stay.Fits);
        Assert.Null(stay.FirstDay);
        Assert.NotNull(stay.NotPlacedReason);
        // Exactly enough (ending on the Friday of week 6) fits.
        Assert.True(TentativeSchedule.Propose(Hbot30(), Monday, Monday.PlusDays(39), "Europe/Amsterdam").Fits);
    }

    [Fact]
    public void Propose_TwiceDaily40_FourWeeks()
    {
        var p = Hbot30() with { Sessions = 40, PerDay = 2 };
        var stay = TentativeSchedule.Propose(p, Monday, Monday.PlusWeeks(8), "Europe/Amsterdam");
        // 40 sessions, two a weekday → 20 weekdays: Monday of week 1 to Friday of week 4 (25 days later) → 4 weeks.
        Assert.Equal(Monday.PlusDays(25), stay.LastDay);
        Assert.Equal(4, stay.Weeks);
    }

    [Fact]
    public void Propose_ProlotherapyEvery4Weeks3Sessions_NineWeeks()
    {
        // Rabago 2013: weeks 1, 5, 9 → sessions 28 days apart, 57 days first to last → 9 weeks.
        var p = new QuotePackage("prolotherapy", "Rabago 2013", 3, SessionPatternKind.Interval, 1, 28, 28, 1, 0, 1);
        var stay = TentativeSchedule.Propose(p, Monday, Monday.PlusWeeks(12), "Europe/Amsterdam");
        Assert.Equal(Monday, stay.FirstDay);
        Assert.Equal(Monday.PlusDays(56), stay.LastDay);
        Assert.Equal(9, stay.Weeks);
    }
}
