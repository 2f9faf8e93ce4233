using Hl7.Fhir.Model;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Injections;
using RegenClinic.Hyperbaric;
using RegenClinic.Injections;
using HbotSeverity = RegenClinic.Domain.Hyperbaric.AdverseEventSeverity;
using InjectionSeverity = RegenClinic.Domain.Injections.AdverseEventSeverity;

namespace RegenClinic.Fhir;

/// <summary>Adverse events as FHIR AdverseEvent, from the two records the clinic keeps: events during or after a dive (type, timing,
/// mild/moderate/severe, O'Neill grade, action taken) and events after an injection or cell therapy (the catalogue of
/// clinical-reference §6, CTCAE-style grade 1–5, actions). The suspect entity says which: CarePlan/{course} for a dive,
/// Procedure/{procedure} for an injection.</summary>
public static class AdverseEventFhir
{
    public const string HbotEventSystem = "urn:regenclinic:codesystem:hbot-adverse-event";
    public const string InjectionEventSystem = "urn:regenclinic:codesystem:injection-adverse-event";
    public const string SeveritySystem = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    public const string GradeSystem = "urn:regenclinic:codesystem:ctcae-grade";
    public const string ActionSystem = "urn:regenclinic:codesystem:adverse-event-action";
    public const string TimingSystem = "urn:regenclinic:codesystem:adverse-event-timing";
    public const string TimingExtension = "urn:regenclinic:fhir:StructureDefinition:adverse-event-timing";
    public const string ONeillExtension = "urn:regenclinic:fhir:StructureDefinition:oneill-grade";
    public const string ActionExtension = "urn:regenclinic:fhir:StructureDefinition:adverse-event-action";
    public const string NoteExtension = "urn:regenclinic:fhir:StructureDefinition:note";
    public const string DiveExtension = "urn:regenclinic:fhir:StructureDefinition:dive";
    public const string DiveIdSystem = "urn:regenclinic:sid:dive";

    // ---- HBOT ----------------------------------------------------------------------------------------------------------

