using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class OxygenDoseTests
{
    private static DiveProfile Profile(params (double Minute, double Ata, double Fio2)[] points) =>
        new(points.Select(p => new ProfilePoint(p.Minute, new Ata(p.Ata), p.Fio2)));

    [Theory]
    [InlineData(2.0, 2.50)]
    [InlineData(2.4, 3.04)]
    [InlineData(2.5, 3.18)] // exact 4^(5/6) = 3.1748: the reference rounds up by 0.005
    public void PerMinute_PublishedReferencePressures_MatchReferenceWithinItsRounding(double ata, double expected) =>
        Assert.InRange(OxygenDose.PerMinute(ata), expected - 0.0055, expected + 0.0055);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.42)]
    [InlineData(0.21)]
    public void PerMinute_AtOrBelowHalfAta_IsZero(double po2) => Assert.Equal(0, OxygenDose.PerMinute(po2));

    [Fact]
    public void PerMinute_JustAboveHalfAta_IsPositive() => Assert.True(OxygenDose.PerMinute(0.504) > 0.0178);

    [Fact]
    public void Otu_FlatSegment_IsMinutesTimesRate()
    {
        // 60 min at 2.0 ATA on O2: 60 × 3^(5/6)
        var otu = OxygenDose.Otu(Profile((0, 2.0, 1.0), (60, 2.0, 0.21)));
        Assert.Equal(60 * Math.Pow(3, 5.0 / 6.0), otu.Value, 9);
    }

    [Fact]
    public void Otu_RampOnOxygenFromSurface_MatchesHandIntegral()
    {
        // 1.0 → 2.0 ATA in 10 min on O2: PO2 = 1 + t/10, x = 2·PO2 − 1 from 1 to 3, dt = 5 dx;
        // ∫ x^(5/6) dt = 5 × (6/11) × (3^(11/6) − 1) = 17.71…
        var expected = 5 * 6.0 / 11.0 * (Math.Pow(3, 11.0 / 6.0) - 1);
        var otu = OxygenDose.Otu(Profile((0, 1.0, 1.0), (10, 2.0, 1.0)));
        Assert.Equal(expected, otu.Value, 9);
        Assert.Equal(17.71, otu.Value, 2);
    }

    [Fact]
    public void Otu_RampCrossingHalfAta_CountsOnlyThePartAbove()
    {
        // On air 2.0 → 3.0 ATA over 10 min: PO2 0.42 → 0.63, crosses 0.5 at ATA 2.381 (minute 3.81).
        // Above the crossing x runs 0 → 0.26: ∫ = 10/0.21 × (3/11) × 0.26^(11/6)
        var expected = 10 / 0.21 * (3.0 / 11.0) * Math.Pow(0.26, 11.0 / 6.0);
        var profile = Profile((0, 2.0, 0.21), (10, 3.0, 0.21));
        Assert.Equal(expected, OxygenDose.Otu(profile).Value, 9);
        Assert.Equal(10 - (0.5 - 0.42) / 0.21 * 10, OxygenDose.MinutesAboveHalfAta(profile), 9);
    }

    [Fact]
    public void Otu_RampMatchesFineStepSum()
    {
        var profile = Profile((0, 1.0, 1.0), (15, 2.4, 1.0), (45, 2.4, 0.21), (50, 2.4, 1.0), (80, 2.4, 1.0), (90, 1.0, 0.21));
        var sum = 0.0;
        const int steps = 180_000; // cell 0.0005 min: every gas switch falls on a cell edge
        for (var i = 0; i < steps; i++)
        {
            var minute = (i + 0.5) * 90.0 / steps;
            var fio2 = minute < 15 ? 1.0 : minute < 45 ? 1.0 : minute < 50 ? 0.21 : 1.0;
            sum += OxygenDose.PerMinute(profile.PressureAt(minute).Value * fio2) * 90.0 / steps;
        }

        Assert.Equal(sum, OxygenDose.Otu(profile).Value, 6);
        Assert.Equal(234.032650, OxygenDose.Otu(profile).Value, 6); // mpmath quadrature of the same profile
    }

    [Fact]
    public void Otu_AirBreaksAt2Point4Ata_AddTheirSmallDose()
    {
        // Air at 2.4 ATA is PO2 0.504 > 0.5: 0.008^(5/6) = 0.0179 OTU/min.
        var withBreaks = Profile((0, 2.4, 1.0), (30, 2.4, 0.21), (35, 2.4, 1.0), (65, 2.4, 0.21), (70, 2.4, 1.0), (100, 2.4, 0.21));
        var expected = (90 * Math.Pow(3.8, 5.0 / 6.0)) + (10 * Math.Pow(0.008, 5.0 / 6.0));
        Assert.Equal(expected, OxygenDose.Otu(withBreaks).Value, 9);
        Assert.Equal(274.0, Math.Round(OxygenDose.Otu(withBreaks).Value, 1));
        Assert.Equal(100, OxygenDose.MinutesAboveHalfAta(withBreaks), 9);
        Assert.Equal(2.4, OxygenDose.MaxPo2(withBreaks), 9);
    }

    [Fact]
    public void Otu_AirBreaksAt2Ata_AddNothing()
    {
        var profile = Profile((0, 2.0, 1.0), (30, 2.0, 0.21), (35, 2.0, 1.0), (65, 2.0, 0.21), (70, 2.0, 1.0), (100, 2.0, 0.21));
        Assert.Equal(90, OxygenDose.MinutesAboveHalfAta(profile), 9);
        Assert.Equal(90 * Math.Pow(3, 5.0 / 6.0), OxygenDose.Otu(profile).Value, 9);
    }

    [Fact]
    public void Otu_SinglePoint_IsZero()
    {
        var profile = Profile((0, 2.4, 1.0));
        Assert.Equal(0, OxygenDose.Otu(profile).Value);
        Assert.Equal(0, OxygenDose.MinutesAboveHalfAta(profile));
        Assert.Equal(2.4, OxygenDose.MaxPo2(profile), 9);
    }

    [Fact]
    public void MaxPo2_RampOnOxygen_IsTheDeeperEnd()
    {
        var onAir = Profile((0, 1.0, 0.21), (10, 2.8, 0.21), (20, 2.8, 0.21));
        Assert.Equal(0.588, OxygenDose.MaxPo2(onAir), 9);
        Assert.Equal(2.8, OxygenDose.MaxPo2(Profile((0, 1.0, 1.0), (10, 2.8, 1.0))), 9);
    }

    [Theory]
    [InlineData("2.4-90", 273.8)]
    [InlineData("2.0-90", 224.8)]
    [InlineData("2.5-90-mono", 285.7)]
    public void OxygenPeriodsAtDepth_ElectiveTables_MatchReference(string id, double expected)
    {
        // The reference figures (≈ 274, 225, 286) are the O2 minutes at depth.
        var table = TreatmentTables.Get(id);
        Assert.Equal(expected, table.OxygenMinutesAtPressure * OxygenDose.PerMinute(table.Pressure.Value), 1);
    }

    [Fact]
    public void Otu_Tt6PlannedProfile_WithinOnePercentOfReference644()
    {
        var otu = OxygenDose.Otu(TreatmentTables.UsnTt6.PlannedProfile()).Value;
        Assert.Equal(640.7, Math.Round(otu, 1));
        Assert.InRange(otu, 644 * 0.99, 644 * 1.01);
    }

    [Fact]
    public void Otu_Tt6WithTwoMinuteOxygenDescentAndTwoAirBreaksAtDepth_Reproduces644()
    {
        // The variant that gives 644.1 exactly (documented in docs/formats/oxygen-dose.md).
        var profile = Profile(
            (0, 1.0, 1.0), (2, 2.8, 1.0), (22, 2.8, 0.21), (27, 2.8, 1.0), (47, 2.8, 0.21), (52, 2.8, 1.0),
            (72, 2.8, 1.0), (102, 1.9, 0.21), (117, 1.9, 1.0), (177, 1.9, 0.21), (192, 1.9, 1.0), (252, 1.9, 1.0), (282, 1.0, 0.21));
        Assert.Equal(644.1, Math.Round(OxygenDose.Otu(profile).Value, 1));
    }

    [Theory]
    [InlineData("2.4-90", 294.5)] // 273.8 O2 + 0.2 air breaks + 20.6 O2 decompression (+ 0.0 air compression)
    [InlineData("2.0-90", 242.5)] // 224.8 + 17.7 O2 decompression
    [InlineData("2.5-90-mono", 338.9)] // 285.7 + 31.9 O2 compression + 21.3 O2 decompression (monoplace)
    public void Otu_PlannedProfilesWithRamps_ExceedTheAtDepthFigure(string id, double expected)
    {
        var otu = OxygenDose.Otu(TreatmentTables.Get(id).PlannedProfile()).Value;
        Assert.Equal(expected, Math.Round(otu, 1));
    }
}
