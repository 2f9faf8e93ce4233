using NodaTime;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class OzoneChecksTests
{
    private static readonly LocalDate Day = new(2026, 11, 20);

    private static OzoneProcedureRecord Record(OzoneRoute route, decimal concentration, decimal gasVolume, InjectionRegion? region = null, decimal? blood = null,
        AutohemotherapyAnticoagulant? anticoagulant = null, BodySide? side = null, LocalDate? calibration = null) =>
        new(route, region, route.IsLocalInjection() ? "test site" : null,
            side ?? (route.IsLocalInjection() ? BodySide.Left : BodySide.NotApplicable),
            "GEN-1", calibration ?? Day.PlusDays(-30), Day, concentration, gasVolume, blood, anticoagulant);

    private static List<string> Codes(OzoneProcedureRecord record, OzoneDoseLimits? limits = null) =>
        OzoneChecks.CheckOzoneRecord(record, limits ?? OzoneDoseLimits.Default).Select(f => f.Code).ToList();

    [Theory]
    [InlineData(40, false)]
    [InlineData(40.1, true)]
    public void GeneralCap_Periarticular_BlocksAbove40(double concentration, bool breach)
    {
        var codes = Codes(Record(OzoneRoute.Periarticular, (decimal)concentration, 10));
        Assert.Equal(breach, codes.Contains("ozone.concentration.above-general-cap"));
    }

    [Theory]
    [InlineData(20, 10, new string[0])]
    [InlineData(30, 30, new string[0])]
    [InlineData(19.9, 10, new[] { "ozone.concentration.below-route-min" })]
    [InlineData(30.1, 10, new[] { "ozone.concentration.above-route-max" })]
    [InlineData(25, 9.9, new[] { "ozone.gas-volume.below-min" })]
    [InlineData(25, 30.1, new[] { "ozone.gas-volume.above-max" })]
    public void Paravertebral_10To30Ml_At20To30_BothSides(double concentration, double volume, string[] expected)
    {
        var codes = Codes(Record(OzoneRoute.Paravertebral, (decimal)concentration, (decimal)volume));
        Assert.Equal(expected, codes);
    }

    [Theory]
    [InlineData(20, 20, new string[0])]
    [InlineData(20.5, 20, new[] { "ozone.concentration.above-route-max" })]
    [InlineData(20, 20.5, new[] { "ozone.gas-volume.above-max" })]
    [InlineData(5, 1, new string[0])]
    public void KneeIntraArticular_AtMost20MlAt20(double concentration, double volume, string[] expected)
    {
        var codes = Codes(Record(OzoneRoute.IntraArticular, (decimal)concentration, (decimal)volume, InjectionRegion.Knee));
        Assert.Equal(expected, codes);
    }

    [Fact]
    public void ShoulderIntraArticular_OnlyGeneralCapApplies()
    {
        Assert.Empty(Codes(Record(OzoneRoute.IntraArticular, 30, 25, InjectionRegion.Shoulder)));
    }

    [Theory]
    [InlineData(20, 100, new string[0])]
    [InlineData(40, 200, new string[0])]
    [InlineData(19, 150, new[] { "ozone.concentration.below-route-min" })]
    [InlineData(40, 99, new[] { "ozone.blood-volume.below-min" })]
    [InlineData(40, 201, new[] { "ozone.blood-volume.above-max" })]
    [InlineData(50, 150, new[] { "ozone.concentration.above-general-cap" })]
    [InlineData(60, 150, new[] { "ozone.concentration.above-general-cap" })]
    [InlineData(61, 150, new[] { "ozone.concentration.above-general-cap", "ozone.concentration.above-route-max" })]
    public void Autohemotherapy_100To200MlBlood_At20To60_GeneralCapStillGoverns(double concentration, double blood, string[] expected)
    {
        var codes = Codes(Record(OzoneRoute.MajorAutohemotherapy, (decimal)concentration, (decimal)blood, blood: (decimal)blood, anticoagulant: AutohemotherapyAnticoagulant.SodiumCitrate));
        Assert.Equal(expected, codes);
    }

    [Fact]
    public void Autohemotherapy_ClinicExemptsRouteFromGeneralCap_60IsAllowed()
    {
        var d = OzoneDoseLimits.Default;
        var limits = d with { RouteLimits = [.. d.RouteLimits.Select(l => l.Route == OzoneRoute.MajorAutohemotherapy ? l with { ExemptFromGeneralCap = true } : l)] };
        var record = Record(OzoneRoute.MajorAutohemotherapy, 60, 150, blood: 150, anticoagulant: AutohemotherapyAnticoagulant.Heparin);
        Assert.Empty(Codes(record, limits));
        Assert.Equal(["ozone.concentration.above-route-max"], Codes(record with { ConcentrationMicrogramsPerMl = 60.5m }, limits));
    }

    [Fact]
    public void AboveGeneralCap_Autohemotherapy_MessageNamesLimitAndRouteRange()
    {
        var finding = OzoneChecks.CheckOzoneRecord(Record(OzoneRoute.MajorAutohemotherapy, 50, 150, blood: 150, anticoagulant: AutohemotherapyAnticoagulant.Heparin), OzoneDoseLimits.Default).Single();
        Assert.Equal(FindingKind.LimitBreach, finding.Kind);
        Assert.Equal("concentration", finding.Field);
        Assert.Equal("≤ 40 µg/mL", finding.Limit);
        Assert.Contains("60", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Source);
    }

    [Theory]
    [InlineData(300, 40, new string[0])]
    [InlineData(301, 40, new[] { "ozone.gas-volume.above-max" })]
    [InlineData(300, 41, new[] { "ozone.concentration.above-general-cap", "ozone.concentration.above-route-max" })]
    public void Rectal_AtMost300MlAt40(double volume, double concentration, string[] expected)
    {
        Assert.Equal(expected, Codes(Record(OzoneRoute.RectalInsufflation, (decimal)concentration, (decimal)volume)));
    }

    [Fact]
    public void CalibrationDate_AfterProcedure_IsInvalid_SameDayIsFine()
    {
        Assert.Contains("ozone.generator.calibration-after-procedure", Codes(Record(OzoneRoute.Periarticular, 20, 10, calibration: Day.PlusDays(1))));
        Assert.Empty(Codes(Record(OzoneRoute.Periarticular, 20, 10, calibration: Day)));
    }

    [Fact]
    public void NonPositiveEntries_AreInvalidNotOverridable()
    {
        var findings = OzoneChecks.CheckOzoneRecord(Record(OzoneRoute.Periarticular, 0, -5), OzoneDoseLimits.Default);
        Assert.Equal(["ozone.concentration.not-positive", "ozone.gas-volume.not-positive"], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.False(f.Overridable));
    }

    [Fact]
    public void Autohemotherapy_WithoutBloodOrAnticoagulant_IsInvalid()
    {
        var codes = Codes(Record(OzoneRoute.MajorAutohemotherapy, 30, 150));
        Assert.Contains("ozone.anticoagulant.missing", codes);
        Assert.Contains("ozone.blood-volume.missing", codes);
    }

    [Fact]
    public void LocalRoute_WithBloodVolume_IsInvalid()
    {
        Assert.Contains("ozone.blood.not-applicable", Codes(Record(OzoneRoute.Periarticular, 20, 10, blood: 100)));
    }

    [Fact]
    public void LocalInjection_WithoutSiteOrSide_IsInvalid()
    {
        var record = Record(OzoneRoute.Paravertebral, 25, 15) with { SiteDetail = null, Side = BodySide.NotApplicable };
        var codes = Codes(record);
        Assert.Contains("ozone.site.missing", codes);
        Assert.Contains("ozone.side.missing", codes);
    }

    [Fact]
    public void IntraArticular_WithoutRegion_IsInvalid_SoKneeLimitCannotBeBypassed()
    {
        Assert.Contains("ozone.region.missing", Codes(Record(OzoneRoute.IntraArticular, 20, 20) with { SiteDetail = "knee" }));
        Assert.DoesNotContain("ozone.region.missing", Codes(Record(OzoneRoute.IntraArticular, 20, 20, InjectionRegion.Knee)));
    }

    [Fact]
    public void TotalOzoneMicrograms_ComputedOnRecord()
    {
        Assert.Equal(375m, Record(OzoneRoute.Paravertebral, 25, 15).TotalOzoneMicrograms);
        Assert.Null(Record(OzoneRoute.Paravertebral, 0, 15).TotalOzoneMicrograms);
    }

    [Fact]
    public void Review_LimitBreachWithReasonedOverride_CanSave_WithoutReason_Cannot()
    {
        var findings = OzoneChecks.CheckOzoneRecord(Record(OzoneRoute.Periarticular, 45, 10), OzoneDoseLimits.Default);
        Assert.False(FindingReview.Evaluate(findings, []).CanSave);
        Assert.False(FindingReview.Evaluate(findings, [new("ozone.concentration.above-general-cap", "dr-1", " ")]).CanSave);
        Assert.True(FindingReview.Evaluate(findings, [new("ozone.concentration.above-general-cap", "dr-1", "Protocol of study X")]).CanSave);
    }

    [Fact]
    public void Review_InvalidEntryCannotBeOverridden()
    {
        var findings = OzoneChecks.CheckOzoneRecord(Record(OzoneRoute.Periarticular, 20, 10, calibration: Day.PlusDays(3)), OzoneDoseLimits.Default);
        var review = FindingReview.Evaluate(findings, [new("ozone.generator.calibration-after-procedure", "dr-1", "trust me")]);
        Assert.False(review.CanSave);
        Assert.Equal(["ozone.generator.calibration-after-procedure"], review.RejectedOverrides);
    }
}
