using Hl7.Fhir.Model;
using Instant = NodaTime.Instant;
using NodaTime.Testing;
using RegenClinic.Cli;
using RegenClinic.Fhir;
using Task = System.Threading.Tasks.Task;

namespace RegenClinic.Tests.Fhir;

public sealed class FhirCliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("regenclinic-fhir-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<int> Run(params string[] args) =>
        await CliApp.RunAsync([.. args, "--data-folder", directory], new CliContext(output, error, new FakeClock(Instant.FromUtc(2027, 1, 4, 9, 0))), TestContext.Current.CancellationToken);

    [Fact]
    public async Task ImportThenExport_WritesATransactionBundleWithTheImportedRecord()
    {
        Assert.Equal(0, await Run("db", "seed", "--demo", "--patients", "1"));
        var bundleFile = Path.Combine(directory, "in.json");
        await File.WriteAllTextAsync(bundleFile, FhirJson.Serialize(ImportFhirTransactionTests.PatientWithRecord("Cli")), TestContext.Current.CancellationToken);

        var imported = await Run("import", bundleFile);
        var patientId = output.ToString().Split('\n').Single(l => l.StartsWith("Patient/", StringComparison.Ordinal)).Split(' ')[0]["Patient/".Length..];
        var exportFile = Path.Combine(directory, "out.json");
        var exported = await Run("export", "--patient", patientId, "--output", exportFile);

        Assert.Equal(0, imported);
        Assert.Contains("Condition: 1 created", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, exported);
        var bundle = FhirJson.Parse<Bundle>(await File.ReadAllTextAsync(exportFile, TestContext.Current.CancellationToken), "Bundle");
        Assert.Equal(Bundle.BundleType.Transaction, bundle.Type);
        Assert.Equal(["AllergyIntolerance", "Condition", "MedicationStatement", "Observation", "Patient"], bundle.Entry.Select(e => e.Resource!.TypeName).Order());
    }

    [Fact]
    public async Task Import_InvalidEntry_ExitsOneAndImportsNothing()
    {
        Assert.Equal(0, await Run("db", "seed", "--demo", "--patients", "1"));
        var bundle = ImportFhirTransactionTests.PatientWithRecord("Mislukt");
        ((Hl7.Fhir.Model.Patient)bundle.Entry[0].Resource!).BirthDate = "2999-01-01";
        var file = Path.Combine(directory, "bad.json");
        await File.WriteAllTextAsync(file, FhirJson.Serialize(bundle), TestContext.Current.CancellationToken);

        var code = await Run("import", file);

        Assert.Equal(1, code);
        Assert.Contains("nothing imported", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Bundle.entry[0].resource", error.ToString(), StringComparison.Ordinal);
    }
}
