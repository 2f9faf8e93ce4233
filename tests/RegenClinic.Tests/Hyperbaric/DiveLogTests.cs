using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class DiveLogTests
{
    private static readonly Instant T0 = Instant.FromUtc(2027, 1, 4, 9, 0);
    private static readonly Ata Depth = new(2.4);

    private static DiveEvent At(double minute, DivePhase phase, Ata pressure) => new(phase, T0 + Duration.FromSeconds(minute * 60), pressure);

    private static DiveLog Elective24AsPlanned()
    {
        var log = new DiveLog("2.4-90", "operator-a", "attendant-b");
        log.Record(At(0, DivePhase.CompressionStart, Ata.Surface));
        log.Record(At(15, DivePhase.AtPressure, Depth));
        log.Record(At(15, DivePhase.OxygenPeriodStart, Depth));
        log.Record(At(45, DivePhase.AirBreakStart, Depth));
        log.Record(At(50, DivePhase.OxygenPeriodStart, Depth));
        log.Record(At(80, DivePhase.AirBreakStart, Depth));
        log.Record(At(85, DivePhase.OxygenPeriodStart, Depth));
        log.Record(At(115, DivePhase.DecompressionStart, Depth));
        log.Record(At(125, DivePhase.Surface, Ata.Surface));
        return log;
    }

    [Fact]
    public void ActualProfile_LoggedAsPlanned_EqualsThePlannedProfile()
    {
        var actual = Elective24AsPlanned().ActualProfile();
        var planned = TreatmentTables.Elective24.PlannedProfile();
        Assert.Equal(planned.Points, actual.Points);
        Assert.Equal(OxygenDose.Otu(planned).Value, OxygenDose.Otu(actual).Value, 9);
    }

    [Fact]
    public void Complete_SheetHasNothingMissingForAudit()
    {
        var log = Elective24AsPlanned();
        Assert.True(log.IsComplete);
        Assert.Empty(log.MissingForAudit());
    }

    [Fact]
    public void MissingForAudit_NoAscentLogged_ListsDecompressionAndSurface()
    {
        var log = new DiveLog("2.4-90", "operator-a", null);
        log.Record(At(0, DivePhase.CompressionStart, Ata.Surface));
        log.Record(At(15, DivePhase.AtPressure, Depth));
        Assert.Equal(["DecompressionStart", "Surface"], log.MissingForAudit());
    }

    [Fact]
    public void Record_TimeGoingBack_Refused()
    {
        var log = new DiveLog("2.4-90", "operator-a", null);
        log.Record(At(0, DivePhase.CompressionStart, Ata.Surface));
        log.Record(At(15, DivePhase.AtPressure, Depth));
        var ex = Assert.Throws<DomainException>(() => log.Record(At(14, DivePhase.OxygenPeriodStart, Depth)));
        Assert.Equal("dive-log.time-not-monotonic", ex.Code);
        Assert.Equal(2, log.Events.Count);
    }

    [Fact]
    public void Record_SameInstantAsPrevious_Accepted()
    {
        var log = new DiveLog("2.4-90", "operator-a", null);
        log.Record(At(0, DivePhase.CompressionStart, Ata.Surface));
        log.Record(At(0, DivePhase.OxygenPeriodStart, Ata.Surface));
        Assert.True(log.OnOxygen);
    }

    [Theory]
    [InlineData(DivePhase.AtPressure)]
    [InlineData(DivePhase.OxygenPeriodStart)]
    [InlineData(DivePhase.DecompressionStart)]
    [InlineData(DivePhase.Surface)]
    public void Record_BeforeCompressionStart_Refused(DivePhase phase)
    {
        var log = new DiveLog("2.4-90", "operator-a", null);
        Assert.Equal("dive-log.phase-out-of-order", Assert.Throws<DomainException>(() => log.Record(At(0, phase, Depth))).Code);
    }

    [Fact]
    public void Record_OrderRules_Enforced()
    {
        var log = new DiveLog("2.4-90", "operator-a", null);
        log.Record(At(0, DivePhase.CompressionStart, Ata.Surface));
        Assert.Throws<DomainException>(() => log.Record(At(1, DivePhase.CompressionStart, Ata.Surface)));
        Assert.Throws<DomainException>(() => log.Record(At(1, DivePhase.AirBreakStart, Ata.Surface)));
        Assert.Throws<DomainException>(() => log.Record(At(1, DivePhase.DecompressionStart, Ata.Surface)));
        log.Record(At(15, DivePhase.AtPressure, Depth));
        log.Record(At(15, DivePhase.OxygenPeriodStart, Depth));
        Assert.Throws<DomainException>(() => log.Record(At(16, DivePhase.OxygenPeriodStart, Depth)));
        Assert.Throws<DomainException>(() => log.Record(At(16, DivePhase.Surface, Ata.Surface)));
        log.Record(At(100, DivePhase.DecompressionStart, Depth));
        log.Record(At(110, DivePhase.Surface, Ata.Surface));
        Assert.Equal("dive-log.already-surfaced", Assert.Throws<DomainException>(() => log.Record(At(111, DivePhase.OxygenPeriodEnd, Ata.Surface))).Code);
    }

    [Fact]
    public void Record_Tt6WithStop_AllowsDecompressionToAStopAndOn()
    {
        var log = new DiveLog("usn-tt6", "operator-a", "attendant-b");
        log.Record(At(0, DivePhase.CompressionStart, Ata.Surface));
        log.Record(At(3, DivePhase.AtPressure, new Ata(2.8)));
        log.Record(At(3, DivePhase.OxygenPeriodStart, new Ata(2.8)));
        log.Record(At(78, DivePhase.DecompressionStart, new Ata(2.8)));
        log.Record(At(108, DivePhase.AtPressure, new Ata(1.9)));
        log.Record(At(258, DivePhase.DecompressionStart, new Ata(1.9)));
        log.Record(At(288, DivePhase.Surface, Ata.Surface));
        Assert.True(log.IsComplete);
        Assert.Equal(1.9, log.ActualProfile().PressureAt(200).Value, 9);
    }

    [Fact]
    public void Constructor_WithoutOperator_Refused() =>
        Assert.Equal("dive-log.operator-required", Assert.Throws<DomainException>(() => new DiveLog("2.4-90", " ", null)).Code);

    [Fact]
    public void ActualProfile_LongerFirstO2Period_RaisesTheDose()
    {
        var log = new DiveLog("2.0-90", "operator-a", null);
        log.Record(At(0, DivePhase.CompressionStart, Ata.Surface));
        log.Record(At(10, DivePhase.AtPressure, new Ata(2.0)));
        log.Record(At(10, DivePhase.OxygenPeriodStart, new Ata(2.0)));
        log.Record(At(50, DivePhase.OxygenPeriodEnd, new Ata(2.0)));
        log.Record(At(50, DivePhase.DecompressionStart, new Ata(2.0)));
        log.Record(At(60, DivePhase.Surface, Ata.Surface));
        // 40 min on O2 at 2.0 ATA (compression and decompression on air: PO2 ≤ 0.42)
        Assert.Equal(40 * Math.Pow(3, 5.0 / 6.0), OxygenDose.Otu(log.ActualProfile()).Value, 9);
    }

    [Fact]
    public void FromEvents_StoredSheet_RebuildsIt_ReorderedSheet_Refused()
    {
        var events = Elective24AsPlanned().Events;
        var rebuilt = DiveLog.FromEvents("2.4-90", "operator-a", "attendant-b", events);
        Assert.Equal(events, rebuilt.Events);
        Assert.True(rebuilt.IsComplete);
        Assert.Throws<DomainException>(() => DiveLog.FromEvents("2.4-90", "operator-a", null, events.Reverse()));
    }
}
