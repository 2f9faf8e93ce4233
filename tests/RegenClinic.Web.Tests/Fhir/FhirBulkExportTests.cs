using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Fhir;
using RegenClinic.Web.Tests.TestKit;
using Task = System.Threading.Tasks.Task;

namespace RegenClinic.Web.Tests.Fhir;

/// <summary>Bulk Data $export over real HTTP (Kestrel on loopback): kick-off, polling, manifest, NDJSON files, cancel, refusals.</summary>
public sealed class FhirBulkExportTests(ListeningClinicApp app) : IClassFixture<ListeningClinicApp>
{
    private static readonly FhirJsonDeserializer Parser = new(new DeserializerSettings());

    private static HttpRequestMessage KickOff(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Prefer", "respond-async");
        request.Headers.Add("Accept", FhirJson.MediaType);
        return request;
    }

    private static async Task<(JsonElement Manifest, bool SawProgress)> PollAsync(HttpClient http, Uri status)
    {
        var sawProgress = false;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            using var response = await http.GetAsync(status);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                sawProgress |= response.Headers.Contains("X-Progress");
                await Task.Delay(100);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            // Expires: when the files will be deleted, 24 hours after completion (Fhir:ExportRetentionHours).
            var expires = response.Content.Headers.Expires!.Value - NodaTime.SystemClock.Instance.GetCurrentInstant().ToDateTimeOffset();
            Assert.InRange(expires, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
            return (await response.Content.ReadFromJsonAsync<JsonElement>(), sawProgress);
        }
        throw new TimeoutException("the export did not complete within 2 minutes");
    }

