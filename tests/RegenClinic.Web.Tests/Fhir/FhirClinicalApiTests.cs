using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Fhir;
using RegenClinic.Web.Tests.TestKit;
using static RegenClinic.Web.Tests.Fhir.FhirTestClients;
using Task = System.Threading.Tasks.Task;

namespace RegenClinic.Web.Tests.Fhir;

/// <summary>Location, AdverseEvent, Consent, Questionnaire, DocumentReference, the wider Procedure and Observation, creating
/// procedures and adverse events, and amending chart entries with If-Match, through the running app.</summary>
public sealed class FhirClinicalApiTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    /// <summary>A demo patient with a charted injection procedure (demo seeding charts prolotherapy and ozone sessions).</summary>
    private async Task<(Guid Patient, Guid Procedure, string Therapy)> InjectedPatientAsync()
    {
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var record = await db.ProcedureRecords.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
            return (record.PatientId, record.Id, record.Therapy);
        }
    }

    [Fact]
    public async Task Metadata_ListsTheNewTypesWithTheirInteractionsAndParameters()
    {
        var capability = await Read<CapabilityStatement>(await app.Client().GetAsync("/fhir/metadata"));
        var resources = capability.Rest.Single().Resource.ToDictionary(r => r.Type!);

        foreach (var type in new[] { "Location", "AdverseEvent", "Consent", "Questionnaire", "DocumentReference", "Procedure", "Observation" })
            Assert.True(resources.ContainsKey(type), type);
        Assert.Equal(["_id", "name", "type", "status"], resources["Location"].SearchParam.Select(p => p.Name));
        Assert.Contains(resources["AdverseEvent"].Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create);
        Assert.Contains(resources["Procedure"].Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create);
        Assert.Contains(resources["Condition"].Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Update);
        Assert.Contains(resources["Observation"].Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Update);
        Assert.DoesNotContain(resources["Procedure"].Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Update);
        Assert.DoesNotContain(resources["Questionnaire"].Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create);
        Assert.Contains(resources["DocumentReference"].SearchParam, p => p.Name == "patient");
    }

    [Fact]
    public async Task Location_PagedOneByOne_SeesSiteChambersAndRoomsOnce_AndEveryPartOfResolves()
    {
        var fhir = Firely(await app.BearerAsync("system/Location.read"));
        var seen = new List<Location>();
        var bundle = await fhir.SearchAsync<Location>(["_count=2", "_sort=name"]);
        var total = bundle!.Total;
        while (bundle is not null)
        {
            seen.AddRange(bundle.Entry.Select(e => (Location)e.Resource!));
            bundle = await fhir.ContinueAsync(bundle);
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Select(l => l.Id).Distinct().Count());
        Assert.Equal(seen.Select(l => l.Name).Order(StringComparer.Ordinal), seen.Select(l => l.Name));
        Assert.Contains(seen, l => l.Type.Single().Coding.Single().Code == LocationFhir.SiteType);
        Assert.Contains(seen, l => l.Type.Single().Coding.Single().Code == LocationFhir.RoomType);
        foreach (var part in seen.Where(l => l.PartOf is not null))
            Assert.Equal(LocationFhir.SiteType, (await fhir.ReadAsync<Location>(part.PartOf!.Reference!))!.Type.Single().Coding.Single().Code);
        var monoplace = await fhir.SearchAsync<Location>([$"type={LocationFhir.TypeSystem}|{LocationFhir.MonoplaceType}", "status=active"]);
        Assert.True(monoplace!.Entry.Count >= 1);
        Assert.All(monoplace.Entry, e => Assert.Equal(LocationFhir.MonoplaceType, ((Location)e.Resource!).Type.Single().Coding.Single().Code));
    }

    [Fact]
    public async Task Questionnaire_OdiWithoutALoadedLicence_HasNoItemText_AndNrsIsFoundByLoinc()
    {
        var fhir = Firely(await app.BearerAsync("system/Questionnaire.read"));

        var odi = await fhir.ReadAsync<Questionnaire>("Questionnaire/odi");
        var nrs = await fhir.SearchAsync<Questionnaire>(["code=http://loinc.org|72514-3"]);

        Assert.Equal(10, odi!.Item.Count);
        Assert.All(odi.Item, i => Assert.Null(i.Text));
        Assert.Equal("nrs", nrs!.Entry.Single().Resource!.Id);
    }

    [Fact]
    public async Task InjectedPatient_ProceduresConsentsAndDocuments_AreFoundByPatient()
    {
        var (patient, procedure, therapy) = await InjectedPatientAsync();
        var fhir = Firely(await app.BearerAsync("system/*.read"));

        var procedures = await fhir.SearchAsync<Procedure>([$"patient=Patient/{patient}", $"code={ClinicFhir.TherapySystem}|{therapy}", "_sort=-date"]);
        var all = await fhir.SearchAsync<Procedure>([$"patient={patient}", "status=completed", "_sort=date"]);
        var consents = await fhir.SearchAsync<Consent>([$"patient={patient}", "status=active"]);
        var documents = await fhir.SearchAsync<DocumentReference>([$"patient={patient}", "type=http://loinc.org|59284-0"]);

        Assert.Contains(procedures!.Entry, e => e.Resource!.Id == procedure.ToString());
        Assert.All(procedures.Entry, e => Assert.Equal(therapy, ((Procedure)e.Resource!).Code!.Coding.Single().Code));
        Assert.True(all!.Entry.Count >= procedures.Entry.Count);
        var consent = (Consent)consents!.Entry.First().Resource!;
        Assert.Equal("nl", consent.Language);
        Assert.Equal($"DocumentReference/{consent.Id}", consent.Source is ResourceReference r ? r.Reference : null);
        Assert.Contains(documents!.Entry, e => e.Resource!.Id == consent.Id);
    }

    [Fact]
    public async Task Observation_ImagingStagesAndChartObservations_AreOneSearch()
    {
        var client = await app.BearerAsync("system/Observation.read");
        Guid patient;
        var db = app.NewDb(out var scope);
        using (scope) patient = await db.ImagingStudies.Where(i => i.Stage != null).Select(i => i.PatientId).FirstAsync();

        var stages = await Read<Bundle>(await client.GetAsync($"/fhir/Observation?patient={patient}&category=imaging"));
        var everything = await Read<Bundle>(await client.GetAsync($"/fhir/Observation?patient={patient}&_count=100&_sort=-date"));

        Assert.NotEmpty(stages.Entry);
        Assert.All(stages.Entry, e => Assert.Equal(SessionFhir.ImagingStageCode, ((Observation)e.Resource!).Code.Coding.Single().Code));
        Assert.True(everything.Total >= stages.Total);
        Assert.Superset(stages.Entry.Select(e => e.Resource!.Id).ToHashSet(), everything.Entry.Select(e => e.Resource!.Id).ToHashSet());
    }

    [Fact]
    public async Task AdverseEvent_CreatedForAnInjection_IsFoundByPatientAndEvent_AndAudited()
    {
        var (patient, procedure, _) = await InjectedPatientAsync();
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var resource = new AdverseEvent
        {
            Actuality = AdverseEvent.AdverseEventActuality.Actual,
            Subject = new ResourceReference($"Patient/{patient}"),
            Event = new CodeableConcept(AdverseEventFhir.InjectionEventSystem, "bruising"),
            Date = "2026-11-21T10:00:00Z",
            Severity = new CodeableConcept(AdverseEventFhir.GradeSystem, "1"),
            SuspectEntity = [new AdverseEvent.SuspectEntityComponent { Instance = new ResourceReference($"Procedure/{procedure}") }],
        };
        resource.Extension.Add(new Extension(AdverseEventFhir.ActionExtension, new CodeableConcept(AdverseEventFhir.ActionSystem, "observation-only")));

        var created = await client.PostAsync("/fhir/AdverseEvent", Json(resource));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Read<AdverseEvent>(created)).Id;
        var found = await Read<Bundle>(await client.GetAsync($"/fhir/AdverseEvent?patient={patient}&event={AdverseEventFhir.InjectionEventSystem}|bruising"));
        Assert.Contains(found.Entry, e => e.Resource!.Id == id);
        var db = app.NewDb(out var scope);
        using (scope) Assert.True(await db.AdverseEvents.AnyAsync(a => a.Id == Guid.Parse(id!) && a.EventCode == "bruising"));
    }

    [Fact]
    public async Task AdverseEvent_SubjectNotThePatientOfTheProcedure_Is400NamingSubject()
    {
        var (_, procedure, _) = await InjectedPatientAsync();
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var resource = new AdverseEvent
        {
            Actuality = AdverseEvent.AdverseEventActuality.Actual,
            Subject = new ResourceReference($"Patient/{Guid.NewGuid()}"),
            Event = new CodeableConcept(AdverseEventFhir.InjectionEventSystem, "bruising"),
            Date = "2026-11-21T10:00:00Z",
            Severity = new CodeableConcept(AdverseEventFhir.GradeSystem, "1"),
            SuspectEntity = [new AdverseEvent.SuspectEntityComponent { Instance = new ResourceReference($"Procedure/{procedure}") }],
        };

        var response = await client.PostAsync("/fhir/AdverseEvent", Json(resource));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["AdverseEvent.subject"], (await Read<OperationOutcome>(response)).Issue.Single().Expression);
    }

    [Fact]
    public async Task Procedure_CreateChartHistory_IsFound_ButATherapyCodeIsRefusedNamingProcedureCode()
    {
        var (patient, _, _) = await InjectedPatientAsync();
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var physio = new Procedure
        {
            Status = EventStatus.Completed,
            Code = new CodeableConcept("http://snomed.info/sct", "91251008", "Physical therapy procedure"),
            Subject = new ResourceReference($"Patient/{patient}"),
            Performed = new FhirDateTime("2026-06-01"),
        };
        var dive = new Procedure
        {
            Status = EventStatus.Completed,
            Code = new CodeableConcept(ClinicFhir.TherapySystem, "hbot"),
            Subject = new ResourceReference($"Patient/{patient}"),
            Performed = new FhirDateTime("2026-06-01"),
        };

        var created = await client.PostAsync("/fhir/Procedure", Json(physio));
        var refused = await client.PostAsync("/fhir/Procedure", Json(dive));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var found = await Read<Bundle>(await client.GetAsync($"/fhir/Procedure?patient={patient}&code=http://snomed.info/sct|91251008&date=2026-06-01"));
        Assert.Equal((await Read<Procedure>(created)).Id, found.Entry.Single().Resource!.Id);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Procedure.code"], (await Read<OperationOutcome>(refused)).Issue.Single().Expression);
    }

    private static Condition NewCondition(Guid patient, string status) => new()
    {
        ClinicalStatus = new CodeableConcept(ChartFhir.ConditionClinical, status),
        Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "M17.0", "Bilateral primary osteoarthritis of knee"),
        Subject = new ResourceReference($"Patient/{patient}"),
        Onset = new FhirDateTime("2025-03-01"),
    };

    private static HttpRequestMessage Put(string url, Resource body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task Condition_AmendedWithIfMatch_KeepsTheOldVersion_AndAStaleETagIs412()
    {
        var (patient, _, _) = await InjectedPatientAsync();
        var client = await app.SignedInAsync("physician@regenclinic.demo");
        var created = await Read<Condition>(await client.PostAsync("/fhir/Condition", Json(NewCondition(patient, "active"))));
        var etag = (await client.GetAsync($"/fhir/Condition/{created.Id}")).Headers.ETag!.ToString();
        var withoutIfMatch = await client.SendAsync(Put($"/fhir/Condition/{created.Id}", NewCondition(patient, "resolved"), null));

        var amended = await client.SendAsync(Put($"/fhir/Condition/{created.Id}", NewCondition(patient, "resolved"), etag));
        var stale = await client.SendAsync(Put($"/fhir/Condition/{created.Id}", NewCondition(patient, "inactive"), etag));

        Assert.Equal((HttpStatusCode)428, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var current = await Read<Condition>(amended);
        Assert.NotEqual(created.Id, current.Id);
        Assert.EndsWith($"/fhir/Condition/{current.Id}", amended.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(etag, amended.Headers.ETag!.ToString());
        Assert.Equal($"Condition/{created.Id}", Assert.IsType<ResourceReference>(current.GetExtension(ChartFhir.ReplacesExtension)?.Value).Reference);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.Conflict, (await Read<OperationOutcome>(stale)).Issue.Single().Code);
        var old = await Read<Condition>(await client.GetAsync($"/fhir/Condition/{created.Id}"));
        Assert.Equal("active", old.ClinicalStatus!.Coding.Single().Code);
        var search = await Read<Bundle>(await client.GetAsync($"/fhir/Condition?patient={patient}&code=M17.0&_count=100"));
        Assert.Contains(search.Entry, e => e.Resource!.Id == current.Id);
        Assert.DoesNotContain(search.Entry, e => e.Resource!.Id == created.Id);
    }

    [Fact]
    public async Task Observation_UpdatedByFirelyClientVersionAware_IsAnAmendment()
    {
        var (patient, _, _) = await InjectedPatientAsync();
        var fhir = Firely(await app.BearerAsync("system/Observation.read system/Observation.write"));
        var observation = await fhir.CreateAsync(new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(ChartFhir.ObservationCategorySystem, "vital-signs")],
            Code = new CodeableConcept("http://loinc.org", "8480-6", "Systolic blood pressure"),
            Subject = new ResourceReference($"Patient/{patient}"),
            Effective = new FhirDateTime("2026-11-20T09:00:00+01:00"),
            Value = new Quantity(142, "mm[Hg]", "http://unitsofmeasure.org"),
        });

        var read = await fhir.ReadAsync<Observation>($"Observation/{observation!.Id}");
        Assert.Equal(observation.Meta!.VersionId, read!.Meta!.VersionId);
        observation.Value = new Quantity(124, "mm[Hg]", "http://unitsofmeasure.org");
        var amended = await fhir.UpdateAsync(observation, versionAware: true);

        Assert.Equal(ObservationStatus.Amended, amended!.Status);
        Assert.Equal(124m, ((Quantity)amended.Value!).Value);
        var stale = await Assert.ThrowsAsync<FhirOperationException>(() => fhir.UpdateAsync(observation, versionAware: true));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
    }

    [Fact]
    public async Task Scopes_AdverseEventNeedsItsOwnScope_ReadIsNotWrite()
    {
        var patientsOnly = await app.BearerAsync("system/Patient.read system/Condition.read");
        var adverseRead = await app.BearerAsync("system/AdverseEvent.read");

        var refused = await patientsOnly.GetAsync("/fhir/AdverseEvent?_count=1");
        var allowed = await adverseRead.GetAsync("/fhir/AdverseEvent?_count=1");
        var write = await adverseRead.PostAsync("/fhir/AdverseEvent", Json(new AdverseEvent()));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("system/AdverseEvent.read", (await Read<OperationOutcome>(refused)).Issue.Single().Diagnostics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("system/AdverseEvent.write", (await Read<OperationOutcome>(write)).Issue.Single().Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDesk_ReadsLocationsButNotAdverseEventsOrConsents()
    {
        var client = await app.SignedInAsync("frontdesk@regenclinic.demo");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/Location?_count=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/fhir/AdverseEvent?_count=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/fhir/Consent?_count=1")).StatusCode);
    }

    [Fact]
    public async Task Procedure_UnknownParameterOrSortKey_Is400()
    {
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var unknown = await client.GetAsync("/fhir/Procedure?bodysite=knee");
        var badSort = await client.GetAsync("/fhir/Procedure?_sort=name");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["bodysite"], (await Read<OperationOutcome>(unknown)).Issue.Single().Expression);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
    }

    [Fact]
    public async Task PatientEverything_IncludesConsentsProceduresAndDocuments()
    {
        var (patient, procedure, _) = await InjectedPatientAsync();
        var client = await app.SignedInAsync("physician@regenclinic.demo");

        var everything = await Read<Bundle>(await client.GetAsync($"/fhir/Patient/{patient}/$everything"));

        var types = everything.Entry.Select(e => e.Resource!.TypeName).ToHashSet();
        Assert.Superset(new HashSet<string> { "Patient", "Consent", "Procedure", "DocumentReference" }, types);
        Assert.Contains(everything.Entry, e => e.Resource is Procedure && e.Resource.Id == procedure.ToString());
    }
}
