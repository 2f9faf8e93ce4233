using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class ProtocolPresetTests
{
    [Fact]
    public void BuiltIn_RabagoKneePreset_MatchesPublishedFigures()
    {
        var preset = ProtocolPresets.Find("prolo-knee-oa-rabago-2013");
        Assert.NotNull(preset);
        Assert.Equal("prolotherapy", preset.Therapy);
        Assert.Contains("Ann Fam Med 2013;11(3):229-37", preset.Citation, StringComparison.Ordinal);
        Assert.Equal([1, 5, 9], preset.SessionWeeks);
        Assert.Equal([13, 17], preset.OptionalSessionWeeks);
        Assert.Equal(28, preset.SpacingMinDays);

        var extra = Assert.Single(preset.Steps, s => s.Placement == InjectionPlacement.ExtraArticular);
        Assert.Equal(15m, extra.DextrosePercent);
        Assert.Equal(0.5m, extra.VolumeMl);
        Assert.True(extra.VolumeIsPerInsertion);

        var intra = Assert.Single(preset.Steps, s => s.Placement == InjectionPlacement.IntraArticular);
        Assert.Equal(25m, intra.DextrosePercent);
        Assert.Equal(6m, intra.VolumeMl);
        Assert.Equal(InjectionRegion.Knee, intra.Region);
    }

    [Fact]
    public void RabagoPreset_Prescription_IsWithinProlotherapyCourseLimits()
    {
        var prescription = ProtocolPresets.Find("prolo-knee-oa-rabago-2013")!.ToPrescription();
        Assert.Equal(3, prescription.Sessions);
        Assert.Empty(CourseLimits.Prolotherapy.Check(prescription));
    }

    [Fact]
    public void RabagoPreset_StepsPassProlotherapyLimits()
    {
        foreach (var step in ProtocolPresets.Find("prolo-knee-oa-rabago-2013")!.Steps)
        {
            var row = new ProlotherapyInjection(step.Region, BodySide.Left, step.Placement, step.VolumeMl, InjectionGuidance.Landmark, new ProlotherapySolution(step.DextrosePercent!.Value, 0));
            var findings = ProlotherapyChecks.CheckSession(new(new NodaTime.LocalDate(2026, 1, 5), [row]), ProlotherapyLimits.Default);
            Assert.DoesNotContain(findings, f => f.Blocks);
        }
    }

    [Fact]
    public void Preset_RoundTripsThroughJson_ForClinicEdits()
    {
        var preset = ProtocolPresets.Find("prolo-knee-oa-rabago-2013")!;
        var edited = preset with { Version = 2, NameEn = "Knee OA, clinic variant" };
        var parsed = ProtocolPresets.Parse(ProtocolPresets.Serialize(edited));
        Assert.Equal(2, parsed.Version);
        Assert.Equal("Knee OA, clinic variant", parsed.NameEn);
        Assert.Equal(preset.Steps, parsed.Steps);
    }

    [Fact]
    public void Preset_WeeksInconsistentWithSpacing_IsRejected()
    {
        var preset = ProtocolPresets.Find("prolo-knee-oa-rabago-2013")! with { SessionWeeks = [1, 3, 9] };
        var ex = Assert.Throws<DomainException>(() => ProtocolPresets.Parse(ProtocolPresets.Serialize(preset)));
        Assert.Equal("preset.spacing", ex.Code);
    }

    [Fact]
    public void Preset_InvalidJson_IsRejected() =>
        Assert.Equal("preset.invalid-json", Assert.Throws<DomainException>(() => ProtocolPresets.Parse("{ not json")).Code);
}

public sealed class ProtocolPresetValidationTests
{
    [Fact]
    public void Preset_WithoutDutchName_IsRejected()
    {
        var preset = ProtocolPresets.Find("prolo-knee-oa-rabago-2013")! with { NameNl = "" };
        Assert.Equal("preset.missing-field", Assert.Throws<DomainException>(() => ProtocolPresets.Parse(ProtocolPresets.Serialize(preset))).Code);
    }
}
