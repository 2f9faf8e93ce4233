using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Audit;
using RegenClinic.Fhir;
using RegenClinic.Web.Tests.TestKit;
using static RegenClinic.Web.Tests.Fhir.FhirTestClients;
using Task = System.Threading.Tasks.Task;

namespace RegenClinic.Web.Tests.Fhir;

public sealed class FhirApiTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static Hl7.Fhir.Model.Patient NewPatient(string family, string birthDate = "1970-05-06") => new()
    {
        Name = [new HumanName { Family = family, Given = ["Anna"] }],
        BirthDate = birthDate,
        Gender = AdministrativeGender.Female,
    };

    [Fact]
    public async Task Metadata_Anonymous_ListsExactlyTheRegistryTypesWithTheirSearchParameters()
    {
        var response = await app.Client().GetAsync("/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FhirJson.MediaType, response.Content.Headers.ContentType?.MediaType);
        var capability = await Read<CapabilityStatement>(response);
        var resources = capability.Rest.Single().Resource;
        Assert.Equal(FhirRegistry.Types.Select(t => t.Name), resources.Select(r => r.Type));
        var patient = resources.Single(r => r.Type == "Patient");
        Assert.Equal(["_id", "identifier", "name", "birthdate", "gender"], patient.SearchParam.Select(p => p.Name));
        Assert.Contains(patient.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Update);
        Assert.DoesNotContain(resources.Single(r => r.Type == "CarePlan").Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create);
    }

    [Fact]
    public async Task Search_UnknownParameter_Is400OperationOutcomeNamingIt()
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await client.GetAsync("/fhir/Patient?favourite-colour=blue");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = await Read<OperationOutcome>(response);
        Assert.Equal(["favourite-colour"], outcome.Issue.Single().Expression);
        Assert.Contains("favourite-colour", outcome.Issue.Single().Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SortNotInAllowList_Is400()
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await client.GetAsync("/fhir/Patient?_sort=gender");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["_sort"], (await Read<OperationOutcome>(response)).Issue.Single().Expression);
    }

    [Fact]
    public async Task Search_PagesWithNextLinkUntilAllSeen()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var url = "/fhir/Patient?_count=7&_sort=birthdate";
        var seen = new List<string>();
        int? total = null;
        while (url is not null)
        {
            var bundle = await Read<Bundle>(await client.GetAsync(url));
            total ??= bundle.Total;
            // Full pages count, the last (partial) page derives the total from its offset: both must agree.
            Assert.Equal(total, bundle.Total);
            seen.AddRange(bundle.Entry.Select(e => e.Resource!.Id!));
            Assert.True(bundle.Entry.Count <= 7);
            url = bundle.Link.FirstOrDefault(l => l.Relation == "next")?.Url;
        }

        Assert.True(total >= 30);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var pastTheEnd = await Read<Bundle>(await client.GetAsync($"/fhir/Patient?_count=7&_sort=birthdate&_offset={total + 7}"));
        Assert.Empty(pastTheEnd.Entry);
        Assert.Equal(total, pastTheEnd.Total);
    }

    /// <summary>One value is compared with =, several with IN (FhirRegistry.In): both must find exactly the patients named.</summary>
    [Fact]
    public async Task SearchByOneOrSeveralIdsAndIdentifiers_FindsExactlyThosePatients()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var two = (await Read<Bundle>(await client.GetAsync("/fhir/Patient?_count=2&_sort=birthdate"))).Entry
            .Select(e => (Hl7.Fhir.Model.Patient)e.Resource!).ToList();
        var ids = two.Select(p => p.Id!).Order().ToList();
        var identifiers = two.Select(p => $"{PatientFhir.RecordNumberSystem}|{p.Identifier.Single().Value}").ToList();

        async Task<List<string>> Found(string query) =>
            [.. (await Read<Bundle>(await client.GetAsync($"/fhir/Patient?{query}"))).Entry.Select(e => e.Resource!.Id!).Order()];

        Assert.Equal(ids, await Found($"_id={string.Join(',', ids)}"));
        Assert.Equal([ids[0]], await Found($"_id={ids[0]}"));
        Assert.Equal(ids, await Found($"identifier={Uri.EscapeDataString(string.Join(',', identifiers))}"));
        Assert.Equal([two[1].Id!], await Found($"identifier={Uri.EscapeDataString(identifiers[1])}"));
        Assert.Empty(await Found($"identifier={Uri.EscapeDataString("http://other.example/mrn|" + two[0].Identifier.Single().Value)}"));
    }

    [Fact]
    public async Task Create_ThenReadAndSearchByIdentifierAndName_FindsThePatient()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");

        var created = await client.PostAsync("/fhir/Patient", Json(NewPatient("Zwaluwstaart")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patient = await Read<Hl7.Fhir.Model.Patient>(created);
        Assert.NotNull(created.Headers.Location);
        var read = await client.GetAsync($"/fhir/Patient/{patient.Id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        var identifier = patient.Identifier.Single().Value;
        var byIdentifier = await Read<Bundle>(await client.GetAsync($"/fhir/Patient?identifier={PatientFhir.RecordNumberSystem}|{identifier}"));
        Assert.Equal(patient.Id, byIdentifier.Entry.Single().Resource!.Id);
        var byName = await Read<Bundle>(await client.GetAsync("/fhir/Patient?name=zwaluw&birthdate=1970-05-06"));
        Assert.Equal(patient.Id, byName.Entry.Single().Resource!.Id);
    }

    [Fact]
    public async Task Create_FutureBirthDate_Is400NamingPatientBirthDate()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");

        var response = await client.PostAsync("/fhir/Patient", Json(NewPatient("Toekomst", "2999-01-01")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issue = (await Read<OperationOutcome>(response)).Issue.Single();
        Assert.Equal(["Patient.birthDate"], issue.Expression);
        Assert.Contains("future", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WithStaleETag_Is412AndKeepsTheNewerVersion()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var patient = await Read<Hl7.Fhir.Model.Patient>(await client.PostAsync("/fhir/Patient", Json(NewPatient("Versie"))));
        var etag = (await client.GetAsync($"/fhir/Patient/{patient.Id}")).Headers.ETag!.ToString();

        patient.Name[0].Given = ["Berta"];
        var first = new HttpRequestMessage(HttpMethod.Put, $"/fhir/Patient/{patient.Id}") { Content = Json(patient) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        var ok = await client.SendAsync(first);
        patient.Name[0].Given = ["Clara"];
        var second = new HttpRequestMessage(HttpMethod.Put, $"/fhir/Patient/{patient.Id}") { Content = Json(patient) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        var stale = await client.SendAsync(second);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var now = await Read<Hl7.Fhir.Model.Patient>(await client.GetAsync($"/fhir/Patient/{patient.Id}"));
        Assert.Equal("Berta", now.Name[0].Given.Single());
    }

    [Fact]
    public async Task Transaction_InvalidThirdEntry_LeavesNothingBehind()
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var bundle = FhirTestBundles.PatientWithRecord("Halfweg");
        ((Condition)bundle.Entry[1].Resource!).Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "not a code");

        var response = await client.PostAsync("/fhir", Json(bundle));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Bundle.entry[1].resource.Condition.code", (await Read<OperationOutcome>(response)).Issue.Single().Expression.Single()!, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.Patients.AnyAsync(p => p.FamilyName == "Halfweg"));
    }

    [Fact]
    public async Task Transaction_WithFirelyClient_CreatesPatientAndRecordReadableByEverything()
    {
        var http = await app.BearerAsync("system/*.read system/*.write");
        var fhir = Firely(http);

        var result = await fhir.TransactionAsync(FhirTestBundles.PatientWithRecord("Firely"));

        Assert.Equal(5, result!.Entry.Count);
        Assert.All(result.Entry, e => Assert.Equal("201 Created", e.Response!.Status));
        var patientId = result.Entry[0].Resource!.Id;
        var everything = await fhir.SearchAsync<Hl7.Fhir.Model.Patient>(["_id=" + patientId]);
        Assert.Single(everything!.Entry);
        var conditions = await fhir.SearchAsync<Condition>(["patient=Patient/" + patientId, "code=M87.05"]);
        Assert.Single(conditions!.Entry);
        var all = await http.GetAsync($"/fhir/Patient/{patientId}/$everything");
        var types = (await Read<Bundle>(all)).Entry.Select(e => e.Resource!.TypeName).Order().ToList();
        Assert.Equal(["AllergyIntolerance", "Condition", "MedicationStatement", "Observation", "Patient"], types);
    }

    [Fact]
    public async Task Bearer_PatientReadScope_ReadsPatientsButNotConditionsAndCannotWrite()
    {
        var client = await app.BearerAsync("system/Patient.read");

        var patients = await client.GetAsync("/fhir/Patient?_count=1");
        var conditions = await client.GetAsync("/fhir/Condition?_count=1");
        var create = await client.PostAsync("/fhir/Patient", Json(NewPatient("Scoop")));

        Assert.Equal(HttpStatusCode.OK, patients.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, conditions.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("system/Patient.write", (await Read<OperationOutcome>(create)).Issue.Single().Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCredentials_Or_ForgedToken_Is401()
    {
        var anonymous = await app.Client().GetAsync("/fhir/Patient");
        var withForged = await app.Bearer("not-a-token").GetAsync("/fhir/Patient");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withForged.StatusCode);
    }

    [Fact]
    public async Task RevokedClient_ItsUnexpiredTokenIs401AtOnce()
    {
        var (clientId, token) = await app.FhirClientTokenAsync("system/Patient.read");
        var bearer = app.Bearer(token);
        var before = await bearer.GetAsync("/fhir/Patient?_count=1");

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ClinicActor>().Name = "admin@regenclinic.demo";
            await scope.ServiceProvider.GetRequiredService<ManageFhirClients>().RevokeAsync(clientId);
        }
        var after = await bearer.GetAsync("/fhir/Patient?_count=1");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_WrongSecret_IsInvalidClient()
    {
        var response = await app.Client().PostAsync("/fhir/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "rc-unknown", ["client_secret"] = "guess",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task FrontDesk_ReadsPatientsButNotConditions()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/Patient?_count=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/fhir/Condition?_count=1")).StatusCode);
    }

    [Fact]
    public async Task Read_IsAuditedWithTheClientAndPatient()
    {
        var client = await app.BearerAsync("system/Patient.read system/Patient.write");
        var patient = await Read<Hl7.Fhir.Model.Patient>(await client.PostAsync("/fhir/Patient", Json(NewPatient("Gezien"))));

        await client.GetAsync($"/fhir/Patient/{patient.Id}");

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var id = Guid.Parse(patient.Id!);
            var entry = await db.AuditEntries.SingleAsync(a => a.PatientId == id && a.Action == AuditActions.Read);
            Assert.Equal("FhirPatient", entry.EntityType);
            Assert.StartsWith("client:rc-", entry.ActorId, StringComparison.Ordinal);
        }
    }
}

public sealed class FhirClientsPageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task Admin_RegistersClient_SeesSecretOnceAndItBuysAToken()
    {
        var admin = await app.SignedInAsync("admin@regenclinic.demo");

        var response = await admin.SubmitFormAsync("/admin/fhir-clients", new() { ["Posted.Name"] = "Registry NL", ["Posted.Scopes"] = "system/Patient.read" });
        var html = await response.Content.ReadAsStringAsync();
        var clientId = System.Text.RegularExpressions.Regex.Match(html, "id=\"client-id\">([^<]+)<").Groups[1].Value;
        var secret = System.Text.RegularExpressions.Regex.Match(html, "id=\"client-secret\">([^<]+)<").Groups[1].Value;
        var again = await admin.GetStringAsync("/admin/fhir-clients");
        var token = await app.Client().PostAsync("/fhir/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));

        Assert.StartsWith("rc-", clientId, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Contains(clientId, again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Physician_CannotOpenTheClientsPage()
    {
        var physician = await app.SignedInAsync("physician@regenclinic.demo");

        var response = await physician.GetAsync("/admin/fhir-clients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
