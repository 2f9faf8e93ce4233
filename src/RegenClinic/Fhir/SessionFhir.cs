using Hl7.Fhir.Model;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Fhir;

/// <summary>One patient's seat in one dive: the pre-dive checklist that let them in (its id is the session's id) and the dive.</summary>
public sealed class DiveSession
{
    public required PreDiveChecklistRecord Checklist { get; init; }
    public required HbotDive Dive { get; init; }
}

/// <summary>Treatments given as FHIR Procedure: an HBOT session from the dive log (table, pressure, times, oxygen dose) and a charted
/// ozone, prolotherapy or cell-therapy procedure; and an imaging stage (ARCO, AAOMS) as an Observation.</summary>
public static class SessionFhir
{
    public const string TableSystem = "urn:regenclinic:codesystem:treatment-table";
    public const string FamilySystem = "urn:regenclinic:codesystem:procedure-family";
    public const string LocalObservationSystem = "urn:regenclinic:codesystem:observation";
    public const string ImagingStageCode = "imaging-stage";
    public const string Hbot = "hbot";

    public const string TableExtension = "urn:regenclinic:fhir:StructureDefinition:treatment-table";
    public const string MaxPressureExtension = "urn:regenclinic:fhir:StructureDefinition:max-pressure";
    public const string OxygenDoseExtension = "urn:regenclinic:fhir:StructureDefinition:oxygen-dose";
    public const string MaxPo2Extension = "urn:regenclinic:fhir:StructureDefinition:max-po2";
    public const string SessionNumberExtension = "urn:regenclinic:fhir:StructureDefinition:session-number";
    public const string OzoneDoseExtension = "urn:regenclinic:fhir:StructureDefinition:ozone-dose";
    public const string VolumeExtension = "urn:regenclinic:fhir:StructureDefinition:injected-volume";

    // ---- HBOT session -------------------------------------------------------------------------------------------------

    public static Procedure ToFhir(this DiveSession s)
    {
        var dive = s.Dive;
        var events = dive.Events;
        var start = events.FirstOrDefault(e => e.Phase == DivePhase.CompressionStart)?.At;
        var surface = events.LastOrDefault(e => e.Phase == DivePhase.Surface)?.At;
        var procedure = new Procedure
        {
            Id = s.Checklist.Id.ToString(),
            Status = DiveStatus(dive.Status),
            Category = new CodeableConcept(ClinicFhir.TherapySystem, Hbot, "Hyperbaric oxygen therapy"),
            Code = new CodeableConcept(ClinicFhir.TherapySystem, Hbot, "Hyperbaric oxygen therapy", $"HBOT session {s.Checklist.SessionNumber}, table {dive.TableId}"),
            Subject = new ResourceReference($"Patient/{s.Checklist.PatientId}"),
            BasedOn = [new ResourceReference($"CarePlan/{s.Checklist.CourseId}")],
            Location = new ResourceReference($"Location/{dive.ChamberId}"),
            Performed = start is { } from
                ? new Period { Start = FhirDates.DateTime(from).Value, End = surface is { } to ? FhirDates.DateTime(to).Value : null }
                : new FhirDateTime(FhirDates.Date(dive.Date)),
            Performer = [new Procedure.PerformerComponent
            {
                Function = new CodeableConcept { Text = "Chamber operator" },
                Actor = new ResourceReference { Display = dive.Operator },
            }],
        };
        if (dive.Attendant is { } attendant)
            procedure.Performer.Add(new Procedure.PerformerComponent { Function = new CodeableConcept { Text = "Inside attendant" }, Actor = new ResourceReference { Display = attendant } });
        procedure.Extension.Add(new Extension(TableExtension, new Coding(TableSystem, dive.TableId)));
        procedure.Extension.Add(new Extension(SessionNumberExtension, new PositiveInt(s.Checklist.SessionNumber)));
        if (events.Count > 0)
            procedure.Extension.Add(new Extension(MaxPressureExtension, Atm(events.Max(e => e.Pressure.Value))));
        if (dive.Otu is { } otu)
            procedure.Extension.Add(new Extension(OxygenDoseExtension, new Quantity { Value = Round(otu), Unit = "UPTD", System = ChartFhir.Ucum, Code = "{UPTD}" }));
        if (dive.MaxPo2 is { } po2)
            procedure.Extension.Add(new Extension(MaxPo2Extension, Atm(po2)));
        return procedure;
    }

