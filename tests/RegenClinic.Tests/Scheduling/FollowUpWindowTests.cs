using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Testing;
using RegenClinic.Clinic;
using RegenClinic.Scheduling;

namespace RegenClinic.Tests.Scheduling;

public sealed class FollowUpWindowTests
{
    [Fact]
    public void FollowUpWindow_DueTimesWithSeconds_WholeMinutesInsideTheWindow()
    {
        // Procedure Monday 09:40:47 (Amsterdam, winter): the visit is due from Wednesday 09:40:47 to Thursday 09:40:47.
        var time = new ClinicTime(new FakeClock(Instant.FromUtc(2027, 1, 4, 8, 40, 47)), new ConfigurationBuilder().Build());
        var procedure = Instant.FromUtc(2027, 1, 4, 8, 40, 47);

        var (stay, windows) = ClinicInstance.FollowUpWindow(time, procedure + Duration.FromHours(48), procedure + Duration.FromHours(72),
            new LocalDate(2027, 1, 4), new LocalDate(2027, 1, 18))!.Value;

        Assert.Equal(new DateRange(new DateOnly(2027, 1, 6), new DateOnly(2027, 1, 7)), stay);
        // 09:41, not 09:40: a visit booked at 09:40 would start 47 seconds before 48 hours.
        Assert.Equal(new ClockRange(9 * 60 + 41, 1440), Assert.Single(windows![DayOfWeek.Wednesday]));
        Assert.Equal(new ClockRange(0, 9 * 60 + 40), Assert.Single(windows[DayOfWeek.Thursday]));
    }
}
