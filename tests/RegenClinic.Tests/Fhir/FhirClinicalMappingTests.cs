using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;
using NodaTime;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Domain.Patients;
using RegenClinic.Fhir;
using RegenClinic.Hyperbaric;
using ClinicChamberKind = RegenClinic.Domain.Clinic.ChamberKind;
using HbotSeverity = RegenClinic.Domain.Hyperbaric.AdverseEventSeverity;
using InjectionSeverity = RegenClinic.Domain.Injections.AdverseEventSeverity;
using Instant = NodaTime.Instant;
using Duration = NodaTime.Duration;
using Period = Hl7.Fhir.Model.Period;
using Coding = Hl7.Fhir.Model.Coding;

namespace RegenClinic.Tests.Fhir;

/// <summary>Domain → FHIR (→ domain where the type is written) for Location, AdverseEvent, Consent, Questionnaire, DocumentReference,
/// the Procedures of dives, injections and the chart history, and imaging stages; golden JSON for a chamber and an HBOT event.</summary>
public sealed class FhirClinicalMappingTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 4, 9, 30);
    private static readonly LocalDate Today = new(2027, 1, 4);
    private static readonly Guid PatientId = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static readonly Guid CourseId = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60");
    private static readonly Guid DiveId = Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61");

    private static void AssertGolden(string name, Resource resource)
    {
        var actual = FhirJson.Serialize(resource, pretty: true).ReplaceLineEndings("\n").Trim();
        if (Environment.GetEnvironmentVariable("REGENCLINIC_APPROVE_GOLDEN") is { Length: > 0 } folder) File.WriteAllText(Path.Combine(folder, name), actual + "\n");
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fhir", "Golden", name)).ReplaceLineEndings("\n").Trim(), actual);
    }

    private static T Wire<T>(T resource) where T : Resource => FhirJson.Parse<T>(FhirJson.Serialize(resource), typeof(T).Name);

    private static void AssertValid(Resource resource) => Assert.Empty(resource.Validate());

    // ---- Location ------------------------------------------------------------------------------------------------------

    [Fact]
    public void Location_ChamberInMaintenance_IsSuspendedPartOfItsSiteWithKindAndPressure()
    {
        var site = Site.Create("AMS", "RegenClinic Amsterdam", "Europe/Amsterdam", "NL");
        var chamber = Chamber.Create(site.Id, "Mono 1", ClinicChamberKind.Monoplace, 1, 3.0m, ["2.4-90"]);
        chamber.SetStatus(EquipmentStatus.Maintenance, "Door seal replaced");

        var location = Wire(chamber.ToFhir());

        AssertValid(location);
        Assert.Equal(Location.LocationStatus.Suspended, location.Status);
        Assert.Equal($"Location/{site.Id}", location.PartOf!.Reference);
        Assert.Equal(LocationFhir.MonoplaceType, location.Type.Single().Coding.Single().Code);
        Assert.Equal(3.0m, Assert.IsType<Quantity>(location.GetExtension(LocationFhir.MaxPressureExtension)!.Value).Value);
        Assert.Contains("Door seal replaced", location.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_ChamberInService_IsActive_AndRoomAndSiteMapToo()
    {
        var site = Site.Create("AMS", "RegenClinic Amsterdam", "Europe/Amsterdam", "NL");
        var chamber = Chamber.Create(site.Id, "Multi", ClinicChamberKind.Multiplace, 12, 6.0m, []);
        var room = Room.Create(site.Id, "Injection room 1");

        Assert.Equal(Location.LocationStatus.Active, Wire(chamber.ToFhir()).Status);
        Assert.Equal(LocationFhir.MultiplaceType, chamber.ToFhir().Type.Single().Coding.Single().Code);
        var roomLocation = Wire(room.ToFhir());
        Assert.Equal(("Injection room 1", $"Location/{site.Id}"), (roomLocation.Name, roomLocation.PartOf!.Reference));
        var siteLocation = Wire(site.ToFhir());
        Assert.Equal(("si", "AMS"), (siteLocation.PhysicalType!.Coding.Single().Code, siteLocation.Identifier.Single().Value));
        AssertValid(siteLocation);
    }

    [Fact]
    public void Location_Golden_Chamber()
    {
        var chamber = Chamber.Create(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70"), "Mono 1", ClinicChamberKind.Monoplace, 1, 3.0m, ["2.4-90"]);
        var resource = chamber.ToFhir();
        resource.Id = "example";

        AssertValid(resource);
        AssertGolden("location-chamber.json", resource);
    }

    // ---- AdverseEvent --------------------------------------------------------------------------------------------------

    [Fact]
    public void AdverseEvent_Hbot_RoundTripsToTheEntryTheUseCaseTakes()
    {
        var occurred = At.Plus(Duration.FromMinutes(40));
        var record = HbotAdverseEventRecord.Record(PatientId, CourseId, DiveId,
            new HyperbaricAdverseEvent(HyperbaricAdverseEventType.MiddleEarBarotrauma, AdverseEventTiming.DuringDive, HbotSeverity.Moderate,
                occurred, "Compression paused, ears equalised", "operator", ONeillGrade.Grade2));

        var back = Wire(record.ToFhir()).ToHbotEntry(CourseId);

        Assert.Equal(new HbotAdverseEventEntry(CourseId, DiveId, HyperbaricAdverseEventType.MiddleEarBarotrauma, AdverseEventTiming.DuringDive,
            HbotSeverity.Moderate, ONeillGrade.Grade2, "Compression paused, ears equalised", occurred), back);
        Assert.Equal(("CarePlan", CourseId), AdverseEventFhir.Suspect(record.ToFhir()));
    }

    [Fact]
    public void AdverseEvent_Golden_HbotSeizurePausingTheCourse()
    {
        var record = HbotAdverseEventRecord.Record(PatientId, CourseId, DiveId,
            new HyperbaricAdverseEvent(HyperbaricAdverseEventType.Seizure, AdverseEventTiming.DuringDive, HbotSeverity.Severe,
                At, "Oxygen off, air break, physician called", "operator"));
        var resource = record.ToFhir();
        resource.Id = "example";

        AssertValid(resource);
        Assert.Equal("ongoing", resource.Outcome!.Coding.Single().Code);
        AssertGolden("adverse-event-hbot.json", resource);
    }

    [Fact]
    public void AdverseEvent_Injection_RoundTripsToTheInputTheUseCaseTakes()
    {
        var procedureId = Guid.NewGuid();
        var onset = At.Plus(Duration.FromHours(20));
        var report = new AdverseEventReport(procedureId.ToString(), "infection", At, onset, InjectionSeverity.Moderate,
            [AdverseEventAction.Medication, AdverseEventAction.Referral], "nurse", "Redness at the L4-L5 site");
        var record = AdverseEventRecord.Record(PatientId, report, At.Plus(Duration.FromDays(1)));

        var resource = Wire(record.ToFhir());
        var back = resource.ToInjectionInput(procedureId);

        AssertValid(resource);
        Assert.Equal(("Procedure", procedureId), AdverseEventFhir.Suspect(resource));
        Assert.Equal((procedureId, "infection", onset, InjectionSeverity.Moderate, "Redness at the L4-L5 site"),
            (back.ProcedureId, back.EventCode, back.OnsetAt, back.Severity, back.Notes));
        Assert.Equal([AdverseEventAction.Medication, AdverseEventAction.Referral], back.Actions);
    }

    [Fact]
    public void AdverseEvent_GradeOutsideOneToFive_NamesSeverity()
    {
        var resource = new AdverseEvent
        {
            Event = new CodeableConcept(AdverseEventFhir.InjectionEventSystem, "infection"),
            Date = "2027-01-04T10:00:00Z",
            Severity = new CodeableConcept(AdverseEventFhir.GradeSystem, "6"),
        };

        Assert.Equal("AdverseEvent.severity", Assert.Throws<FhirException>(() => resource.ToInjectionInput(Guid.NewGuid())).Element);
        resource.Severity = new CodeableConcept(AdverseEventFhir.GradeSystem, "5");
        Assert.Equal(InjectionSeverity.Fatal, resource.ToInjectionInput(Guid.NewGuid()).Severity);
    }

    // ---- Consent and DocumentReference ----------------------------------------------------------------------------------

    private static ConsentRecord SignedConsent() => ConsentRecord.Sign(PatientId, "hbot", Guid.NewGuid(), "nl", "hbot-2027.1", "Ik stem in met HBOT.", 40,
        "M. Jansen", "E. Visser", Today.PlusDays(-1), "physician", At, Today);

    [Fact]
    public void Consent_Signed_IsActiveTreatmentConsentWithLanguageSignerWitnessAndDate()
    {
        var consent = Wire(SignedConsent().ToFhir());

        AssertValid(consent);
        Assert.Equal(Consent.ConsentState.Active, consent.Status);
        Assert.Equal("nl", consent.Language);
        Assert.Equal("2027-01-03", consent.DateTime);
        Assert.Equal("M. Jansen", consent.Performer.Single().Display);
        Assert.Equal("E. Visser", consent.Verification.Single().VerifiedWith!.Display);
        Assert.Equal("treatment", consent.Scope!.Coding.Single().Code);
        Assert.Equal("hbot", consent.Provision!.Code.Single().Coding.Single().Code);
        Assert.EndsWith(":hbot:hbot-2027.1", consent.Policy.Single().Uri!, StringComparison.Ordinal);
    }

    [Fact]
    public void Consent_Withdrawn_IsInactive()
    {
        var record = SignedConsent();
        record.Withdraw("Patient changed their mind");

        Assert.Equal(Consent.ConsentState.Inactive, record.ToFhir().Status);
    }

    [Fact]
    public void DocumentReference_Consent_CarriesTheSignedTextAndThePrintablePage()
    {
        var record = SignedConsent();

        var document = Wire(record.ToDocument());

        AssertValid(document);
        Assert.Equal("59284-0", document.Type!.Coding.Single().Code);
        Assert.Equal("Ik stem in met HBOT.", System.Text.Encoding.UTF8.GetString(document.Content[0].Attachment!.Data!));
        Assert.Equal($"/patients/{PatientId}/consent/hbot", document.Content[1].Attachment!.Url);
        Assert.Equal($"Consent/{record.Id}", document.Context!.Related.Single().Reference);
    }

    // ---- HBOT session and injections as Procedure -------------------------------------------------------------------

    private static DiveSession Session()
    {
        var input = new PreDiveChecklistInput(Today, new Vitals(120, 80, 70, 98, true), 36.8m, true, false, null, [], true, true, true, 3, 20,
            new ScreeningRerun(Today, true));
        var checklist = PreDiveChecklistRecord.Record(CourseId, PatientId, input, PreDiveChecklistSettings.Default, "nurse", At);
        var dive = HbotDive.Plan(Guid.NewGuid(), ClinicChamberKind.Monoplace, 1, TreatmentTables.Elective24, Today, "operator", null,
            new DiveOccupant(PatientId, CourseId, checklist.Id, 4), At);
        return new DiveSession { Checklist = checklist, Dive = dive };
    }

    private static Instant Min(int minutes) => At.Plus(Duration.FromMinutes(minutes));

    [Fact]
    public void Procedure_SurfacedDive_HasTableTimesPressureAndOxygenDose()
    {
        var session = Session();
        session.Dive.Record(new DiveEvent(DivePhase.CompressionStart, Min(0), Ata.Surface));
        session.Dive.Record(new DiveEvent(DivePhase.AtPressure, Min(15), new Ata(2.4)));
        session.Dive.Record(new DiveEvent(DivePhase.DecompressionStart, Min(105), new Ata(2.4)));
        session.Dive.Record(new DiveEvent(DivePhase.Surface, Min(117), Ata.Surface));
        session.Dive.SetDose(new OxygenDoseSummary(new Otu(271.3), 2.4, 90));

        var procedure = Wire(session.ToFhir());

        AssertValid(procedure);
        Assert.Equal(EventStatus.Completed, procedure.Status);
        Assert.Equal(session.Checklist.Id.ToString(), procedure.Id);
        Assert.Equal($"Patient/{PatientId}", procedure.Subject!.Reference);
        var period = Assert.IsType<Period>(procedure.Performed);
        Assert.Equal(("2027-01-04T09:30:00+00:00", "2027-01-04T11:27:00+00:00"), (period.Start, period.End));
        Assert.Equal("2.4-90", Assert.IsType<Coding>(procedure.GetExtension(SessionFhir.TableExtension)!.Value).Code);
        Assert.Equal(2.4m, Assert.IsType<Quantity>(procedure.GetExtension(SessionFhir.MaxPressureExtension)!.Value).Value);
        Assert.Equal(271.3m, Assert.IsType<Quantity>(procedure.GetExtension(SessionFhir.OxygenDoseExtension)!.Value).Value);
        Assert.Equal(4, Assert.IsType<PositiveInt>(procedure.GetExtension(SessionFhir.SessionNumberExtension)!.Value).Value);
        Assert.Equal($"Location/{session.Dive.ChamberId}", procedure.Location!.Reference);
    }

    [Fact]
    public void Procedure_PlannedDive_IsInPreparationWithoutTimesOrDose()
    {
        var procedure = Wire(Session().ToFhir());

        Assert.Equal(EventStatus.Preparation, procedure.Status);
        Assert.Equal("2027-01-04", Assert.IsType<FhirDateTime>(procedure.Performed).Value);
        Assert.Null(procedure.GetExtension(SessionFhir.OxygenDoseExtension));
    }

    [Fact]
    public void Procedure_ChartHistory_RoundTrips()
    {
        var details = new ProcedureDetails(ProcedureEntry.Physiotherapy, "Physical therapy procedure", new LocalDate(2026, 10, 1), "12 sessions");
        var entry = ProcedureEntry.Record(PatientId, details, "physician", At, Today);

        var back = Wire(entry.ToFhir()).ToDetails();

        Assert.Equal(details, back);
    }

    [Fact]
    public void Procedure_WithTherapyCodeOnly_IsRefusedNamingProcedureCode()
    {
        var resource = new Procedure { Code = new CodeableConcept(ClinicFhir.TherapySystem, "hbot"), Performed = new FhirDateTime("2026-10-01") };

        Assert.Equal("Procedure.code", Assert.Throws<FhirException>(resource.ToDetails).Element);
    }

    // ---- Observation: imaging stage; Questionnaire -------------------------------------------------------------------

    [Fact]
    public void Observation_ImagingStage_CarriesTheStageCodeInItsScale()
    {
        var entry = ImagingStudyEntry.Record(PatientId, new ImagingDetails(ImagingModality.MR, new LocalDate(2026, 12, 1), "left hip",
            "Band-like lesion, no collapse", StageSystems.Arco2019, "II"), "physician", At, Today);

        var observation = Wire(entry.ToStageObservation());

        AssertValid(observation);
        var value = Assert.IsType<CodeableConcept>(observation.Value).Coding.Single();
        Assert.Equal((StageSystems.Arco2019, "II"), (value.System, value.Code));
        Assert.Equal("imaging", observation.Category.Single().Coding.Single().Code);
        Assert.Equal("2026-12-01", Assert.IsType<FhirDateTime>(observation.Effective).Value);
    }

    [Fact]
    public void Questionnaire_Odi_WithoutLicensedText_HasItemsButNoWording()
    {
        var questionnaire = Wire(Instruments.Oswestry.ToFhir(null));

        AssertValid(questionnaire);
        Assert.Equal(10, questionnaire.Item.Count);
        Assert.All(questionnaire.Item, i => Assert.Null(i.Text));
        Assert.Equal([0, 1, 2, 3, 4, 5], questionnaire.Item[0].AnswerOption.Select(o => ((Integer)o.Value).Value!.Value));
        Assert.Contains("Mapi", questionnaire.Copyright, StringComparison.Ordinal);
    }

    [Fact]
    public void Questionnaire_Odi_WithLicensedTextLoaded_PublishesItUnderTheHoldersLicence()
    {
        var licensed = new LicensedItemText("odi", "Kliniek Oost", [.. Enumerable.Range(1, 10).Select(n => $"Section {n} wording")]);

        var questionnaire = Wire(Instruments.Oswestry.ToFhir(licensed));

        Assert.Equal("Section 3 wording", questionnaire.Item[2].Text);
        Assert.Contains("Kliniek Oost", questionnaire.Copyright, StringComparison.Ordinal);
    }

    [Fact]
    public void Questionnaire_Nrs_PublishesShippedTextAndIsTheCanonicalItsResponsesName()
    {
        var questionnaire = Wire(Instruments.PainNrs.ToFhir(null));
        var response = OutcomeScore.Record(PatientId, "nrs", [6], At, OutcomeSource.Staff, null, null, null, "nurse", At).ToFhirQuestionnaireResponse();

        Assert.NotNull(questionnaire.Item.Single().Text);
        Assert.Equal(11, questionnaire.Item.Single().AnswerOption.Count);
        Assert.Equal("72514-3", questionnaire.Code.Single().Code);
        Assert.Equal(questionnaire.Url, response.Questionnaire);
        Assert.Equal(questionnaire.Item.Single().LinkId, response.Item.Single().LinkId);
    }

    [Fact]
    public void Questionnaire_KoosJr_HasNoLoincSoCarriesTheLocalInstrumentCode()
    {
        var questionnaire = Instruments.KoosJr.ToFhir(null);

        Assert.Equal((OutcomeScore.InstrumentSystem, "koos-jr"), (questionnaire.Code.Single().System, questionnaire.Code.Single().Code));
        Assert.All(questionnaire.Item, i => Assert.Null(i.Text));
    }
}
