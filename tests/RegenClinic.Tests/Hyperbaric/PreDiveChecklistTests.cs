using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class PreDiveChecklistTests
{
    private static readonly LocalDate Today = new(2027, 1, 4);
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 4, 8, 30);

    private static PreDiveChecklistInput AllClear() => new(
        SessionDate: Today,
        Vitals: new Vitals(128, 78, 72, 98, JudgedAcceptable: true),
        TemperatureCelsius: 36.8m,
        EarsAndSinusesClear: true,
        IsDiabetic: false,
        GlucoseMgPerDl: null,
        ProhibitedItemsFound: [],
        CottonGarments: true,
        ConsentOnFile: true,
        DailyOrderSigned: true,
        SessionsCompleted: 3,
        SessionsPrescribed: 20,
        Screening: new ScreeningRerun(Today, Clean: true));

    private static ChecklistItemResult Item(PreDiveChecklistInput input, ChecklistItem item, PreDiveChecklistSettings? settings = null) =>
        PreDiveChecklist.Evaluate(input, settings)[item];

    [Fact]
    public void Evaluate_AllClear_EveryItemPasses()
    {
        var result = PreDiveChecklist.Evaluate(AllClear());
        Assert.True(result.CanPressurise);
        Assert.Equal(Enum.GetValues<ChecklistItem>(), result.Items.Select(i => i.Item));
        Assert.All(result.Items, i => Assert.True(i.Passed, i.Reason));
    }

    [Theory]
    [InlineData(37.9, true)]
    [InlineData(38.0, false)]
    [InlineData(38.5, false)]
    public void Temperature_FeverAtOrAbove38_Blocks(double celsius, bool passes)
    {
        var result = PreDiveChecklist.Evaluate(AllClear() with { TemperatureCelsius = (decimal)celsius });
        Assert.Equal(passes, result[ChecklistItem.Temperature].Passed);
        Assert.Equal(passes, result.CanPressurise);
    }

    [Fact]
    public void Temperature_NotTaken_Fails() => Assert.False(Item(AllClear() with { TemperatureCelsius = null }, ChecklistItem.Temperature).Passed);

    [Theory]
    [InlineData(119, false)]
    [InlineData(120, true)]
    [InlineData(180, true)]
    public void Glucose_DiabeticBelowDefault120_Blocks(int glucose, bool passes) =>
        Assert.Equal(passes, Item(AllClear() with { IsDiabetic = true, GlucoseMgPerDl = glucose }, ChecklistItem.Glucose).Passed);

    [Theory]
    [InlineData(149, false)]
    [InlineData(150, true)]
    public void Glucose_ConfiguredThreshold150_IsUsed(int glucose, bool passes) =>
        Assert.Equal(passes, Item(AllClear() with { IsDiabetic = true, GlucoseMgPerDl = glucose }, ChecklistItem.Glucose, new PreDiveChecklistSettings(DiabeticGlucoseMinimumMgPerDl: 150)).Passed);

    [Fact]
    public void Glucose_DiabeticNotMeasured_Fails_NonDiabeticPasses()
    {
        Assert.False(Item(AllClear() with { IsDiabetic = true, GlucoseMgPerDl = null }, ChecklistItem.Glucose).Passed);
        Assert.True(Item(AllClear() with { IsDiabetic = false, GlucoseMgPerDl = 60 }, ChecklistItem.Glucose).Passed);
    }

    [Fact]
    public void Vitals_MissingOrNotAcceptable_Fails()
    {
        Assert.False(Item(AllClear() with { Vitals = null }, ChecklistItem.Vitals).Passed);
        Assert.False(Item(AllClear() with { Vitals = new Vitals(190, 110, 120, 91, JudgedAcceptable: false) }, ChecklistItem.Vitals).Passed);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void EarsAndSinuses_OnlyClearPasses(bool? clear, bool passes) =>
        Assert.Equal(passes, Item(AllClear() with { EarsAndSinusesClear = clear }, ChecklistItem.EarsAndSinuses).Passed);

    [Fact]
    public void ProhibitedItems_FoundOrNotChecked_Fails()
    {
        var found = Item(AllClear() with { ProhibitedItemsFound = [ProhibitedItem.PharmacologicalPatch] }, ChecklistItem.ProhibitedItems);
        Assert.False(found.Passed);
        Assert.Contains("PharmacologicalPatch", found.Reason, StringComparison.Ordinal);
        Assert.False(Item(AllClear() with { ProhibitedItemsFound = null }, ChecklistItem.ProhibitedItems).Passed);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void CottonGarments_OnlyCottonPasses(bool? cotton, bool passes) =>
        Assert.Equal(passes, Item(AllClear() with { CottonGarments = cotton }, ChecklistItem.CottonGarments).Passed);

    [Fact]
    public void ConsentAndDailyOrder_Missing_Fail()
    {
        Assert.False(Item(AllClear() with { ConsentOnFile = false }, ChecklistItem.ConsentOnFile).Passed);
        Assert.False(Item(AllClear() with { DailyOrderSigned = false }, ChecklistItem.SignedDailyOrder).Passed);
    }

    [Theory]
    [InlineData(19, 20, true)]
    [InlineData(20, 20, false)]
    [InlineData(21, 20, false)]
    public void Course_SessionsDoneMustBeFewerThanPrescribed(int done, int prescribed, bool passes) =>
        Assert.Equal(passes, Item(AllClear() with { SessionsCompleted = done, SessionsPrescribed = prescribed }, ChecklistItem.CourseWithinPrescription).Passed);

    [Fact]
    public void Screening_NotRunTodayOrNotClean_Fails()
    {
        Assert.False(Item(AllClear() with { Screening = null }, ChecklistItem.ScreeningRerunClean).Passed);
        Assert.False(Item(AllClear() with { Screening = new ScreeningRerun(Today.PlusDays(-1), true) }, ChecklistItem.ScreeningRerunClean).Passed);
        Assert.False(Item(AllClear() with { Screening = new ScreeningRerun(Today, false, "new J06.9") }, ChecklistItem.ScreeningRerunClean).Passed);
    }

    [Fact]
    public void WithOverride_FailedItem_UnblocksAndRecordsTheOverride()
    {
        var result = PreDiveChecklist.Evaluate(AllClear() with { IsDiabetic = true, GlucoseMgPerDl = 110 });
        Assert.False(result.CanPressurise);
        var physicianOverride = new PhysicianOverride(ChecklistItem.Glucose, "dr-jansen", "Ate 30 g carbohydrate, recheck at 30 min", Now);
        var overridden = result.WithOverride(physicianOverride);
        Assert.True(overridden.CanPressurise);
        Assert.False(overridden[ChecklistItem.Glucose].Passed);
        Assert.Equal(physicianOverride, overridden[ChecklistItem.Glucose].Override);
    }

    [Fact]
    public void WithOverride_WithoutReason_Refused()
    {
        var result = PreDiveChecklist.Evaluate(AllClear() with { CottonGarments = false });
        var ex = Assert.Throws<DomainException>(() => result.WithOverride(new PhysicianOverride(ChecklistItem.CottonGarments, "dr-jansen", " ", Now)));
        Assert.Equal("checklist.override-reason-required", ex.Code);
    }

    [Fact]
    public void WithOverride_PassedItem_Refused()
    {
        var result = PreDiveChecklist.Evaluate(AllClear());
        var ex = Assert.Throws<DomainException>(() => result.WithOverride(new PhysicianOverride(ChecklistItem.Vitals, "dr-jansen", "why", Now)));
        Assert.Equal("checklist.override-not-needed", ex.Code);
    }

    [Fact]
    public void WithOverride_OneOfTwoFailures_StillBlocked()
    {
        var result = PreDiveChecklist.Evaluate(AllClear() with { CottonGarments = false, ConsentOnFile = false })
            .WithOverride(new PhysicianOverride(ChecklistItem.CottonGarments, "dr-jansen", "Cotton gown fetched and checked", Now));
        Assert.False(result.CanPressurise);
        Assert.Equal(ChecklistItem.ConsentOnFile, Assert.Single(result.Blocking).Item);
    }
}
