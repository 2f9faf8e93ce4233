using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Tests.Outcomes;

public sealed class StagesTests
{
    [Fact]
    public void Arco2019_OrderIsOneTwoThreeAThreeBFour()
    {
        var scale = StageScales.Arco2019;
        Assert.Equal(["I", "II", "IIIA", "IIIB", "IV"], scale.Stages.Select(s => s.Label));
        Assert.True(scale.Parse("IIIB").IsWorseThan(scale.Parse("IIIA")));
        Assert.True(scale.Parse("II").IsBetterThan(scale.Parse("IIIA")));
        Assert.True(scale.Parse("IV") > scale.Parse("I"));
    }

    [Fact]
    public void Arco2019_IIIASplitsAtTwoMillimetres() =>
        Assert.Contains("≤ 2 mm", StageScales.Arco2019.Stages.Single(s => s.Label == "IIIA").Description, StringComparison.Ordinal);

    [Fact]
    public void Aaoms2022_AtRiskIsLeastSevere()
    {
        var scale = StageScales.Aaoms2022;
        Assert.Equal(["at-risk", "0", "1", "2", "3"], scale.Stages.Select(s => s.Label));
        Assert.True(scale.Parse("0").IsWorseThan(scale.Parse("at-risk")));
        Assert.True(scale.Parse("2") < scale.Parse("3"));
    }

    [Theory]
    [InlineData("2", "1", StageChange.Better)]
    [InlineData("1", "1", StageChange.Unchanged)]
    [InlineData("1", "3", StageChange.Worse)]
    public void Compare_EarlierLater_Direction(string earlier, string later, StageChange expected) =>
        Assert.Equal(expected, StageScales.Compare(StageScales.Aaoms2022.Parse(earlier), StageScales.Aaoms2022.Parse(later)));

    [Fact]
    public void Compare_AcrossScales_Refused() =>
        Assert.Equal("outcomes.stage-scale-mismatch",
            Assert.Throws<DomainException>(() => StageScales.Arco2019.Parse("I").CompareTo(StageScales.Aaoms2022.Parse("1"))).Code);

    [Fact]
    public void Parse_UnknownLabel_Refused() =>
        Assert.Equal("outcomes.unknown-stage", Assert.Throws<DomainException>(() => StageScales.Arco2019.Parse("III")).Code);

    [Fact]
    public void Parse_IsCaseInsensitive() =>
        Assert.Equal("IIIA", StageScales.Arco2019.Parse("iiia").Label);
}

public sealed class StageHistoryTests
{
    private static StageObservation Arco(int month, string label) =>
        new(new NodaTime.LocalDate(2027, month, 1), StageScales.Arco2019.Parse(label));

    [Fact]
    public void Summarise_ProgressionThenPlateau_WorseOverallWithWorstReached()
    {
        var course = StageHistory.Summarise([Arco(6, "IIIA"), Arco(1, "II"), Arco(9, "IIIA")]);
        Assert.Equal("II", course.First.Stage.Label);
        Assert.Equal("IIIA", course.Latest.Stage.Label);
        Assert.Equal("IIIA", course.Worst.Label);
        Assert.Equal(StageChange.Worse, course.Overall);
        Assert.Equal([StageChange.Worse, StageChange.Unchanged], course.Transitions.Select(t => t.Change));
    }

    [Fact]
    public void Summarise_Improvement_BetterOverallButWorstKept()
    {
        StageObservation[] observations =
        [
            new(new NodaTime.LocalDate(2027, 1, 1), StageScales.Aaoms2022.Parse("2")),
            new(new NodaTime.LocalDate(2027, 4, 1), StageScales.Aaoms2022.Parse("1")),
        ];
        var course = StageHistory.Summarise(observations);
        Assert.Equal(StageChange.Better, course.Overall);
        Assert.Equal("2", course.Worst.Label);
    }

    [Fact]
    public void Summarise_Empty_Refused() =>
        Assert.Throws<DomainException>(() => StageHistory.Summarise([]));
}