    public static AdverseEvent ToFhir(this HbotAdverseEventRecord r)
    {
        var resource = new AdverseEvent
        {
            Id = r.Id.ToString(),
            Actuality = AdverseEvent.AdverseEventActuality.Actual,
            Event = new CodeableConcept(HbotEventSystem, FhirTokens.Kebab(r.Type.ToString()), r.Type.ToString()),
            Subject = new ResourceReference($"Patient/{r.PatientId}"),
            Date = FhirDates.DateTime(r.OccurredAt).Value,
            Recorder = new ResourceReference { Display = r.ReportedBy },
            Severity = new CodeableConcept(SeveritySystem, HbotSeverityCode(r.Severity)),
            Outcome = r.ClearedAt is null && r.PauseReason is not null
                ? new CodeableConcept("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "ongoing", "Ongoing") { Text = r.PauseReason }
                : null,
            SuspectEntity = [new AdverseEvent.SuspectEntityComponent { Instance = new ResourceReference($"CarePlan/{r.CourseId}") }],
        };
        resource.Extension.Add(new Extension(TimingExtension, new Coding(TimingSystem, FhirTokens.Kebab(r.Timing.ToString()))));
        if (r.ONeillGrade is { } grade) resource.Extension.Add(new Extension(ONeillExtension, new Integer((int)grade)));
        resource.Extension.Add(new Extension(ActionExtension, new CodeableConcept { Text = r.ActionTaken }));
        if (r.DiveId is { } dive) resource.Extension.Add(new Extension(DiveExtension, new Identifier(DiveIdSystem, dive.ToString())));
        return resource;
    }

    public static string HbotSeverityCode(HbotSeverity severity) => severity switch
    {
        HbotSeverity.Mild => "mild",
        HbotSeverity.Moderate => "moderate",
        _ => "severe",
    };

    // ---- Injections and cell therapy ---------------------------------------------------------------------------------

    public static AdverseEvent ToFhir(this AdverseEventRecord r)
    {
        var type = AdverseEventCatalog.All.FirstOrDefault(t => t.Code == r.EventCode);
        var resource = new AdverseEvent
        {
            Id = r.Id.ToString(),
            Actuality = AdverseEvent.AdverseEventActuality.Actual,
            Event = new CodeableConcept(InjectionEventSystem, r.EventCode, type?.DisplayEn),
            Subject = new ResourceReference($"Patient/{r.PatientId}"),
            Date = FhirDates.DateTime(r.OnsetAt).Value,
            RecordedDate = FhirDates.DateTime(r.RecordedAt).Value,
            Recorder = new ResourceReference { Display = r.ReportedBy },
            Severity = new CodeableConcept(GradeSystem, ((int)r.Severity).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Severity.ToString()),
            SuspectEntity = [new AdverseEvent.SuspectEntityComponent { Instance = new ResourceReference($"Procedure/{r.ProcedureId}") }],
        };
        foreach (var action in r.ActionList)
            resource.Extension.Add(new Extension(ActionExtension, new CodeableConcept(ActionSystem, FhirTokens.Kebab(action.ToString()), action.ToString())));
        if (r.Notes is { } notes) resource.Extension.Add(new Extension(NoteExtension, new FhirString(notes)));
        return resource;
    }

    // ---- FHIR → what the record use cases take ------------------------------------------------------------------------

    /// <summary>The suspect entity a posted AdverseEvent names: a procedure (injection) or a course (dive).</summary>
    public static (string Type, Guid Id) Suspect(AdverseEvent e)
    {
        var reference = e.SuspectEntity.Select(s => s.Instance?.Reference).FirstOrDefault(r => r is not null)
            ?? throw FhirException.Required("AdverseEvent.suspectEntity.instance");
        var parts = reference.Split('/');
        if (parts.Length >= 2 && parts[^2] is "Procedure" or "CarePlan" && Guid.TryParse(parts[^1], out var id)) return (parts[^2], id);
        throw FhirException.Invalid("AdverseEvent.suspectEntity.instance", $"'{reference}' is neither Procedure/{{id}} (injection) nor CarePlan/{{id}} (HBOT course).");
    }

    public static AdverseEventInput ToInjectionInput(this AdverseEvent e, Guid procedureId)
    {
        var code = CodeIn(e.Event, InjectionEventSystem) ?? throw FhirException.Invalid("AdverseEvent.event", $"needs a coding in {InjectionEventSystem}.");
        var onset = FhirDates.ParseInstant(e.Date, "AdverseEvent.date") ?? throw FhirException.Required("AdverseEvent.date");
        var gradeCode = CodeIn(e.Severity, GradeSystem) ?? throw FhirException.Invalid("AdverseEvent.severity", $"needs a grade 1–5 in {GradeSystem}.");
        if (!int.TryParse(gradeCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var grade)
            || !Enum.IsDefined((InjectionSeverity)grade))
        {
            throw FhirException.Invalid("AdverseEvent.severity", $"'{gradeCode}' is not a grade 1–5.");
        }
        var actions = new List<AdverseEventAction>();
        foreach (var ext in e.Extension.Where(x => x.Url == ActionExtension))
        {
            var actionCode = (ext.Value as CodeableConcept)?.Coding.FirstOrDefault(c => c.System == ActionSystem)?.Code;
            var action = FromCode<AdverseEventAction>(actionCode)
                ?? throw FhirException.Invalid("AdverseEvent.extension", $"'{actionCode}' is not an action code of {ActionSystem}.");
            actions.Add(action);
        }
        var notes = (e.Extension.FirstOrDefault(x => x.Url == NoteExtension)?.Value as FhirString)?.Value;
        return new AdverseEventInput(procedureId, code, onset, (InjectionSeverity)grade, actions, notes);
    }

    public static HbotAdverseEventEntry ToHbotEntry(this AdverseEvent e, Guid courseId)
    {
        var code = CodeIn(e.Event, HbotEventSystem) ?? throw FhirException.Invalid("AdverseEvent.event", $"needs a coding in {HbotEventSystem}.");
        var type = Parse<HyperbaricAdverseEventType>(code, "AdverseEvent.event");
        var timingCode = (e.Extension.FirstOrDefault(x => x.Url == TimingExtension)?.Value as Coding)?.Code
            ?? throw FhirException.Required("AdverseEvent.extension(adverse-event-timing)");
        var timing = Parse<AdverseEventTiming>(timingCode, "AdverseEvent.extension(adverse-event-timing)");
        var severity = CodeIn(e.Severity, SeveritySystem) switch
        {
            "mild" => HbotSeverity.Mild,
            "moderate" => HbotSeverity.Moderate,
            "severe" => HbotSeverity.Severe,
            null => throw FhirException.Required("AdverseEvent.severity"),
            var other => throw FhirException.Invalid("AdverseEvent.severity", $"'{other}' is not mild, moderate or severe."),
        };
        ONeillGrade? grade = e.Extension.FirstOrDefault(x => x.Url == ONeillExtension)?.Value is Integer { Value: { } g } ? (ONeillGrade)g : null;
        var action = (e.Extension.FirstOrDefault(x => x.Url == ActionExtension)?.Value as CodeableConcept)?.Text ?? "";
        Guid? dive = (e.Extension.FirstOrDefault(x => x.Url == DiveExtension)?.Value as Identifier)?.Value is { } d && Guid.TryParse(d, out var diveId) ? diveId : null;
        return new HbotAdverseEventEntry(courseId, dive, type, timing, severity, grade, action, FhirDates.ParseInstant(e.Date, "AdverseEvent.date"));
    }

    /// <summary>Domain field names of both record use cases → the FHIR element they come from.</summary>
    public static string Element(string? field) => field switch
    {
        "eventCode" or "type" => "AdverseEvent.event",
        "onsetAt" or "occurredAt" => "AdverseEvent.date",
        "severity" => "AdverseEvent.severity",
        "actions" or "actionTaken" => "AdverseEvent.extension(adverse-event-action)",
        "oNeillGrade" => "AdverseEvent.extension(oneill-grade)",
        "timing" => "AdverseEvent.extension(adverse-event-timing)",
        "notes" => "AdverseEvent.extension(note)",
        "procedureId" or "courseId" => "AdverseEvent.suspectEntity.instance",
        _ => "AdverseEvent",
    };

    private static TEnum? FromCode<TEnum>(string? code) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => FhirTokens.Kebab(v.ToString()) == code).Cast<TEnum?>().FirstOrDefault();

    private static TEnum Parse<TEnum>(string code, string element) where TEnum : struct, Enum =>
        FromCode<TEnum>(code) ?? throw FhirException.Invalid(element, $"'{code}' is not one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => FhirTokens.Kebab(v.ToString())))}.");

    private static string? CodeIn(CodeableConcept? concept, string system) => concept?.Coding.FirstOrDefault(c => c.System == system)?.Code;
}
