using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Benchmarks.Latency;
using RegenClinic.Data;
using RegenClinic.Fhir;

namespace RegenClinic.Benchmarks.Fhir;

/// <summary>
/// FHIR throughput (issue 8): seeds a clinic with the CLI, starts the Release web app as its own process, registers a system client and
/// drives it over loopback with a bearer token: Patient read by id and search by identifier (requests/s and p99 under N concurrent
/// connections for a fixed time, after --warm-up seconds of each that are not counted), then transaction-bundle import (resources/s through
/// POST /fhir). Each scenario runs --runs times.
/// Usage: fhir [--provider sqlite] --patients 100000 [--connections 16] [--seconds 15] [--runs 3] [--bundles 20] [--bundle-patients 25] [--warm-up 15] [--port 5191]
/// </summary>
public static class FhirBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        string Value(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        int Int(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var (connections, seconds, runs, bundles, bundlePatients, warmUp) =
            (Int("--connections", 16), Int("--seconds", 15), Int("--runs", 3), Int("--bundles", 20), Int("--bundle-patients", 25), Int("--warm-up", 15));
        var rows = new List<string>();
        foreach (var patients in options.Patients)
        {
            await using var database = await BenchDatabase.CreateAsync(options, patients);
            await Tools.RunCliAsync(options, database, "db", "seed", "--demo", "--patients", patients.ToString(CultureInfo.InvariantCulture));
            var (clientId, secret, sample) = await PrepareAsync(database);
            await using var app = await RunningApp.StartAsync(options, database);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = app.BaseAddress,
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, clientId, secret));
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson.MediaType));

            Task<LoadResult> Read(TimeSpan length) => LoadGenerator.RunAsync("FHIR Patient read by id", http,
                i => $"/fhir/Patient/{sample[(int)((long)i * 7919 % sample.Count)].Id}", connections, length, TimeSpan.FromSeconds(3));
            Task<LoadResult> Search(TimeSpan length) => LoadGenerator.RunAsync("FHIR Patient search by identifier", http,
                i => $"/fhir/Patient?identifier={Uri.EscapeDataString(PatientFhir.RecordNumberSystem + "|" + sample[(int)((long)i * 104729 % sample.Count)].RecordNumber)}",
                connections, length, TimeSpan.FromSeconds(3));
            // A freshly started app runs unoptimised code and a cold page cache for its first seconds; without this the first
            // run measured the warm-up (400–700/s against 1,100–1,600/s after it).
            if (warmUp > 0)
            {
                Console.Out.WriteLine(Row(await Read(TimeSpan.FromSeconds(warmUp)), options.Provider, patients, "warm-up, not counted"));
                Console.Out.WriteLine(Row(await Search(TimeSpan.FromSeconds(warmUp)), options.Provider, patients, "warm-up, not counted"));
            }
            for (var run = 1; run <= runs; run++)
            {
                rows.Add(Print(Row(await Read(TimeSpan.FromSeconds(seconds)), options.Provider, patients, run.ToString(CultureInfo.InvariantCulture))));
                rows.Add(Print(Row(await Search(TimeSpan.FromSeconds(seconds)), options.Provider, patients, run.ToString(CultureInfo.InvariantCulture))));
            }
            for (var run = 1; run <= runs; run++)
            {
                var (resources, elapsed) = await ImportAsync(http, bundles, bundlePatients, run);
                rows.Add(Print(string.Create(CultureInfo.InvariantCulture,
                    $"| {options.Provider} | {patients:N0} | FHIR transaction import (POST /fhir, {bundlePatients} patients × 20 resources per bundle) | 1 | {elapsed:0.0} | {resources:N0} resources | 0 | {resources / elapsed:0} resources/s | | | {run} |")));
            }
        }
        Console.Out.WriteLine();
        Console.Out.WriteLine("| provider | patients | scenario | connections | seconds | requests | failures | per second | median ms | p99 ms | run |");
        Console.Out.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) Console.Out.WriteLine(row);
        return 0;
    }

    private static string Row(LoadResult result, string provider, int patients, string run) => result.Row(provider, patients) + $" {run} |";

    private static string Print(string row)
    {
        Console.Out.WriteLine(row);
        return row;
    }

    /// <summary>Registers a system client in the seeded database (as an Admin would) and picks a fixed sample of patients to ask for.</summary>
    private static async Task<(string ClientId, string Secret, IReadOnlyList<(Guid Id, string RecordNumber)> Sample)> PrepareAsync(BenchDatabase database)
    {
        await using var provider = database.Services();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClinicActor>().Name = "bench";
        var (client, secret) = await scope.ServiceProvider.GetRequiredService<ManageFhirClients>().RegisterAsync("Benchmark", "system/*.read system/*.write");
        var all = await scope.ServiceProvider.GetRequiredService<ClinicDb>().Patients.AsNoTracking().Select(p => new { p.Id, p.RecordNumber }).ToListAsync();
        var random = new Random(8);
        var sample = all.OrderBy(_ => random.Next()).Take(5000).Select(p => (p.Id, p.RecordNumber)).ToList();
        return (client.ClientId, secret, sample);
    }

    private static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
    {
        using var response = await http.PostAsync("/fhir/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Posts <paramref name="bundles"/> transaction bundles one after another; returns resources created and seconds taken.</summary>
    private static async Task<(int Resources, double Seconds)> ImportAsync(HttpClient http, int bundles, int patientsPerBundle, int run)
    {
        var bodies = Enumerable.Range(0, bundles).Select(b => FhirJson.Serialize(Bundle(patientsPerBundle, run * 10_000 + b))).ToList();
        var resources = 0;
        var watch = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            using var response = await http.PostAsync("/fhir", new StringContent(body, Encoding.UTF8, FhirJson.MediaType));
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"import answered {(int)response.StatusCode}: {text}");
            resources += ((Bundle)FhirJson.Parse(text)).Entry.Count;
        }
        return (resources, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Patients with 2 conditions, 1 medication, 1 allergy and 15 observations each (20 resources a patient), urn:uuid references.</summary>
    private static Bundle Bundle(int patients, int seed)
    {
        var bundle = new Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Transaction };
        void Add(string fullUrl, Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = fullUrl, Resource = resource, Request = new Bundle.RequestComponent { Method = Hl7.Fhir.Model.Bundle.HTTPVerb.POST, Url = resource.TypeName },
        });
        for (var p = 0; p < patients; p++)
        {
            var patientUrl = $"urn:uuid:{Guid.NewGuid()}";
            var subject = new ResourceReference(patientUrl);
            Add(patientUrl, new Hl7.Fhir.Model.Patient
            {
                Name = [new HumanName { Family = $"Importeur{seed}x{p}", Given = ["Bench"] }],
                BirthDate = $"19{50 + (p % 49):00}-0{1 + (p % 9)}-1{p % 9}", Gender = p % 2 == 0 ? AdministrativeGender.Female : AdministrativeGender.Male,
            });
            foreach (var (code, display) in new[] { ("M87.05", "Idiopathic aseptic necrosis of femur"), ("M17.11", "Unilateral primary osteoarthritis, right knee") })
            {
                Add($"urn:uuid:{Guid.NewGuid()}", new Condition
                {
                    ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                    Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", code, display, null), Subject = subject,
                });
            }
            Add($"urn:uuid:{Guid.NewGuid()}", new MedicationStatement
            {
                Status = MedicationStatement.MedicationStatusCodes.Active, Medication = new CodeableConcept("http://www.whocc.no/atc", "M05BA08", "zoledronic acid", null), Subject = subject,
            });
            Add($"urn:uuid:{Guid.NewGuid()}", new AllergyIntolerance { Code = new CodeableConcept { Text = "Penicillin" }, Patient = subject });
            for (var o = 0; o < 15; o++)
            {
                Add($"urn:uuid:{Guid.NewGuid()}", new Observation
                {
                    Status = ObservationStatus.Final,
                    Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs")],
                    Code = new CodeableConcept("http://loinc.org", "8480-6", "Systolic blood pressure", null),
                    Subject = subject,
                    Effective = new FhirDateTime($"2026-01-{1 + o:00}T09:30:00+01:00"),
                    Value = new Quantity { Value = 110 + o, Unit = "mm[Hg]", System = "http://unitsofmeasure.org", Code = "mm[Hg]" },
                });
            }
        }
        return bundle;
    }
}
