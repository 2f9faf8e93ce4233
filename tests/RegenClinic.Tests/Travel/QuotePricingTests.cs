using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Travel;
using static RegenClinic.Tests.Travel.TravelTestData;

namespace RegenClinic.Tests.Travel;

public sealed class QuotePricingTests
{
    [Fact]
    public void Lines_Hbot30_SessionsTimesPricePlusVisits()
    {
        var lines = QuotePricing.Lines(Hbot30(), Prices(Guid.NewGuid()), "EUR", "en");
        // 30 × 180 = 5400; 2 × 150 = 300; 1 × 120 = 120; 1 × 60 = 60 → 5880.
        Assert.Equal([5400m, 300m, 120m, 60m], lines.Select(l => l.Amount));
        Assert.Equal(30, lines[0].Quantity);
        Assert.Equal(5880m, QuotePricing.Total(lines));
    }

    [Fact]
    public void Lines_NoVisits_OnlyTheSessionLine()
    {
        var lines = QuotePricing.Lines(Hbot30(0, 0, 0), Prices(Guid.NewGuid()), "EUR", "nl");
        Assert.Single(lines);
        Assert.StartsWith("HBOT-sessie", lines[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_CentsAreKept()
    {
        var site = Guid.NewGuid();
        var lines = QuotePricing.Lines(Hbot30(0, 0, 0), [PriceItem.Create(site, PriceKind.Session, "hbot", "s", "s", 182.35m, "EUR")], "EUR", "en");
        Assert.Equal(5470.50m, lines[0].Amount);
    }

    [Fact]
    public void Lines_PriceInAnotherCurrency_Refused() =>
        Assert.Equal("quote.currency-mismatch", Assert.Throws<DomainException>(() => QuotePricing.Lines(Hbot30(), Prices(Guid.NewGuid(), "CHF"), "EUR", "en")).Code);

    [Fact]
    public void Lines_NoSessionPriceForTheTherapy_Refused()
    {
        var p = Hbot30() with { Therapy = "ozone-injection" };
        Assert.Equal("quote.no-session-price", Assert.Throws<DomainException>(() => QuotePricing.Lines(p, Prices(Guid.NewGuid()), "EUR", "en")).Code);
    }

    [Fact]
    public void Lines_RetiredPrice_NotUsed()
    {
        var prices = Prices(Guid.NewGuid());
        prices[0].Retire();
        Assert.Equal("quote.no-session-price", Assert.Throws<DomainException>(() => QuotePricing.Lines(Hbot30(), prices, "EUR", "en")).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void Lines_SessionsOutOfRange_Refused(int sessions) =>
        Assert.Equal("course.sessions", Assert.Throws<DomainException>(() => QuotePricing.Lines(Hbot30() with { Sessions = sessions }, Prices(Guid.NewGuid()), "EUR", "en")).Code);

    [Fact]
    public void PriceItem_MoreThanTwoDecimalsOrBadCurrency_Refused()
    {
        Assert.Equal("price.cents", Assert.Throws<DomainException>(() => PriceItem.Create(Guid.NewGuid(), PriceKind.Session, "hbot", "a", "a", 1.005m, "EUR")).Code);
        Assert.Equal("price.currency", Assert.Throws<DomainException>(() => PriceItem.Create(Guid.NewGuid(), PriceKind.Session, "hbot", "a", "a", 1m, "E1R")).Code);
    }

    [Fact]
    public void Issue_ValidityOutsideToday180Days_Refused()
    {
        var stay = new TentativeStay(Today, Today.PlusDays(39), 30, null);
        var evidence = KnowledgeBase.Default.EvidenceFor(TherapyId.Hbot, "femoral-head-avn");
        var lines = QuotePricing.Lines(Hbot30(), Prices(Guid.NewGuid()), "EUR", "en");
        Quote Issue(LocalDate valid) => Quote.Issue(Guid.NewGuid(), Guid.NewGuid(), 1, "en", "EUR", valid, Today, Hbot30(), lines, stay, evidence, ["risk"], "desk", Instant.FromUtc(2027, 1, 4, 9, 0));
        Assert.Equal("quote.valid-until-past", Assert.Throws<DomainException>(() => Issue(Today.PlusDays(-1))).Code);
        Assert.Equal("quote.valid-until-far", Assert.Throws<DomainException>(() => Issue(Today.PlusDays(181))).Code);
        var q = Issue(Today.PlusDays(180));
        Assert.Equal(5880m, q.Total);
        Assert.Equal(6, q.StayWeeks);
        Assert.Equal("rct-supported", q.EvidenceGrade);
    }

    [Fact]
    public void PriceList_NewVersionFromADay_AppliesFromThatDayAndTheOldOneBefore()
    {
        var site = Guid.NewGuid();
        var at = Instant.FromUtc(2027, 1, 4, 9, 0);
        var old = PriceItem.Create(site, PriceKind.Session, "hbot", "HBOT", "HBOT", 180m, "EUR");
        var revised = PriceItem.Create(site, PriceKind.Session, "hbot", "HBOT", "HBOT", 195m, "EUR", Today.PlusDays(10), "admin", at);
        var consult = PriceItem.Create(site, PriceKind.Consultation, "consult", "C", "C", 150m, "EUR");
        PriceItem[] items = [old, revised, consult];

        Assert.Equal([old.Id, consult.Id], PriceList.InEffect(items, Today.PlusDays(9)).Select(i => i.Id));
        Assert.Equal([revised.Id, consult.Id], PriceList.InEffect(items, Today.PlusDays(10)).Select(i => i.Id));
        // A quote priced on day 10 uses 195 and names the version it used: 30 × 195 = 5850.
        var line = QuotePricing.Lines(Hbot30(0, 0, 0), PriceList.InEffect(items, Today.PlusDays(10)), "EUR", "en").Single();
        Assert.Equal((5850m, revised.Id), (line.Amount, line.PriceItemId));
        // Withdrawing the new version brings the old price back.
        revised.Retire();
        Assert.Contains(PriceList.InEffect(items, Today.PlusDays(10)), i => i.Id == old.Id);
    }
}
