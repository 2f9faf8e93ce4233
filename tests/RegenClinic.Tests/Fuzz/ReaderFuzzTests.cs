using RegenClinic.Domain.Common;
using RegenClinic.Fhir;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Tests.Fuzz;

/// <summary>Mutated inputs never escape the readers as anything but their documented <see cref="DomainException"/>.</summary>
public sealed class ReaderFuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ScreeningBundleReader_MutatedBundles_OnlyEverRefuseWithDomainException(int seed)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Eligibility", "Cases");
        var seeds = Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith("expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Take(12).Select(File.ReadAllText).ToList();
        Assert.NotEmpty(seeds);

        var run = Mutator.Run<DomainException>(seed, seeds, 1500, Budget, json => ScreeningBundleReader.Read(json));

        Assert.True(run >= 100, $"only {run} cases ran within the budget");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TelemetryCsv_MutatedFiles_OnlyEverRefuseWithDomainException(int seed)
    {
        string[] seeds =
        [
            "timestamp,ata,o2pct\n2027-01-04T09:00:00Z,1.0,20.9\n2027-01-04T09:00:05.5Z,1.012,21.0\n2027-01-04T09:00:10Z,1.5,21.0\n",
            "timestamp,ata,o2pct,co2ppm\n2027-01-04T09:00:00Z,1.0,20.9,400\n2027-01-04T09:00:05Z,2.4,22.5,800\n",
        ];

        var run = Mutator.Run<DomainException>(seed, seeds, 20_000, Budget, csv => TelemetryCsv.Parse(csv));

        Assert.True(run >= 1000, $"only {run} cases ran within the budget");
    }
}
