using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class CoursePrescriptionTests
{
    [Theory]
    [InlineData(0, 14, 28, "course.sessions-out-of-range")]
    [InlineData(3, 30, 20, "course.spacing-inverted")]
    [InlineData(3, -1, 20, "course.spacing-out-of-range")]
    public void Invariants_Throw(int sessions, int min, int max, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => new CoursePrescription("prolotherapy", "p", sessions, min, max)).Code);

    [Theory]
    [InlineData(3, 14, 42, new string[0])]
    [InlineData(6, 28, 28, new string[0])]
    [InlineData(2, 28, 28, new[] { "course.sessions.below-min" })]
    [InlineData(7, 28, 28, new[] { "course.sessions.above-max" })]
    [InlineData(3, 13, 28, new[] { "course.spacing.below-min" })]
    [InlineData(3, 28, 43, new[] { "course.spacing.above-max" })]
    public void ProlotherapyLimits_3To6Sessions_2To6Weeks_BothSides(int sessions, int min, int max, string[] expected) =>
        Assert.Equal(expected, CourseLimits.Prolotherapy.Check(new CoursePrescription("prolotherapy", "p", sessions, min, max)).Select(f => f.Code));

    [Fact]
    public void NextSessionWindow_FromPreviousSession()
    {
        var window = new CoursePrescription("prolotherapy", "p", 3, 14, 42).NextSessionWindow(new LocalDate(2026, 1, 5));
        Assert.Equal(new LocalDate(2026, 1, 19), window.Start);
        Assert.Equal(new LocalDate(2026, 2, 16), window.End);
    }

    [Theory]
    [InlineData(13, "course.session.too-early")]
    [InlineData(14, null)]
    [InlineData(42, null)]
    [InlineData(43, "course.session.too-late")]
    [InlineData(0, "course.session.not-after-previous")]
    public void CheckSessionDate_BothEdgesOfWindow(int days, string? code)
    {
        var previous = new LocalDate(2026, 1, 5);
        var findings = new CoursePrescription("prolotherapy", "p", 3, 14, 42).CheckSessionDate(previous, previous.PlusDays(days));
        Assert.Equal(code, findings.SingleOrDefault()?.Code);
    }
}
