using System.Globalization;
using Microsoft.AspNetCore.Components;
using NodaTime;
using NodaTime.Text;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;
using RegenClinic.Web.Infrastructure;
using RegenClinic.Web.Patients;

namespace RegenClinic.Web.Components.Pages.Patients;

/// <summary>Form fields shared by every kind of chart entry; each kind uses the ones it needs.</summary>
public sealed class EntryInput
{
    public string? Code { get; set; }
    public string? Display { get; set; }
    public string? Status { get; set; }
    public string? BodySite { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Text1 { get; set; }
    public string? Text2 { get; set; }
    public string? Number { get; set; }
    public string? StageSystem { get; set; }
    public string? Stage { get; set; }
    public string? Reason { get; set; }
}

public sealed partial class EntryForm
{
    /// <summary>The vitals and labs the rules read (clinical-reference §1, §3), with their UCUM units.</summary>
    internal static readonly (string Code, string Label, string Unit)[] CommonObservations =
    [
        ("8310-5", "Body temperature", "Cel"), ("8867-4", "Heart rate", "/min"), ("8480-6", "Systolic blood pressure", "mm[Hg]"),
        ("8462-4", "Diastolic blood pressure", "mm[Hg]"), ("2339-0", "Glucose", "mg/dL"), ("777-3", "Platelets", "10*3/uL"),
        ("10230-1", "Left ventricular ejection fraction", "%"), ("6301-6", "INR", "{INR}"), ("29463-7", "Body weight", "kg"),
        ("72514-3", "Pain severity 0-10 NRS", "{score}"),
    ];

    [Parameter] public Guid Id { get; set; }
    [Parameter] public string Kind { get; set; } = "";
    [SupplyParameterFromQuery] public Guid? Amends { get; set; }
    [SupplyParameterFromForm] public EntryInput? Posted { get; set; }

    private EntryInput Input => Posted ??= new();

    private ChartEntryKind? kind;
    private FormErrors errors = default!;

    private string Title => T[(Amends is null ? "Add " : "Amend ") + Kind];

    protected override async Task OnInitializedAsync()
    {
        errors = new FormErrors(T);
        kind = PatientEndpoints.KindFromRoute(Kind);
        var posted = HttpMethods.IsPost(HttpContext.Request.Method);
        if (kind is { } k && Amends is { } amends && !posted)
            Prefill(await Record.OpenForAmendmentAsync(Id, k, amends));
    }

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    private async Task SubmitAsync()
    {
        if (kind is not { } k) return;
        FillDisplayFromCatalog(k);
        var details = Build(k);
        if (details is null || errors.Any) return;
        try
        {
            await Record.HandleAsync(Id, details, Amends, Input.Reason);
            Nav.NavigateTo($"/patients/{Id}");
        }
        catch (DomainException ex)
        {
            errors.Add(ex);
        }
    }

    private object? Build(ChartEntryKind k) => k switch
    {
        ChartEntryKind.Condition => new ConditionDetails(Input.Code ?? "", Input.Display ?? "", Choice<ClinicalStatus>("clinicalStatus"),
            Date(Input.Start, "onset"), Date(Input.End, "abatement"), Input.BodySite, Input.StageSystem, Input.Stage),
        ChartEntryKind.Medication => new MedicationDetails(Input.Code ?? "", Input.Display ?? "", Choice<MedicationStatus>("status"),
            Input.Text1, Date(Input.Start, "start"), Date(Input.End, "end")),
        ChartEntryKind.Allergy => new AllergyDetails(Input.Display ?? "", Input.Code, Input.Text1),
        ChartEntryKind.Observation => Observation(),
        ChartEntryKind.Imaging => new ImagingDetails(Choice<ImagingModality>("modality"), Date(Input.Start, "date") ?? Missing("date"),
            Input.BodySite ?? "", Input.Text1 ?? "", Input.StageSystem, Input.Stage),
        ChartEntryKind.Assessment => new AssessmentDetails(Date(Input.Start, "date") ?? Missing("date"), Input.Text1 ?? "", Input.Text2 ?? "",
            Int(Input.Number, "baselinePain"), Input.Display),
        ChartEntryKind.Procedure => new ProcedureDetails(Input.Code ?? "", ProcedureEntry.Known.FirstOrDefault(p => p.Code == Input.Code).Display ?? Input.Display ?? "",
            Date(Input.Start, "performed") ?? Missing("performed"), Input.Text1),
        _ => null,
    };