    public static EventStatus DiveStatus(Domain.Hyperbaric.DiveStatus status) => status switch
    {
        Domain.Hyperbaric.DiveStatus.Planned => EventStatus.Preparation,
        Domain.Hyperbaric.DiveStatus.InProgress => EventStatus.InProgress,
        _ => EventStatus.Completed,
    };

    private static Quantity Atm(double value) => new() { Value = Round(value), Unit = "atm", System = ChartFhir.Ucum, Code = "atm" };

    private static decimal Round(double value) => Math.Round((decimal)value, 2);

    // ---- Injection and cell-therapy procedure --------------------------------------------------------------------------

    public static Procedure ToFhir(this ProcedureRecord p)
    {
        var procedure = new Procedure
        {
            Id = p.Id.ToString(),
            Status = p.VoidedAt is null ? EventStatus.Completed : EventStatus.EnteredInError,
            Category = new CodeableConcept(FamilySystem, FamilyCode(p.Family), p.Family.ToString()),
            Code = new CodeableConcept(ClinicFhir.TherapySystem, p.Therapy, p.Therapy, p.Summary),
            Subject = new ResourceReference($"Patient/{p.PatientId}"),
            BasedOn = [new ResourceReference($"CarePlan/{p.CourseId}")],
            Performed = FhirDates.DateTime(p.PerformedAt),
            Performer = [new Procedure.PerformerComponent { Actor = new ResourceReference { Display = p.PerformedBy } }],
            Note = [new Annotation { Text = p.Summary }],
        };
        procedure.Extension.Add(new Extension(SessionNumberExtension, new PositiveInt(p.SessionIndex)));
        if (p.TotalOzoneMicrograms is { } ozone)
            procedure.Extension.Add(new Extension(OzoneDoseExtension, new Quantity { Value = ozone, Unit = "ug", System = ChartFhir.Ucum, Code = "ug" }));
        procedure.Extension.Add(new Extension(VolumeExtension, new Quantity { Value = p.TotalVolumeMl, Unit = "mL", System = ChartFhir.Ucum, Code = "mL" }));
        if (p.Amends is { } amends) procedure.Extension.Add(new Extension(ChartFhir.ReplacesExtension, new ResourceReference($"Procedure/{amends}")));
        return procedure;
    }

    public static string FamilyCode(ProcedureFamily family) => family switch
    {
        ProcedureFamily.Ozone => "ozone",
        ProcedureFamily.Prolotherapy => "prolotherapy",
        _ => "cell-therapy",
    };

    // ---- Imaging stage -------------------------------------------------------------------------------------------------

    /// <summary>The stage an imaging study found (ARCO 2019 for osteonecrosis, AAOMS 2022 for MRONJ), with its finding as a note.
    /// No LOINC code is given for these stagings by the clinical reference, so the code is local.</summary>
    public static Observation ToStageObservation(this ImagingStudyEntry e) => new()
    {
        Id = e.Id.ToString(),
        Status = e.VoidedAt is not null ? ObservationStatus.EnteredInError : e.Amends is not null ? ObservationStatus.Amended : ObservationStatus.Final,
        Category = [new CodeableConcept(ChartFhir.ObservationCategorySystem, "imaging", "Imaging")],
        Code = new CodeableConcept(LocalObservationSystem, ImagingStageCode, "Imaging stage", $"{e.StageSystem} stage on {e.Modality}"),
        Subject = new ResourceReference($"Patient/{e.PatientId}"),
        Effective = new FhirDateTime(FhirDates.Date(e.Date)),
        Issued = e.RecordedAt.ToDateTimeOffset(),
        Value = new CodeableConcept(e.StageSystem, e.Stage, null, e.Stage),
        BodySite = new CodeableConcept { Text = e.BodySite },
        Method = new CodeableConcept("http://dicom.nema.org/resources/ontology/DCM", e.Modality.ToString()),
        Note = [new Annotation { Text = e.Finding }],
    };
}
