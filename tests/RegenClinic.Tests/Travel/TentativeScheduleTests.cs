using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Scheduling;
using RegenClinic.Travel;
using static RegenClinic.Tests.Travel.TravelTestData;

namespace RegenClinic.Tests.Travel;

public sealed class TentativeScheduleTests
{
    private static readonly LocalDate Monday = new(2027, 2, 1);

    /// <summary>A centre like the one <see cref="ClinicInstance"/> builds: weekdays 07:30–19:00, one monoplace chamber running
    /// 2.4-90, one room; closed days and sessions already booked as the caller gives them.</summary>
    private static ScheduleInstance Centre(LocalDate from, int days, IReadOnlyList<LocalDate>? closed = null, IReadOnlyList<(LocalDate Day, int Start)>? booked = null)
    {
        var hours = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => ClinicInstance.OpeningHours);
        var treatment = new Treatment("hbot:2.4-90:120", "hbot", 120, "2.4-90", ResourceKind.Chamber, [new StaffNeed("chamber-operator", 1)]);
        var bookings = (booked ?? []).Select((b, i) => (Id: $"a:{i}", b.Day, b.Start)).ToList();
        return new ScheduleInstance(
            new ClinicCalendar("Europe/Amsterdam", from.ToDateOnly(), days, [.. (closed ?? []).Select(d => d.ToDateOnly())], hours),
            [treatment],
            [new Chamber("mono", ChamberKind.Monoplace, 1, ["2.4-90"])],
            [new Room("room")],
            [new StaffMember("op", ["chamber-operator"], hours, [])],
            [.. bookings.Select(b => new Course(b.Id, $"p{b.Id}", treatment.Id, 1, new IntervalPattern(1, 1), b.Day.ToDateOnly(), b.Day.ToDateOnly(), 1))],
            [.. bookings.Select(b => new FixedSession(b.Id, 1, b.Day.ToDateOnly(), new TimeOnly(b.Start / 60, b.Start % 60), "mono", ["op"]))]);
    }

    private static TentativePlan Propose(QuotePackage package, LocalDate from, LocalDate to, IReadOnlyList<LocalDate>? closed = null,
        IReadOnlyList<(LocalDate, int)>? booked = null) =>
        TentativeSchedule.Propose(Centre(from, Period.Between(from, to, PeriodUnits.Days).Days + 1, closed, booked), package, from, to);

    [Fact]
    public void Propose_30WeekdayHbotFromAMonday_SixWeeks()
    {
        var plan = Propose(Hbot30(), Monday, Monday.PlusWeeks(8));
        var stay = plan.Stay;
        Assert.True(stay.Fits);
        Assert.Equal(30, stay.SessionsPlaced);
        Assert.Equal(Monday, stay.FirstDay);
        // Six weeks of five weekdays: the 30th session is on the Friday of week 6, 39 days after the first.
        Assert.Equal(Monday.PlusDays(39), stay.LastDay);
        Assert.Equal(40, stay.Days);
        Assert.Equal(6, stay.Weeks);
        Assert.Equal("2.4-90", plan.Table);
        Assert.All(plan.Sessions, s => Assert.Equal("mono", s.Resource));
    }

    [Fact]
    public void Propose_AHolidayInside_OneWeekdayLaterAndSevenWeeks()
    {
        // Wednesday of week 2 closed: the 30th session moves from Friday day 39 to Monday day 42 → 43 days → 7 weeks.
        var holiday = Monday.PlusDays(9);
        var stay = Propose(Hbot30(), Monday, Monday.PlusWeeks(8), closed: [holiday]).Stay;
        Assert.Equal(Monday.PlusDays(42), stay.LastDay);
        Assert.Equal(7, stay.Weeks);
        Assert.DoesNotContain(Propose(Hbot30(), Monday, Monday.PlusWeeks(8), closed: [holiday]).Sessions, s => s.Date == holiday.ToDateOnly());
    }

    [Fact]
    public void Propose_ChamberFullOnTheFirstDay_StartsTheNextDay()
    {
        // The one chamber is booked 07:30–17:30 on the Monday: no 120-minute slot before 19:00 is left.
        var booked = new[] { 450, 570, 690, 810, 930 }.Select(m => (Monday, m)).ToList();
        var stay = Propose(Hbot30(), Monday, Monday.PlusWeeks(8), booked: booked).Stay;
        Assert.Equal(Monday.PlusDays(1), stay.FirstDay);
        Assert.Equal(Monday.PlusDays(42), stay.LastDay);
        // With one slot free that Monday (17:30 is too late, 15:30 free), it starts on the Monday.
        Assert.Equal(Monday, Propose(Hbot30(), Monday, Monday.PlusWeeks(8), booked: booked.Take(4).ToList()).Stay.FirstDay);
    }

    [Fact]
    public void Propose_StartingOnASaturday_FirstSessionOnMonday()
    {
        var stay = Propose(Hbot30(), Monday.PlusDays(-2), Monday.PlusWeeks(8)).Stay;
        Assert.Equal(Monday, stay.FirstDay);
        Assert.Equal(6, stay.Weeks);
    }

    [Fact]
    public void Propose_DatesTooShortFor30Sessions_DoesNotFit()
    {
        // 29 weekdays between Monday and the Thursday of week 6: one short.
        var stay = Propose(Hbot30(), Monday, Monday.PlusDays(38)).Stay;
        Assert.False(stay.Fits);
        Assert.Null(stay.FirstDay);
        Assert.NotNull(stay.NotPlacedReason);
        // Exactly enough (ending on the Friday of week 6) fits.
        Assert.True(Propose(Hbot30(), Monday, Monday.PlusDays(39)).Stay.Fits);
    }

    [Fact]
    public void Propose_TwiceDaily40_FourWeeks()
    {
        var p = Hbot30() with { Sessions = 40, PerDay = 2 };
        var stay = Propose(p, Monday, Monday.PlusWeeks(8)).Stay;
        // 40 sessions, two a weekday → 20 weekdays: Monday of week 1 to Friday of week 4 (25 days later) → 4 weeks.
        Assert.Equal(Monday.PlusDays(25), stay.LastDay);
        Assert.Equal(4, stay.Weeks);
    }

    [Fact]
    public void Propose_ProlotherapyEvery4Weeks3Sessions_NineWeeks()
    {
        // Rabago 2013: weeks 1, 5, 9 → sessions 28 days apart, 57 days first to last → 9 weeks.
        var p = new QuotePackage("prolotherapy", "Rabago 2013", 3, SessionPatternKind.Interval, 1, 28, 28, 1, 0, 1);
        var plan = Propose(p, Monday, Monday.PlusWeeks(12));
        Assert.Equal(Monday, plan.Stay.FirstDay);
        Assert.Equal(Monday.PlusDays(56), plan.Stay.LastDay);
        Assert.Equal(9, plan.Stay.Weeks);
        Assert.All(plan.Sessions, s => Assert.Equal("room", s.Resource));
    }

    [Fact]
    public void TableOf_HbotProtocolWithoutATable_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => TentativeSchedule.TableOf(Hbot30() with { Protocol = "HBOT 30 sessions" }));
        Assert.Equal("quote.hbot-table", ex.Code);
        Assert.Equal("2.0-90", TentativeSchedule.TableOf(Hbot30() with { Protocol = "HBOT 2.0 ATA (2.0-90)" }));
        Assert.Null(TentativeSchedule.TableOf(new QuotePackage("prolotherapy", "x", 3, SessionPatternKind.Interval, 1, 28, 28, 0, 0, 0)));
    }
}