    /// <summary>A code picked without a description takes the bundled list's display.</summary>
    private void FillDisplayFromCatalog(ChartEntryKind k)
    {
        var system = k switch { ChartEntryKind.Condition => Codes.CodeSystem.Icd10Cm, ChartEntryKind.Medication => Codes.CodeSystem.Atc, _ => (Codes.CodeSystem?)null };
        if (system is { } s && string.IsNullOrWhiteSpace(Input.Display) && Input.Code is { Length: > 0 } code
            && Codes.CodeCatalog.Shared.TryGetDisplay(s, code, out var display))
        {
            Input.Display = display;
        }
    }

    private ObservationDetails? Observation()
    {
        var known = CommonObservations.FirstOrDefault(o => o.Code == Input.Code);
        if (known.Code is null) errors.Invalid("loincCode");
        var at = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(Input.Start ?? "");
        if (!at.Success) errors.Invalid("effectiveAt");
        decimal? value = decimal.TryParse(Input.Number?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (value is null) errors.Invalid("value");
        if (errors.Any) return null;
        var category = known.Code is "8310-5" or "8867-4" or "8480-6" or "8462-4" or "29463-7" ? ObservationCategory.VitalSigns
            : known.Code == "72514-3" ? ObservationCategory.Survey : ObservationCategory.Laboratory;
        return new ObservationDetails(known.Code!, known.Label, category, Time.ToInstant(at.Value), value, known.Unit);
    }

    private LocalDate? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success) return parsed.Value;
        errors.Invalid(field);
        return null;
    }

    private LocalDate Missing(string field)
    {
        if (!errors.ContainsKey(field)) errors.Required(field);
        return default;
    }

    private int? Int(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Invalid(field);
        return null;
    }

    private T Choice<T>(string field) where T : struct, System.Enum
    {
        if (System.Enum.TryParse<T>(Input.Status, out var value)) return value;
        errors.Invalid(field);
        return default;
    }

    private void Prefill(ChartEntry entry)
    {
        string? D(LocalDate? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (entry)
        {
            case ConditionEntry c:
                (Input.Code, Input.Display, Input.Status, Input.BodySite, Input.Start, Input.End, Input.StageSystem, Input.Stage) =
                    (c.Code, c.Display, c.ClinicalStatus.ToString(), c.BodySite, D(c.Onset), D(c.Abatement), c.StageSystem, c.Stage);
                break;
            case MedicationEntry m:
                (Input.Code, Input.Display, Input.Status, Input.Text1, Input.Start, Input.End) = (m.AtcCode, m.Display, m.Status.ToString(), m.Dose, D(m.Start), D(m.End));
                break;
            case AllergyEntry a:
                (Input.Display, Input.Code, Input.Text1) = (a.Substance, a.AtcCode, a.Reaction);
                break;
            case ObservationEntry o:
                (Input.Code, Input.Number, Input.Start) = (o.LoincCode, o.Value?.ToString(CultureInfo.InvariantCulture),
                    Time.Local(o.EffectiveAt).LocalDateTime.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
                break;
            case ImagingStudyEntry i:
                (Input.Status, Input.Start, Input.BodySite, Input.Text1, Input.StageSystem, Input.Stage) = (i.Modality.ToString(), D(i.Date), i.BodySite, i.Finding, i.StageSystem, i.Stage);
                break;
            case ProcedureEntry p:
                (Input.Code, Input.Start, Input.Text1) = (p.Code, D(p.Performed), p.Note);
                break;
            case AssessmentEntry s:
                (Input.Start, Input.Text1, Input.Text2, Input.Number, Input.Display) = (D(s.Date), s.History, s.Examination, s.BaselinePain?.ToString(CultureInfo.InvariantCulture), s.Plan);
                break;
        }
    }
}
