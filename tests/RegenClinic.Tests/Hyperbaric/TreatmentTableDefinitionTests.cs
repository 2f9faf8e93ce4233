using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class TreatmentTableDefinitionTests
{
    private static readonly IReadOnlyList<TablePeriod> Tt9Pattern =
        [new(BreathingGas.Oxygen, 30), new(BreathingGas.Air, 5), new(BreathingGas.Oxygen, 30), new(BreathingGas.Air, 5), new(BreathingGas.Oxygen, 30)];

    private static TreatmentTableDefinition Valid(double ata = 2.4) =>
        new("2.4-90-copy", "2.4 ATA copy", ata, 15, 10, Tt9Pattern, BreathingGas.Air, "clinical-reference §4");

    private static string Refused(TreatmentTableDefinition d) => Assert.Throws<DomainException>(() => d.Build()).Code;

    [Fact]
    public void Build_Tt9PatternAt2Point4_SameStepsAndDoseAsTheReferenceTable()
    {
        var table = Valid().Build();

        Assert.Equal(TreatmentTables.Elective24.Steps, table.Steps);
        Assert.Equal(OxygenDose.Otu(TreatmentTables.Elective24.PlannedProfile()).Value, OxygenDose.Otu(table.PlannedProfile()).Value, 9);
        Assert.Equal(10, table.FastestCompressionMinutes);
        Assert.Equal(0.14, table.FastestDecompressionAtaPerMinute, 9);
        Assert.True(table.IsSchedulableAsCourse);
    }

    [Theory]
    [InlineData(1.4, false)]
    [InlineData(1.5, true)]
    [InlineData(3.0, true)]
    [InlineData(3.1, false)]
    public void Build_Pressure_AboveOnePoint4UpToThree(double ata, bool ok)
    {
        // Short O2 periods keep 3.0 ATA under the 850 OTU check so only the pressure limit is tested here.
        var d = Valid(ata) with { Periods = [new(BreathingGas.Oxygen, 20)] };
        if (ok) Assert.Equal(ata, d.Build().Pressure.Value);
        else Assert.Equal("treatment-table.pressure-range", Refused(d));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Build_CompressionAndDecompression_TenToThirtyMinutes(double minutes, bool ok)
    {
        foreach (var d in new[] { Valid() with { CompressionMinutes = minutes }, Valid() with { DecompressionMinutes = minutes } })
        {
            if (ok) d.Build();
            else Assert.Equal("treatment-table.travel-minutes", Refused(d));
        }
    }

    [Fact]
    public void Build_PeriodsMustStartAndEndOnOxygenAndAlternate()
    {
        Assert.Equal("treatment-table.periods-order", Refused(Valid() with { Periods = [new(BreathingGas.Air, 5), new(BreathingGas.Oxygen, 30)] }));
        Assert.Equal("treatment-table.periods-order", Refused(Valid() with { Periods = [new(BreathingGas.Oxygen, 30), new(BreathingGas.Air, 5)] }));
        Assert.Equal("treatment-table.periods-alternate", Refused(Valid() with { Periods = [new(BreathingGas.Oxygen, 30), new(BreathingGas.Oxygen, 30)] }));
        Assert.Equal("treatment-table.no-periods", Refused(Valid() with { Periods = [] }));
    }

    [Theory]
    [InlineData(BreathingGas.Air, 0.5, false)]
    [InlineData(BreathingGas.Air, 1, true)]
    [InlineData(BreathingGas.Air, 15, true)]
    [InlineData(BreathingGas.Air, 16, false)]
    [InlineData(BreathingGas.Oxygen, 4, false)]
    [InlineData(BreathingGas.Oxygen, 5, true)]
    [InlineData(BreathingGas.Oxygen, 60, true)]
    [InlineData(BreathingGas.Oxygen, 61, false)]
    public void Build_PeriodLength_AirBreakOneToFifteen_OxygenFiveToSixty(BreathingGas gas, double minutes, bool ok)
    {
        IReadOnlyList<TablePeriod> periods = gas == BreathingGas.Air
            ? [new(BreathingGas.Oxygen, 30), new(BreathingGas.Air, minutes), new(BreathingGas.Oxygen, 30)]
            : [new(BreathingGas.Oxygen, minutes)];
        var d = Valid(2.0) with { Periods = periods };
        if (ok) d.Build();
        else Assert.Equal("treatment-table.period-minutes", Refused(d));
    }

    [Fact]
    public void Build_PlannedDoseAboveTheWorkingDailyMaximum_Refused()
    {
        // 3.0 ATA on O2: 3.8/min × 4 × 60 min ≈ 930 OTU at pressure alone, above 850 (clinical-reference §4).
        var heavy = Valid(3.0) with
        {
            Periods = [new(BreathingGas.Oxygen, 60), new(BreathingGas.Air, 5), new(BreathingGas.Oxygen, 60), new(BreathingGas.Air, 5), new(BreathingGas.Oxygen, 60), new(BreathingGas.Air, 5), new(BreathingGas.Oxygen, 60)],
        };
        Assert.Equal("treatment-table.dose-too-high", Refused(heavy));
    }

    [Fact]
    public void Build_BadIdOrMissingSource_Refused()
    {
        Assert.Equal("treatment-table.id-format", Refused(Valid() with { Id = "2.4 90!" }));
        Assert.Equal("field.required", Refused(Valid() with { Source = " " }));
    }

    [Fact]
    public void ParsePeriods_WrittenList_ReadsGasAndMinutesInOrder()
    {
        Assert.Equal(Tt9Pattern, TreatmentTableDefinition.ParsePeriods("O2 30, air 5, O2 30; Air 5\noxygen 30"));
        var ex = Assert.Throws<DomainException>(() => TreatmentTableDefinition.ParsePeriods("O2 30, nitrox 5"));
        Assert.Equal("treatment-table.period-format", ex.Code);
        Assert.Contains("Period 2", ex.Message, StringComparison.Ordinal);
    }
}
