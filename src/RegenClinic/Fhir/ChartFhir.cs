using Hl7.Fhir.Model;
using RegenClinic.Domain.Patients;
using ObservationCategory = RegenClinic.Domain.Patients.ObservationCategory;

using PatientCodes = RegenClinic.Domain.Patients.Codes;

namespace RegenClinic.Fhir;

/// <summary>Chart entries as FHIR R4 and back: Condition, MedicationStatement, AllergyIntolerance, Observation, Procedure.
/// A voided entry is served as entered-in-error; an amendment names the entry it replaces (extension replaces).</summary>
public static class ChartFhir
{
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    public const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string Ucum = "http://unitsofmeasure.org";

    private static ResourceReference Subject(ChartEntry e) => new($"Patient/{e.PatientId}");

    private static List<Annotation> Notes(string? note) => note is null ? [] : [new Annotation { Text = note }];

    // ---- Condition ---------------------------------------------------------------------------------------------------

    public static Condition ToFhir(this ConditionEntry c)
    {
        var condition = new Condition
        {
            Id = c.Id.ToString(),
            ClinicalStatus = new CodeableConcept(ConditionClinical, ClinicalCode(c.ClinicalStatus)),
            VerificationStatus = new CodeableConcept(ConditionVerification, c.VoidedAt is null ? "confirmed" : "entered-in-error"),
            Category = [new CodeableConcept(ConditionCategory, "problem-list-item")],
            Code = new CodeableConcept(PatientCodes.Icd10CmSystem, c.Code, c.Display, c.Display),
            Subject = Subject(c),
            Onset = c.Onset is { } onset ? new FhirDateTime(FhirDates.Date(onset)) : null,
            Abatement = c.Abatement is { } abatement ? new FhirDateTime(FhirDates.Date(abatement)) : null,
            BodySite = c.BodySite is { } site ? [new CodeableConcept { Text = site }] : [],
            RecordedDate = FhirDates.DateTime(c.RecordedAt).Value,
            Recorder = null,
            Asserter = null,
            Note = Notes(c.Note),
        };
        if (c.StageSystem is { } system && c.Stage is { } stage)
            condition.Stage = [new Condition.StageComponent { Summary = new CodeableConcept(system, stage) }];
        return condition;
    }

    public static ConditionDetails ToDetails(this Condition c)
    {
        var coding = c.Code?.Coding.FirstOrDefault(x => x.System == PatientCodes.Icd10CmSystem)
            ?? throw FhirException.Invalid("Condition.code", $"needs a coding in {PatientCodes.Icd10CmSystem}.");
        var status = CodeIn(c.ClinicalStatus, ConditionClinical) switch
        {
            null => throw FhirException.Required("Condition.clinicalStatus"),
            "active" => ClinicalStatus.Active,
            "recurrence" => ClinicalStatus.Recurrence,
            "relapse" => ClinicalStatus.Relapse,
            "inactive" => ClinicalStatus.Inactive,
            "remission" => ClinicalStatus.Remission,
            "resolved" => ClinicalStatus.Resolved,
            var other => throw FhirException.Invalid("Condition.clinicalStatus", $"'{other}' is not a condition-clinical code."),
        };
        if (CodeIn(c.VerificationStatus, ConditionVerification) is "refuted" or "entered-in-error")
            throw FhirException.Invalid("Condition.verificationStatus", "A refuted or entered-in-error condition is not recorded.");
        var stage = c.Stage.SelectMany(s => s.Summary?.Coding ?? []).FirstOrDefault(x => x.System is StageSystems.Arco2019 or StageSystems.Aaoms2022);
        return new ConditionDetails(coding.Code ?? "", coding.Display ?? c.Code!.Text ?? "", status,
            DateOf(c.Onset, "Condition.onset"), DateOf(c.Abatement, "Condition.abatement"),
            c.BodySite.FirstOrDefault()?.Text, stage?.System, stage?.Code, c.Note.FirstOrDefault()?.Text);
    }

    public static string ConditionElement(string? field) => field switch
    {
        "code" or "display" => "Condition.code",
        "clinicalStatus" => "Condition.clinicalStatus",
        "onset" => "Condition.onset",
        "abatement" => "Condition.abatement",
        "bodySite" => "Condition.bodySite",
        "stage" or "stageSystem" => "Condition.stage.summary",
        "note" => "Condition.note",
        _ => "Condition",
    };

    public static string ClinicalCode(ClinicalStatus status) => status.ToString().ToLowerInvariant();

