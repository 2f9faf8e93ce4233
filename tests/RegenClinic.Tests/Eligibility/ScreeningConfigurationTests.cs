using Microsoft.Extensions.Configuration;
using NodaTime;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Eligibility;

namespace RegenClinic.Tests.Eligibility;

public sealed class ScreeningConfigurationTests
{
    private static ScreeningSettings From(Dictionary<string, string?> values) =>
        ScreeningConfiguration.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void From_EmptySection_IsTheReferenceDefaults() => Assert.Equal(ScreeningSettings.Default, From([]));

    [Fact]
    public void From_ClinicValues_ReplaceOnlyThoseThresholds()
    {
        var settings = From(new() { ["Screening:MinimumPlateletsPerNanoliter"] = "40", ["Screening:HbotConservativeCareWeeks"] = "8" });

        Assert.Equal(40m, settings.MinimumPlateletsPerNanoliter);
        Assert.Equal(Period.FromWeeks(8), settings.HbotConservativeCare);
        Assert.Equal(ScreeningSettings.Default.FeverCelsius, settings.FeverCelsius);
        Assert.Equal(ScreeningSettings.Default.ProlotherapyConservativeCare, settings.ProlotherapyConservativeCare);
    }

    [Fact]
    public void AppSettings_ShipTheReferenceValues()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "src", "RegenClinic.Web", "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path)).Build();
        Assert.Equal(ScreeningSettings.Default, ScreeningConfiguration.From(configuration));
    }
}
