using System.CommandLine;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Cli.Data;
using RegenClinic.Data;
using RegenClinic.Fhir;
using Spectre.Console;

namespace RegenClinic.Cli.Fhir;

/// <summary><c>import BUNDLE.json</c>: a FHIR R4 transaction bundle into the database, all or nothing, with a progress bar.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("bundle") { Description = "FHIR R4 transaction Bundle (JSON) of Patient, Condition, MedicationStatement, AllergyIntolerance, Observation" };
        var (provider, connection, folder) = DatabaseOptions();
        var command = new Command("import", "Import a FHIR transaction bundle atomically (migrates the database first)") { file, provider, connection, folder };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"import: {path.FullName} does not exist.");
                return 2;
            }
            Bundle bundle;
            try
            {
                bundle = FhirJson.Parse(await File.ReadAllTextAsync(path.FullName, ct)) as Bundle
                    ?? throw FhirException.Invalid("resourceType", "The file is not a Bundle.");
            }
            catch (FhirException ex)
            {
                await context.Error.WriteLineAsync($"import: {ex.Element}: {ex.Message}");
                return 1;
            }
            await using var services = DbCommand.Services(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder));
            await using var scope = services.CreateAsyncScope();
            await ClinicDbSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClinicDb>(), ct);
            var actor = scope.ServiceProvider.GetRequiredService<ClinicActor>();
            actor.Name = actor.UserId = $"cli:{Environment.UserName}";
            actor.BulkOperation = $"fhir import {path.Name}";
            Bundle response;
            try
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
                response = await console.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Importing resources", maxValue: Math.Max(1, bundle.Entry.Count));
                    var result = await scope.ServiceProvider.GetRequiredService<ImportFhirTransaction>()
                        .HandleAsync(bundle, new Progress<int>(done => task.Value = done), ct);
                    task.Value = task.MaxValue;
                    return result;
                });
            }
            catch (FhirException ex)
            {
                await context.Error.WriteLineAsync($"import: nothing imported. {ex.Message}");
                return 1;
            }
            foreach (var group in response.Entry.GroupBy(e => e.Resource!.TypeName))
            {
                await context.Out.WriteLineAsync($"{group.Key}: {group.Count()} created");
            }
            foreach (var patient in response.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Patient>())
            {
                await context.Out.WriteLineAsync($"Patient/{patient.Id} {patient.Identifier.FirstOrDefault()?.Value}");
            }
            return 0;
        });
        return command;
    }

    internal static (Option<string?> Provider, Option<string?> Connection, Option<string?> Folder) DatabaseOptions() =>
        (new Option<string?>("--provider") { Description = "Sqlite (default) or Postgres; or Database__Provider" },
         new Option<string?>("--connection") { Description = "Connection string; or Database__ConnectionString" },
         new Option<string?>("--data-folder") { Description = "Folder of the SQLite file (default ./data); or Database__DataFolder" });
}

/// <summary><c>export --patient ID</c>: the patient's current record as a FHIR R4 transaction bundle that <c>import</c> reads back.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var patient = new Option<Guid>("--patient") { Description = "Patient id (GUID)", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var (provider, connection, folder) = ImportCommand.DatabaseOptions();
        var command = new Command("export", "Export one patient's record as a FHIR transaction bundle") { patient, output, provider, connection, folder };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = DbCommand.Services(context, parse.GetValue(provider), parse.GetValue(connection), parse.GetValue(folder));
            await using var scope = services.CreateAsyncScope();
            await ClinicDbSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClinicDb>(), ct);
            var actor = scope.ServiceProvider.GetRequiredService<ClinicActor>();
            actor.Name = actor.UserId = $"cli:{Environment.UserName}";
            Bundle bundle;
            try
            {
                bundle = await scope.ServiceProvider.GetRequiredService<PatientEverything>().ExportAsync(parse.GetValue(patient), ct);
            }
            catch (FhirException ex)
            {
                await context.Error.WriteLineAsync($"export: {ex.Message}");
                return 1;
            }
            var json = FhirJson.Serialize(bundle, pretty: true);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, json, ct);
                await context.Out.WriteLineAsync($"Wrote {bundle.Entry.Count} resources to {file.FullName}.");
            }
            else
            {
                await context.Out.WriteLineAsync(json);
            }
            return 0;
        });
        return command;
    }
}