    // ---- MedicationStatement ---------------------------------------------------------------------------------------

    public static MedicationStatement ToFhir(this MedicationEntry m) => new()
    {
        Id = m.Id.ToString(),
        Status = m.VoidedAt is not null ? MedicationStatement.MedicationStatusCodes.EnteredInError : m.Status switch
        {
            MedicationStatus.Active => MedicationStatement.MedicationStatusCodes.Active,
            MedicationStatus.Intended => MedicationStatement.MedicationStatusCodes.Intended,
            MedicationStatus.OnHold => MedicationStatement.MedicationStatusCodes.OnHold,
            MedicationStatus.Completed => MedicationStatement.MedicationStatusCodes.Completed,
            _ => MedicationStatement.MedicationStatusCodes.Stopped,
        },
        Medication = new CodeableConcept(PatientCodes.AtcSystem, m.AtcCode, m.Display, m.Display),
        Subject = Subject(m),
        Effective = m.Start is null && m.End is null ? null
            : new Period { Start = m.Start is { } s ? FhirDates.Date(s) : null, End = m.End is { } e ? FhirDates.Date(e) : null },
        DateAsserted = FhirDates.DateTime(m.RecordedAt).Value,
        Dosage = m.Dose is { } dose ? [new Dosage { Text = dose }] : [],
        Note = Notes(m.Note),
    };

    public static MedicationDetails ToDetails(this MedicationStatement s)
    {
        var concept = s.Medication as CodeableConcept
            ?? throw FhirException.Invalid("MedicationStatement.medication", "must be a medicationCodeableConcept with an ATC coding.");
        var coding = concept.Coding.FirstOrDefault(x => x.System == PatientCodes.AtcSystem)
            ?? throw FhirException.Invalid("MedicationStatement.medication", $"needs a coding in {PatientCodes.AtcSystem}.");
        var status = s.Status switch
        {
            MedicationStatement.MedicationStatusCodes.Active => MedicationStatus.Active,
            MedicationStatement.MedicationStatusCodes.Intended => MedicationStatus.Intended,
            MedicationStatement.MedicationStatusCodes.OnHold => MedicationStatus.OnHold,
            MedicationStatement.MedicationStatusCodes.Completed => MedicationStatus.Completed,
            MedicationStatement.MedicationStatusCodes.Stopped => MedicationStatus.Stopped,
            null => throw FhirException.Required("MedicationStatement.status"),
            var other => throw FhirException.Invalid("MedicationStatement.status", $"'{other}' is not recorded by the clinic (active, intended, on-hold, completed, stopped)."),
        };
        var (start, end) = s.Effective switch
        {
            Period p => (FhirDates.ParseDate(p.Start, "MedicationStatement.effective.start"), FhirDates.ParseDate(p.End, "MedicationStatement.effective.end")),
            FhirDateTime d => (FhirDates.ParseDate(d.Value, "MedicationStatement.effective"), null),
            _ => (null, null),
        };
        return new MedicationDetails(coding.Code ?? "", coding.Display ?? concept.Text ?? "", status, s.Dosage.FirstOrDefault()?.Text, start, end,
            s.Note.FirstOrDefault()?.Text);
    }

    public static string MedicationElement(string? field) => field switch
    {
        "atcCode" or "display" => "MedicationStatement.medication",
        "status" => "MedicationStatement.status",
        "dose" => "MedicationStatement.dosage",
        "start" => "MedicationStatement.effective.start",
        "end" => "MedicationStatement.effective.end",
        "note" => "MedicationStatement.note",
        _ => "MedicationStatement",
    };

    // ---- AllergyIntolerance ----------------------------------------------------------------------------------------

    public static AllergyIntolerance ToFhir(this AllergyEntry a)
    {
        var code = new CodeableConcept { Text = a.Substance };
        if (a.AtcCode is { } atc) code.Coding.Add(new Coding(PatientCodes.AtcSystem, atc));
        return new AllergyIntolerance
        {
            Id = a.Id.ToString(),
            ClinicalStatus = a.VoidedAt is null ? new CodeableConcept(AllergyClinical, "active") : null,
            VerificationStatus = new CodeableConcept(AllergyVerification, a.VoidedAt is null ? "confirmed" : "entered-in-error"),
            Code = code,
            Patient = Subject(a),
            Criticality = a.Criticality switch
            {
                AllergyCriticality.Low => AllergyIntolerance.AllergyIntoleranceCriticality.Low,
                AllergyCriticality.High => AllergyIntolerance.AllergyIntoleranceCriticality.High,
                _ => AllergyIntolerance.AllergyIntoleranceCriticality.UnableToAssess,
            },
            RecordedDate = FhirDates.DateTime(a.RecordedAt).Value,
            Reaction = a.Reaction is { } reaction ? [new AllergyIntolerance.ReactionComponent { Manifestation = [new CodeableConcept { Text = reaction }] }] : [],
        };
    }

