using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class TreatmentTablesTests
{
    [Fact]
    public void All_ListsTheFiveTablesOfSection4()
    {
        Assert.Equal(["2.4-90", "2.0-90", "2.5-90-mono", "marx-20-10", "usn-tt6"], TreatmentTables.All.Select(t => t.Id));
        Assert.All(TreatmentTables.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
    }

    [Fact]
    public void UsnTt6_IsEmergencyOnly_NotSchedulableAsCourse()
    {
        Assert.True(TreatmentTables.UsnTt6.EmergencyOnly);
        Assert.False(TreatmentTables.UsnTt6.IsSchedulableAsCourse);
        Assert.True(TreatmentTables.Elective24.IsSchedulableAsCourse);
    }

    [Fact]
    public void Retire_KeepsTheTableButMakesItUnschedulable()
    {
        var retired = TreatmentTables.Elective20.Retire();
        Assert.True(retired.IsRetired);
        Assert.False(retired.IsSchedulableAsCourse);
        Assert.Equal("2.0-90", retired.Id);
        Assert.False(TreatmentTables.Elective20.IsRetired);
    }

    [Fact]
    public void Elective24_HasThreeThirtyMinuteO2PeriodsAndTwoAirBreaks()
    {
        var t = TreatmentTables.Elective24;
        Assert.Equal(2.4, t.Pressure.Value);
        Assert.Equal(90, t.OxygenMinutesAtPressure);
        Assert.Equal(2, t.AirBreakCount);
        Assert.Equal(15, t.CompressionMinutes);
        Assert.Equal(10, t.DecompressionMinutes);
        Assert.Equal(100, t.MinutesAtPressure);
        Assert.Equal(125, t.TotalMinutes);
    }

    [Fact]
    public void Monoplace25_IsNinetyMinutesContinuousO2()
    {
        var t = TreatmentTables.Monoplace25;
        Assert.Equal(90, t.OxygenMinutesAtPressure);
        Assert.Equal(0, t.AirBreakCount);
        Assert.All(t.PlannedProfile().Points.SkipLast(1), p => Assert.Equal(1.0, p.Fio2));
    }

    [Fact]
    public void UsnTt6_Is285MinutesNotCountingDescent_At2Point8And1Point9Ata()
    {
        var t = TreatmentTables.UsnTt6;
        Assert.Equal(285, t.TotalMinutes - t.CompressionMinutes);
        Assert.Equal(2.8, t.Pressure.Value);
        Assert.Equal(1.9, t.LastStopPressure.Value);
        Assert.Equal(0.03, t.FastestDecompressionAtaPerMinute, 9);
    }

    [Fact]
    public void PlannedProfile_Elective24_PointsAtEachStepBoundary()
    {
        var points = TreatmentTables.Elective24.PlannedProfile().Points;
        Assert.Equal(
            [(0.0, 1.0, 0.21), (15, 2.4, 1.0), (45, 2.4, 0.21), (50, 2.4, 1.0), (80, 2.4, 0.21), (85, 2.4, 1.0), (115, 2.4, 1.0), (125, 1.0, 0.21)],
            points.Select(p => (p.Minute, p.Pressure.Value, p.Fio2)));
    }

    [Fact]
    public void Get_UnknownId_ThrowsStableCode()
    {
        var ex = Assert.Throws<DomainException>(() => TreatmentTables.Get("3.0-60"));
        Assert.Equal("treatment-table.unknown", ex.Code);
        Assert.Null(TreatmentTables.Find("3.0-60"));
    }
}