    /// <summary>Downloads every file of the manifest; each line must parse with the Firely parser as the file's type.</summary>
    private static async Task<Dictionary<string, List<Resource>>> DownloadAsync(HttpClient http, JsonElement manifest)
    {
        var byType = new Dictionary<string, List<Resource>>();
        foreach (var output in manifest.GetProperty("output").EnumerateArray())
        {
            var type = output.GetProperty("type").GetString()!;
            using var response = await http.GetAsync(output.GetProperty("url").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/fhir+ndjson", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(output.GetProperty("count").GetInt32(), lines.Length);
            var list = byType.TryGetValue(type, out var l) ? l : byType[type] = [];
            foreach (var line in lines)
            {
                var resource = Parser.Deserialize<Resource>(line);
                Assert.Equal(type, resource.TypeName);
                list.Add(resource);
            }
        }
        return byType;
    }

    [Fact]
    public async Task SystemExport_ClientWithStarRead_CompletesWithNdjsonMatchingTheDatabaseAndAuditsEachPatient()
    {
        using var http = await app.BearerAsync("system/*.read");

        using var kickOff = await http.SendAsync(KickOff("/fhir/$export"));

        Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
        var status = kickOff.Content.Headers.ContentLocation ?? throw new InvalidOperationException("no Content-Location");
        Assert.StartsWith(app.BaseUrl + "/fhir/$export-status/", status.ToString(), StringComparison.Ordinal);
        var (manifest, _) = await PollAsync(http, status);
        Assert.True(manifest.GetProperty("requiresAccessToken").GetBoolean());
        Assert.Equal(app.BaseUrl + "/fhir/$export", manifest.GetProperty("request").GetString());
        Assert.True(DateTimeOffset.TryParse(manifest.GetProperty("transactionTime").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var files = await DownloadAsync(http, manifest);

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var expected = new Dictionary<string, int>
            {
                ["Patient"] = await db.Patients.CountAsync(),
                ["Condition"] = await db.Conditions.CountAsync(x => x.SupersededAt == null),
                ["MedicationStatement"] = await db.Medications.CountAsync(x => x.SupersededAt == null),
                ["AllergyIntolerance"] = await db.Allergies.CountAsync(x => x.SupersededAt == null),
                // Observation and Procedure are served from several tables (FhirRegistry.Clinical).
                ["Observation"] = await db.Observations.CountAsync(x => x.SupersededAt == null)
                    + await db.OutcomeScores.CountAsync(x => x.SupersededAt == null)
                    + await db.ImagingStudies.CountAsync(x => x.SupersededAt == null && x.Stage != null),
                ["Procedure"] = await db.Procedures.CountAsync(x => x.SupersededAt == null) + await db.ProcedureRecords.CountAsync(),
                ["QuestionnaireResponse"] = await db.OutcomeScores.CountAsync(x => x.SupersededAt == null),
                ["CarePlan"] = await db.Courses.CountAsync(),
                ["Appointment"] = await db.Appointments.CountAsync(),
                ["Practitioner"] = await db.Users.CountAsync(),
            };
            Assert.Equal(0, await db.HbotDives.CountAsync()); // the demo logs no dives; if it does, add their sessions to Procedure
            Assert.True(expected["Patient"] >= 30 && expected["Observation"] > 0 && expected["Condition"] > 0);
            foreach (var (type, count) in expected) Assert.Equal((type, count), (type, files.GetValueOrDefault(type)?.Count ?? 0));
            Assert.Equal(
                (await db.Patients.Select(p => p.Id).ToListAsync()).Select(id => id.ToString()).Order(StringComparer.Ordinal),
                files["Patient"].Select(p => p.Id).Order(StringComparer.Ordinal));

            var jobId = status.Segments[^1];
            var audited = await db.AuditEntries.Where(a => a.EntityType == "FhirBulkExport" && a.EntityId == jobId).ToListAsync();
            Assert.Equal(expected["Patient"], audited.Count);
            Assert.Equal(audited.Count, audited.Select(a => a.PatientId).Distinct().Count());
            Assert.All(audited, a => Assert.StartsWith("client:", a.ActorId, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PatientExport_TypeAndSince_HasOnlyPatientsRegisteredSinceAndOnlyTheAskedTypes()
    {
        using var writer = await app.BearerAsync("system/*.read system/*.write");
        // No slack before the create: this class's other tests register patients too, the last one well under a second ago.
        var since = NodaTime.Instant.FromUnixTimeMilliseconds(NodaTime.SystemClock.Instance.GetCurrentInstant().ToUnixTimeMilliseconds());
        var created = await writer.PostAsync("/fhir/Patient", new StringContent(FhirJson.Serialize(new Hl7.Fhir.Model.Patient
        {
            Name = [new HumanName { Family = "Sindsdien", Given = ["Bea"] }], BirthDate = "1961-03-04", Gender = AdministrativeGender.Female,
        }), Encoding.UTF8, FhirJson.MediaType));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var newId = Parser.Deserialize<Hl7.Fhir.Model.Patient>(await created.Content.ReadAsStringAsync()).Id;
        var sinceText = Uri.EscapeDataString(NodaTime.Text.InstantPattern.ExtendedIso.Format(since));

        using var kickOff = await writer.SendAsync(KickOff($"/fhir/Patient/$export?_type=Patient,Condition&_since={sinceText}"));

        Assert.True(kickOff.StatusCode == HttpStatusCode.Accepted, await kickOff.Content.ReadAsStringAsync());
        var (manifest, _) = await PollAsync(writer, kickOff.Content.Headers.ContentLocation!);
        var files = await DownloadAsync(writer, manifest);
        Assert.Equal([newId], files["Patient"].Select(p => p.Id));
        Assert.False(files.ContainsKey("Condition"));
        Assert.All(manifest.GetProperty("output").EnumerateArray(), o => Assert.Contains(o.GetProperty("type").GetString(), new[] { "Patient", "Condition" }));
    }

    [Fact]
    public async Task KickOff_PatientLevelPractitioner_Or_UnknownParameter_Or_NoPreferHeader_Is400()
    {
        using var http = await app.BearerAsync("system/*.read");

        using var practitioner = await http.SendAsync(KickOff("/fhir/Patient/$export?_type=Practitioner"));
        using var unknown = await http.SendAsync(KickOff("/fhir/$export?_typeFilter=Patient%3Fgender%3Dmale"));
        using var badSince = await http.SendAsync(KickOff("/fhir/$export?_since=yesterday"));
        using var sync = await http.GetAsync("/fhir/$export");

        Assert.Equal(HttpStatusCode.BadRequest, practitioner.StatusCode);
        Assert.Equal(["_type"], Parser.Deserialize<OperationOutcome>(await practitioner.Content.ReadAsStringAsync()).Issue.Single().Expression);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSince.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, sync.StatusCode);
    }

    [Fact]
    public async Task KickOff_ClientWithoutStarRead_Or_Physician_Is403_AdminIsAccepted()
    {
        using var patientReader = await app.BearerAsync("system/Patient.read");
        var physician = await app.SignedInAsync("physician@regenclinic.demo");
        var admin = await app.SignedInAsync("admin@regenclinic.demo");

        using var client = await patientReader.SendAsync(KickOff("/fhir/$export"));
        using var staff = await physician.SendAsync(KickOff("/fhir/$export"));
        using var allowed = await admin.SendAsync(KickOff("/fhir/Patient/$export?_type=Patient"));

        Assert.Equal(HttpStatusCode.Forbidden, client.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Forbidden, Parser.Deserialize<OperationOutcome>(await client.Content.ReadAsStringAsync()).Issue.Single().Code);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        var (manifest, _) = await PollAsync(admin, allowed.Content.Headers.ContentLocation!);
        Assert.True((await DownloadAsync(admin, manifest))["Patient"].Count >= 30);
    }

    [Fact]
    public async Task StatusAndFiles_OfAnotherClient_Are404_AndDeleteCancels()
    {
        using var owner = await app.BearerAsync("system/*.read");
        using var other = await app.BearerAsync("system/*.read");
        using var kickOff = await owner.SendAsync(KickOff("/fhir/$export?_type=Patient"));
        var status = kickOff.Content.Headers.ContentLocation!;
        var (manifest, _) = await PollAsync(owner, status);
        var fileUrl = manifest.GetProperty("output")[0].GetProperty("url").GetString();

        using var strangerStatus = await other.GetAsync(status);
        using var strangerFile = await other.GetAsync(fileUrl);
        using var cancel = await owner.DeleteAsync(status);
        using var afterCancel = await owner.GetAsync(status);
        using var fileAfterCancel = await owner.GetAsync(fileUrl);

        Assert.Equal(HttpStatusCode.NotFound, strangerStatus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerFile.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterCancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fileAfterCancel.StatusCode);
        var db = app.NewDb(out var scope);
        var jobId = Guid.Parse(status.Segments[^1]);
        using (scope) Assert.Equal(0, await db.Set<FhirExportFile>().CountAsync(f => f.JobId == jobId));
    }

    [Fact]
    public async Task Metadata_AdvertisesSystemAndPatientExport()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var capability = Parser.Deserialize<CapabilityStatement>(await http.GetStringAsync("/fhir/metadata"));

        Assert.Contains(capability.Rest.Single().Operation, o => o.Name == "export");
        Assert.Contains(capability.Rest.Single().Resource.Single(r => r.Type == "Patient").Operation, o => o.Name == "export");
    }
}