    public static AllergyDetails ToDetails(this AllergyIntolerance a)
    {
        if (CodeIn(a.VerificationStatus, AllergyVerification) is "refuted" or "entered-in-error")
            throw FhirException.Invalid("AllergyIntolerance.verificationStatus", "A refuted or entered-in-error allergy is not recorded.");
        if (CodeIn(a.ClinicalStatus, AllergyClinical) is "inactive" or "resolved")
            throw FhirException.Invalid("AllergyIntolerance.clinicalStatus", "The clinic records active allergies only.");
        var atc = a.Code?.Coding.FirstOrDefault(x => x.System == PatientCodes.AtcSystem);
        var substance = a.Code?.Text ?? a.Code?.Coding.Select(x => x.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))
            ?? throw FhirException.Invalid("AllergyIntolerance.code", "needs a text or a coding display naming the substance.");
        var reaction = a.Reaction.SelectMany(r => r.Manifestation).Select(m => m.Text ?? m.Coding.FirstOrDefault()?.Display).FirstOrDefault(t => t is not null);
        var criticality = a.Criticality switch
        {
            AllergyIntolerance.AllergyIntoleranceCriticality.Low => AllergyCriticality.Low,
            AllergyIntolerance.AllergyIntoleranceCriticality.High => AllergyCriticality.High,
            _ => AllergyCriticality.Unknown,
        };
        return new AllergyDetails(substance, atc?.Code, reaction, criticality);
    }

    public static string AllergyElement(string? field) => field switch
    {
        "substance" or "atcCode" => "AllergyIntolerance.code",
        "reaction" => "AllergyIntolerance.reaction.manifestation",
        "criticality" => "AllergyIntolerance.criticality",
        _ => "AllergyIntolerance",
    };

    // ---- Observation -----------------------------------------------------------------------------------------------

    public static Observation ToFhir(this ObservationEntry o) => new()
    {
        Id = o.Id.ToString(),
        Status = o.VoidedAt is not null ? ObservationStatus.EnteredInError : o.Amends is not null ? ObservationStatus.Amended : ObservationStatus.Final,
        Category = [new CodeableConcept(ObservationCategorySystem, CategoryCode(o.Category))],
        Code = new CodeableConcept(PatientCodes.LoincSystem, o.LoincCode, o.Display, o.Display),
        Subject = Subject(o),
        Effective = FhirDates.DateTime(o.EffectiveAt),
        Issued = o.RecordedAt.ToDateTimeOffset(),
        Value = o.Value is { } value
            ? new Quantity { Value = value, Unit = o.Unit, System = Ucum, Code = o.Unit }
            : new CodeableConcept(o.ValueCodeSystem, o.ValueCode, o.ValueDisplay, o.ValueDisplay),
    };

    public static ObservationDetails ToDetails(this Observation o)
    {
        if (o.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled)
            throw FhirException.Invalid("Observation.status", "An entered-in-error or cancelled observation is not recorded.");
        var coding = o.Code?.Coding.FirstOrDefault(x => x.System == PatientCodes.LoincSystem)
            ?? throw FhirException.Invalid("Observation.code", $"needs a coding in {PatientCodes.LoincSystem}.");
        var categoryCode = o.Category.SelectMany(c => c.Coding).FirstOrDefault(c => c.System == ObservationCategorySystem)?.Code;
        var category = categoryCode switch
        {
            "vital-signs" => ObservationCategory.VitalSigns,
            "laboratory" => ObservationCategory.Laboratory,
            "survey" => ObservationCategory.Survey,
            null => throw FhirException.Invalid("Observation.category", "needs vital-signs, laboratory or survey (observation-category)."),
            var other => throw FhirException.Invalid("Observation.category", $"'{other}' is not recorded by the clinic (vital-signs, laboratory, survey)."),
        };
        var effective = o.Effective switch
        {
            FhirDateTime d => FhirDates.ParseInstant(d.Value, "Observation.effective"),
            Hl7.Fhir.Model.Instant i when i.Value is { } v => NodaTime.Instant.FromDateTimeOffset(v),
            _ => null,
        } ?? throw FhirException.Required("Observation.effective[x]");
        return o.Value switch
        {
            Quantity q => new ObservationDetails(coding.Code ?? "", coding.Display ?? o.Code!.Text ?? "", category, effective, q.Value, q.Code ?? q.Unit),
            CodeableConcept cc when cc.Coding.FirstOrDefault() is { } answer =>
                new ObservationDetails(coding.Code ?? "", coding.Display ?? o.Code!.Text ?? "", category, effective,
                    ValueCodeSystem: answer.System, ValueCode: answer.Code, ValueDisplay: answer.Display ?? cc.Text),
            _ => throw FhirException.Invalid("Observation.value[x]", "needs a valueQuantity or a coded valueCodeableConcept."),
        };
    }

    public static string ObservationElement(string? field) => field switch
    {
        "loincCode" or "display" => "Observation.code",
        "category" => "Observation.category",
        "effectiveAt" => "Observation.effective",
        "value" or "unit" => "Observation.valueQuantity",
        "valueCodeSystem" or "valueCode" or "valueDisplay" => "Observation.valueCodeableConcept",
        _ => "Observation",
    };

    public static string CategoryCode(ObservationCategory category) => category switch
    {
        ObservationCategory.VitalSigns => "vital-signs",
        ObservationCategory.Laboratory => "laboratory",
        _ => "survey",
    };

    // ---- Procedure (chart history) ---------------------------------------------------------------------------------

    public static Procedure ToFhir(this ProcedureEntry p) => new()
    {
        Id = p.Id.ToString(),
        Status = p.VoidedAt is null ? EventStatus.Completed : EventStatus.EnteredInError,
        Code = new CodeableConcept(PatientCodes.SnomedSystem, p.Code, p.Display, p.Display),
        Subject = Subject(p),
        Performed = new FhirDateTime(FhirDates.Date(p.Performed)),
        Note = Notes(p.Note),
    };

    /// <summary>A procedure from the chart history as the chart records it: a SNOMED CT code and the date performed.</summary>
    public static ProcedureDetails ToDetails(this Procedure p)
    {
        var coding = p.Code?.Coding.FirstOrDefault(x => x.System == PatientCodes.SnomedSystem)
            ?? throw FhirException.Invalid("Procedure.code", $"needs a coding in {PatientCodes.SnomedSystem}; dives and injections are charted in the app, not created here.");
        if (p.Status is not (EventStatus.Completed or null))
            throw FhirException.Invalid("Procedure.status", "The chart history records completed procedures only.");
        var performed = p.Performed switch
        {
            FhirDateTime d => FhirDates.ParseDate(d.Value, "Procedure.performed"),
            Period period => FhirDates.ParseDate(period.Start ?? period.End, "Procedure.performed"),
            null => null,
            _ => throw FhirException.Invalid("Procedure.performed", "must be a performedDateTime or a performedPeriod."),
        } ?? throw FhirException.Required("Procedure.performed[x]");
        return new ProcedureDetails(coding.Code ?? "", coding.Display ?? p.Code!.Text ?? "", performed, p.Note.FirstOrDefault()?.Text);
    }

    public static string ProcedureElement(string? field) => field switch
    {
        "code" or "display" => "Procedure.code",
        "performed" => "Procedure.performed",
        "note" => "Procedure.note",
        _ => "Procedure",
    };

    // ---- helpers ---------------------------------------------------------------------------------------------------

    public const string ReplacesExtension = "urn:regenclinic:fhir:StructureDefinition:replaces";

    /// <summary>An amendment names the version it replaces, which stays readable by its id.</summary>
    public static Resource WithReplaces(Resource resource, ChartEntry entry)
    {
        if (entry.Amends is { } previous && resource is DomainResource domain && domain.Extension.All(e => e.Url != ReplacesExtension))
            domain.Extension.Add(new Extension(ReplacesExtension, new ResourceReference($"{resource.TypeName}/{previous}")));
        return resource;
    }

    private static string? CodeIn(CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c.System == system)?.Code ?? concept?.Coding.FirstOrDefault()?.Code;

    private static NodaTime.LocalDate? DateOf(DataType? value, string element) => value switch
    {
        null => null,
        FhirDateTime d => FhirDates.ParseDate(d.Value, element),
        Period p => FhirDates.ParseDate(p.Start ?? p.End, element),
        _ => throw FhirException.Invalid(element, "must be a dateTime or a Period."),
    };
}
