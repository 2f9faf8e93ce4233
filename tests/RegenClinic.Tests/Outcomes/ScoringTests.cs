using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;

namespace RegenClinic.Tests.Outcomes;

public sealed class ScoringTests
{
    private static int?[] Answers(string csv) =>
        csv.Split(',').Select(a => a == "-" ? (int?)null : int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // Fairbank & Pynsent 2000 worked example: 16 of 50 → 32 %.
    [Fact]
    public void Oswestry_AllSectionsAnswered_SumOverFifty()
    {
        var result = Scoring.Score("odi", Answers("3,2,1,2,1,2,2,1,1,1"));
        Assert.Equal(32.0, result.Score!.Value, 9);
        Assert.Equal(10, result.Answered);
        Assert.Null(result.ReasonNotComputable);
    }

    // Worked example with one section missing: 16 of 45 → 35.6 %.
    [Fact]
    public void Oswestry_OneSectionMissing_SumOverFortyFive()
    {
        var result = Scoring.Score("odi", Answers("3,2,1,2,1,2,2,-,2,1"));
        Assert.Equal(35.6, Math.Round(result.Score!.Value, 1));
        Assert.Equal(16 * 100.0 / 45, result.Score!.Value, 9);
        Assert.Equal(9, result.Answered);
    }

    [Fact]
    public void Oswestry_TwoSectionsMissing_StillScored()
    {
        var result = Scoring.Score("odi", Answers("3,2,1,2,1,2,-,-,2,1"));
        Assert.Equal(14 * 100.0 / 40, result.Score!.Value, 9);
        Assert.Equal(8, result.Answered);
    }

    [Fact]
    public void Oswestry_ThreeSectionsMissing_CannotScoreAndSaysWhy()
    {
        var result = Scoring.Score("odi", Answers("3,2,1,2,1,-,-,-,2,1"));
        Assert.Null(result.Score);
        Assert.Equal(7, result.Answered);
        Assert.Contains("3 of 10 sections unanswered", result.ReasonNotComputable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0,0,0,0,0,0,0,0,0,0", 0.0)]
    [InlineData("5,5,5,5,5,5,5,5,5,5", 100.0)]
    public void Oswestry_Extremes_ZeroAndHundred(string answers, double expected) =>
        Assert.Equal(expected, Scoring.Score("odi", Answers(answers)).Score!.Value, 9);

    [Fact]
    public void Oswestry_AnswerAboveFive_RejectedNamingTheItem()
    {
        var ex = Assert.Throws<DomainException>(() => Scoring.Score("odi", Answers("3,2,6,2,1,2,2,1,1,1")));
        Assert.Equal("outcomes.answer-out-of-range", ex.Code);
        Assert.Contains("item 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal("answers[3]", ex.Field);
    }

    [Fact]
    public void Oswestry_NineAnswers_RejectedAsWrongCount()
    {
        var ex = Assert.Throws<DomainException>(() => Scoring.Score("odi", Answers("3,2,1,2,1,2,2,1,1")));
        Assert.Equal("outcomes.answer-count", ex.Code);
    }

    [Fact]
    public void Oswestry_ItemTextNotShipped_LicenceNoticeNamesFairbankAndMapi()
    {
        var odi = Instruments.Oswestry;
        Assert.False(odi.ItemTextShipped);
        Assert.All(odi.Items, i => Assert.Null(i.Text));
        Assert.Contains("Fairbank", odi.LicenceNotice, StringComparison.Ordinal);
        Assert.Contains("Mapi", odi.LicenceNotice, StringComparison.Ordinal);
        Assert.Contains(odi.LoincCodes, c => c.Code == "97909-6");
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("7", 7.0)]
    [InlineData("10", 10.0)]
    public void PainNrs_Answered_ScoreIsTheAnswer(string answer, double expected)
    {
        var result = Scoring.Score("nrs", Answers(answer));
        Assert.Equal(expected, result.Score);
        Assert.Equal(1, result.Answered);
    }

    [Fact]
    public void PainNrs_Unanswered_CannotScore()
    {
        var result = Scoring.Score("nrs", Answers("-"));
        Assert.Null(result.Score);
        Assert.Equal(0, result.Answered);
        Assert.NotNull(result.ReasonNotComputable);
    }

    [Fact]
    public void PainNrs_Eleven_Rejected() =>
        Assert.Equal("outcomes.answer-out-of-range", Assert.Throws<DomainException>(() => Scoring.Score("nrs", Answers("11"))).Code);

    [Fact]
    public void PainNrs_CarriesLoinc72514() =>
        Assert.Equal("72514-3", Instruments.PainNrs.LoincCodes.Single().Code);

    // HSS KOOS JR table: raw 0 → 100, raw 7 → 68.284, raw 14 → 52.465, raw 27 → 8.291, raw 28 → 0.
    [Theory]
    [InlineData("0,0,0,0,0,0,0", 100.000)]
    [InlineData("1,1,1,1,1,1,1", 68.284)]
    [InlineData("2,2,2,2,2,2,2", 52.465)]
    [InlineData("4,4,4,4,4,4,3", 8.291)]
    [InlineData("4,4,4,4,4,4,4", 0.000)]
    [InlineData("1,0,0,0,0,0,0", 91.975)]
    public void KoosJr_CompleteForm_ConvertedByHssTable(string answers, double expected) =>
        Assert.Equal(expected, Scoring.Score("koos-jr", Answers(answers)).Score!.Value, 9);

    [Theory]
    [InlineData("koos-jr", 7)]
    [InlineData("hoos-jr", 6)]
    public void IntervalTable_OneEntryPerRawSum_FallingFrom100To0(string instrument, int items)
    {
        var table = instrument == "koos-jr" ? IntervalConversion.KoosJr : IntervalConversion.HoosJr;
        Assert.Equal(4 * items + 1, table.Count);
        Assert.Equal(100.0, table[0]);
        Assert.Equal(0.0, table[^1]);
        Assert.All(Enumerable.Range(1, table.Count - 1), i => Assert.True(table[i] < table[i - 1]));
    }

    [Fact]
    public void KoosJr_OneItemMissing_CannotScore()
    {
        var result = Scoring.Score("koos-jr", Answers("1,1,-,1,1,1,1"));
        Assert.Null(result.Score);
        Assert.Equal(6, result.Answered);
        Assert.Contains("needs all 7", result.ReasonNotComputable, StringComparison.Ordinal);
    }

    [Fact]
    public void KoosJr_AnswerFive_Rejected() =>
        Assert.Throws<DomainException>(() => Scoring.Score("koos-jr", Answers("1,1,5,1,1,1,1")));

    [Theory]
    [InlineData("0,0,0,0,0,0", 100.000)]
    [InlineData("1,0,0,0,0,0", 92.340)]
    [InlineData("1,2,1,0,0,1", 73.472)]
    [InlineData("2,2,2,2,2,2", 52.965)]
    [InlineData("4,4,4,4,4,3", 8.104)]
    [InlineData("4,4,4,4,4,4", 0.000)]
    public void HoosJr_CompleteForm_ConvertedByHssTable(string answers, double expected)
    {
        var result = Scoring.Score("hoos-jr", Answers(answers));
        Assert.Equal(expected, result.Score!.Value, 9);
        Assert.Equal(6, result.Answered);
    }

    [Fact]
    public void HoosJr_MissingItem_SaysTableNeedsAllSix() =>
        Assert.Contains("needs all 6", Scoring.Score("hoos-jr", Answers("1,-,1,0,0,1")).ReasonNotComputable, StringComparison.Ordinal);

    [Theory]
    [InlineData("44,11,11,11,4,4,5,1,4,5", 100.0, "excellent")]
    [InlineData("40,11,11,11,4,4,5,1,4,5", 96.0, "excellent")]
    [InlineData("30,11,11,11,4,4,5,0,4,5", 85.0, "good")]
    [InlineData("30,8,11,8,2,4,5,1,4,5", 78.0, "fair")]
    [InlineData("20,5,7,5,2,2,3,1,0,4", 49.0, "poor")]
    public void HarrisHip_Complete_SumAndBand(string answers, double expected, string band)
    {
        var result = Scoring.Score("harris-hip", Answers(answers));
        Assert.Equal(expected, result.Score);
        Assert.Equal(band, result.Interpretation);
    }

    [Theory]
    [InlineData(90, "excellent")]
    [InlineData(89, "good")]
    [InlineData(80, "good")]
    [InlineData(79, "fair")]
    [InlineData(70, "fair")]
    [InlineData(69, "poor")]
    public void HarrisHip_BandBoundaries(double score, string band) =>
        Assert.Equal(band, Scoring.HarrisHipBand(score));

    [Fact]
    public void HarrisHip_SectionMaximaAddToPublishedWeights()
    {
        var max = Instruments.HarrisHipItems.Select(i => i.AllowedAnswers.Max()).ToArray();
        Assert.Equal(44, max[0]);
        Assert.Equal(47, max[1..8].Sum());
        Assert.Equal(4, max[8]);
        Assert.Equal(5, max[9]);
    }

    [Fact]
    public void HarrisHip_PainOf43_RejectedBecauseNotALevel()
    {
        var ex = Assert.Throws<DomainException>(() => Scoring.Score("harris-hip", Answers("43,11,11,11,4,4,5,1,4,5")));
        Assert.Contains("item 1 (pain)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HarrisHip_MissingSection_CannotScoreNamingIt()
    {
        var result = Scoring.Score("harris-hip", Answers("44,11,11,11,4,-,5,1,4,5"));
        Assert.Null(result.Score);
        Assert.Contains("item 6 (shoes-and-socks)", result.ReasonNotComputable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("7", 7.0)]
    public void Pgic_ScoreIsTheAnswer(string answer, double expected) =>
        Assert.Equal(expected, Scoring.Score("pgic", Answers(answer)).Score);

    [Fact]
    public void Pgic_Unanswered_CannotScoreAndSaysWhy()
    {
        var result = Scoring.Score("pgic", Answers("-"));
        Assert.Null(result.Score);
        Assert.Equal(0, result.Answered);
        Assert.False(string.IsNullOrWhiteSpace(result.ReasonNotComputable));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    public void Pgic_OutsideOneToSeven_Rejected(string answer) =>
        Assert.Throws<DomainException>(() => Scoring.Score("pgic", Answers(answer)));

    [Fact]
    public void Score_UnknownInstrument_Rejected() =>
        Assert.Equal("outcomes.unknown-instrument", Assert.Throws<DomainException>(() => Scoring.Score("womac", [1])).Code);

    [Fact]
    public void Instruments_NoLicensedInstrumentShipsText_AndWomacEq5dAbsent()
    {
        Assert.DoesNotContain(Instruments.All, i => i.Id.Contains("womac", StringComparison.Ordinal) || i.Id.Contains("eq5d", StringComparison.Ordinal));
        Assert.All(Instruments.All.Where(i => !i.ItemTextShipped), i => Assert.All(i.Items, item => Assert.Null(item.Text)));
    }
}
