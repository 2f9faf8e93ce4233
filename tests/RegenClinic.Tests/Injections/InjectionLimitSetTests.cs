using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class InjectionLimitSetTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 2, 1, 9, 0);
    private static readonly Guid Site = Guid.NewGuid();

    private static OzoneDoseLimits ParavertebralMax(decimal max) => OzoneDoseLimits.Default with
    {
        RouteLimits = [.. OzoneDoseLimits.Default.RouteLimits.Select(l => l.Id == "OZONE-LIM-PARAVERTEBRAL" ? l with { MaxConcentrationMicrogramsPerMl = max } : l)],
    };

    private static OzoneProcedureRecord Paravertebral(decimal concentration) => new(OzoneRoute.Paravertebral, InjectionRegion.LumbarSacroiliac, "L4-L5",
        BodySide.Left, "GEN-1", new LocalDate(2027, 1, 15), new LocalDate(2027, 2, 1), concentration, 10m);

    [Fact]
    public void SeedDefaults_Revision1_ReferenceValuesWithCitationAndSiteVersion()
    {
        var seeded = InjectionLimitSet.SeedDefaults(Site, "AMS", "Dr. Test", At);

        Assert.Equal(1, seeded.Revision);
        Assert.Equal("AMS-limits-r1", seeded.Version);
        Assert.Equal("AMS-limits-r1", seeded.Ozone.Version);
        Assert.Equal("AMS-limits-r1", seeded.Prolotherapy.Version);
        Assert.Equal(40m, seeded.Ozone.MaxConcentrationAnyRouteMicrogramsPerMl);
        Assert.Equal(6m, seeded.Prolotherapy.MaxVolumePerSiteMl);
        Assert.Contains("clinical-reference §3", seeded.Source, StringComparison.Ordinal);
        Assert.Contains("Rabago", seeded.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Revise_Valid_NextRevisionAndPreviousKeptSuperseded()
    {
        var seeded = InjectionLimitSet.SeedDefaults(Site, "AMS", "Dr. Test", At);

        var next = InjectionLimitSet.Revise(seeded, "AMS", ParavertebralMax(35m), ProlotherapyLimits.Default, null, "Medical director's decision.", "Dr. Test", At + Duration.FromDays(1));

        Assert.Equal(2, next.Revision);
        Assert.Equal("AMS-limits-r2", next.Ozone.Version);
        Assert.Equal(seeded.Source, next.Source);
        Assert.Equal(At + Duration.FromDays(1), seeded.SupersededAt);
        Assert.Equal(30m, seeded.Ozone.For(OzoneRoute.Paravertebral, null)!.MaxConcentrationMicrogramsPerMl);
        Assert.Throws<DomainException>(() => InjectionLimitSet.Revise(seeded, "AMS", OzoneDoseLimits.Default, ProlotherapyLimits.Default, null,
            "Revising an old revision.", "Dr. Test", At));
    }

    [Theory]
    [InlineData("Reason given.", false)]
    [InlineData("too short", true)] // 9 characters
    [InlineData("", true)]
    public void Revise_Reason_AtLeastTenCharacters(string reason, bool refused)
    {
        var seeded = InjectionLimitSet.SeedDefaults(Site, "AMS", "Dr. Test", At);
        var revise = () => InjectionLimitSet.Revise(seeded, "AMS", OzoneDoseLimits.Default, ProlotherapyLimits.Default, null, reason, "Dr. Test", At);
        if (refused) Assert.Equal("limits.reason-required", Assert.Throws<DomainException>(revise).Code);
        else Assert.Equal(2, revise().Revision);
    }

    [Theory]
    [InlineData(20, false)] // paravertebral min 20 = max 20: allowed
    [InlineData(19.9, true)] // max below min
    [InlineData(0, true)]
    public void Validate_RouteMaximumAgainstMinimum_BothSides(double max, bool invalid)
    {
        var errors = InjectionLimitSet.Validate(ParavertebralMax((decimal)max), ProlotherapyLimits.Default);
        Assert.Equal(invalid, errors.Any(e => e.Field.StartsWith("ozone.routes[0]", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(10, 25, 15, 0.5, 6, null)]
    [InlineData(10, 100, 15, 0.5, 6, "prolo.maxDextrose")]
    [InlineData(26, 25, 25, 0.5, 6, "prolo.minDextrose")]
    [InlineData(10, 25, 9, 0.5, 6, "prolo.typicalExtraArticular")]
    [InlineData(10, 25, 15, 6.5, 6, "prolo.minVolume")]
    [InlineData(10, 25, 15, 0, 6, "prolo.minVolume")]
    public void Validate_Prolotherapy(double minD, double maxD, double typical, double minV, double maxV, string? field)
    {
        var prolo = new ProlotherapyLimits("x", (decimal)minD, (decimal)maxD, (decimal)typical, (decimal)minV, (decimal)maxV);
        var errors = InjectionLimitSet.Validate(OzoneDoseLimits.Default, prolo);
        if (field is null) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Field == field);
    }

    [Theory]
    [InlineData(35, false)]
    [InlineData(35.1, true)]
    public void OzoneChecks_RevisedParavertebralMax_BothSidesOfTheNewLimit(double concentration, bool breach)
    {
        var revised = InjectionLimitSet.Revise(InjectionLimitSet.SeedDefaults(Site, "AMS", "Dr. Test", At), "AMS", ParavertebralMax(35m),
            ProlotherapyLimits.Default, null, "Medical director's decision.", "Dr. Test", At);

        var findings = OzoneChecks.CheckOzoneRecord(Paravertebral((decimal)concentration), revised.Ozone);

        Assert.Equal(breach, findings.Any(f => f.Code == "ozone.concentration.above-route-max"));
    }
}
