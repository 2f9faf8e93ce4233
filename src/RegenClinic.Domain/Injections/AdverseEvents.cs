using NodaTime;

namespace RegenClinic.Domain.Injections;

/// <summary>Severity of an adverse event (CTCAE-style grades 1–5).</summary>
public enum AdverseEventSeverity
{
    Mild = 1,
    Moderate = 2,
    Severe = 3,
    LifeThreatening = 4,
    Fatal = 5,
}

/// <summary>What was done about an adverse event.</summary>
public enum AdverseEventAction
{
    ObservationOnly,
    LocalCare,
    Medication,
    ProcedureStopped,
    EmergencyTreatment,
    HospitalTransfer,
    Referral,
}

/// <summary>A catalogue entry. <paramref name="Therapies"/> are therapy ids (§1) for which it is offered on the form;
/// <paramref name="MinimumSeverity"/> rejects an under-graded report (anaphylaxis is never mild).</summary>
public sealed record AdverseEventType(
    string Code,
    string DisplayEn,
    string DisplayNl,
    IReadOnlyList<string> Therapies,
    AdverseEventSeverity MinimumSeverity,
    string Source);

public sealed record AdverseEventReport(
    string ProcedureId,
    string EventCode,
    Instant ProcedureAt,
    Instant OnsetAt,
    AdverseEventSeverity Severity,
    IReadOnlyList<AdverseEventAction> Actions,
    string ReportedBy,
    string? Notes = null);

/// <summary>Adverse events after injections and cell therapy (clinical-reference §6), as data.</summary>
public static class AdverseEventCatalog
{
    private const string Source = "clinical-reference §6";
    private static readonly string[] AllInjectionTherapies =
        ["ozone-injection", "ozone-autohemotherapy", "prolotherapy", "cell-therapy-bmac", "cell-therapy-adipose", "cell-therapy-allogeneic"];

    private static readonly string[] NeedleTherapies =
        ["ozone-injection", "prolotherapy", "cell-therapy-bmac", "cell-therapy-adipose", "cell-therapy-allogeneic"];

    private static readonly string[] Harvest = ["cell-therapy-bmac", "cell-therapy-adipose"];

    public static IReadOnlyList<AdverseEventType> All { get; } =
    [
        new("post-injection-flare", "Post-injection flare (pain up to 72 h, about 10%)", "Opvlamming na injectie (pijn tot 72 uur, ongeveer 10%)", NeedleTherapies, AdverseEventSeverity.Mild, Source),
        new("infection", "Infection", "Infectie", [.. AllInjectionTherapies, "ozone-insufflation"], AdverseEventSeverity.Mild, Source),
        new("allergic-reaction", "Allergic reaction", "Allergische reactie", AllInjectionTherapies, AdverseEventSeverity.Mild, Source),
        new("anaphylaxis", "Anaphylaxis", "Anafylaxie", AllInjectionTherapies, AdverseEventSeverity.Severe, Source),
        new("vasovagal-episode", "Vasovagal episode", "Vasovagale reactie", AllInjectionTherapies, AdverseEventSeverity.Mild, Source),
        new("bruising", "Bruising", "Blauwe plek", AllInjectionTherapies, AdverseEventSeverity.Mild, Source),
        new("nerve-injury", "Nerve injury (rare)", "Zenuwletsel (zeldzaam)", NeedleTherapies, AdverseEventSeverity.Moderate, Source),
        new("pneumothorax", "Pneumothorax after a chest-wall injection (rare)", "Pneumothorax na injectie in de borstwand (zeldzaam)", ["ozone-injection", "prolotherapy"], AdverseEventSeverity.Severe, Source),
        new("gas-embolism-or-stroke", "Gas embolism or stroke (paravertebral or intradiscal ozone)", "Gasembolie of beroerte (paravertebrale of intradiscale ozon)", ["ozone-injection", "ozone-autohemotherapy"], AdverseEventSeverity.Severe, Source),
        new("harvest-site-pain", "Harvest-site pain", "Pijn op de oogstplaats", Harvest, AdverseEventSeverity.Mild, Source),
        new("harvest-site-haematoma", "Harvest-site haematoma", "Hematoom op de oogstplaats", Harvest, AdverseEventSeverity.Mild, Source),
    ];

    public static AdverseEventType? Find(string code) => All.FirstOrDefault(e => e.Code == code);

    /// <summary>The entries offered on the form after a procedure of <paramref name="therapyId"/>.</summary>
    public static IReadOnlyList<AdverseEventType> ForTherapy(string therapyId) => [.. All.Where(e => e.Therapies.Contains(therapyId))];

    /// <summary>Checks a report: known event, onset not before the procedure, severity not below the event's minimum, at
    /// least one action, reporter named. Severe or worse adds a caution to notify the responsible physician.</summary>
    public static IReadOnlyList<ProcedureFinding> Check(AdverseEventReport report)
    {
        var findings = new List<ProcedureFinding>();
        var type = Find(report.EventCode);
        if (type is null)
        {
            findings.Add(new("adverse-event.unknown", FindingKind.InvalidEntry, "eventCode", $"Unknown adverse event '{report.EventCode}'."));
        }
        else if (report.Severity < type.MinimumSeverity)
        {
            findings.Add(new("adverse-event.severity-below-minimum", FindingKind.InvalidEntry, "severity",
                $"{type.DisplayEn} is at least {type.MinimumSeverity}.", $"≥ {type.MinimumSeverity}", type.Source));
        }

        if (report.OnsetAt < report.ProcedureAt)
        {
            findings.Add(new("adverse-event.onset-before-procedure", FindingKind.InvalidEntry, "onsetAt", "Onset is before the procedure."));
        }

        if (report.Actions.Count == 0)
        {
            findings.Add(new("adverse-event.action-missing", FindingKind.InvalidEntry, "actions", "Record the action taken (observation only counts)."));
        }

        if (string.IsNullOrWhiteSpace(report.ReportedBy))
        {
            findings.Add(new("adverse-event.reporter-missing", FindingKind.InvalidEntry, "reportedBy", "Record who reports the event."));
        }

        if (report.Severity >= AdverseEventSeverity.Severe)
        {
            findings.Add(new("adverse-event.notify-physician", FindingKind.Caution, "severity", "Severe or worse: notify the responsible physician now."));
        }

        return findings;
    }
}
