using Microsoft.EntityFrameworkCore;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Travel;
using RegenClinic.Eligibility;

namespace RegenClinic.Travel;

/// <summary>The physician's reading of the enquiry as codes: the conditions (ICD-10-CM) and medicines (ATC) the enquirer
/// describes, the therapy considered, and what they want checked in person.</summary>
public sealed record PreScreenInput(string Therapy, IReadOnlyList<string> ConditionCodes, IReadOnlyList<string> MedicationCodes, string InPersonChecks);

public sealed record PreScreenOutcome(ScreeningResult Result, string InPersonChecks);

/// <summary>
/// Runs the screening engine on what the enquirer told us (self-reported, coded by the physician) and records the result and
/// what must be checked in person. No vital signs, labs or examination are available remotely, so every rule that reads them
/// is unevaluated here: the list of in-person checks always says so, and the patient is screened again on the chart.
/// </summary>
public sealed class PreScreenEnquiry(ClinicDb db, Audit.ClinicActor actor, ClinicTime time, ScreeningSettings settings)
{
    public async Task<PreScreenOutcome> HandleAsync(Guid id, PreScreenInput input, CancellationToken ct = default)
    {
        var enquiry = await db.Enquiries.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        var therapy = new TherapyId(input.Therapy);
        if (!TherapyId.All.Contains(therapy)) throw new DomainException("eligibility.unknown-therapy", $"Unknown therapy '{input.Therapy}'.", "therapy");
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == enquiry.SiteId, ct);
        if (!site.Therapies.Contains(therapy.Value)) throw new DomainException("site.therapy-not-offered", $"{site.Name} does not offer {therapy.Value}.", "therapy");
        if (input.ConditionCodes.Count == 0) throw new DomainException("field.required", "Code at least the condition the enquiry is about.", "conditionCodes");

        var result = Screening.Screen(FactsOf(enquiry, input), therapy, time.Today, settings);
        var checks = InPersonChecks(result, input);
        enquiry.RecordPreScreen(therapy.Value, result.Verdict.ToWire(), ScreeningJson.Write(result), checks, actor.Name, time.Now);
        db.EnquiryEvents.Add(EnquiryEvent.Of(id, EnquiryEventKind.PreScreen, $"{therapy.Value}: {result.Verdict.ToWire()} (rule set {result.RuleSetVersion})", actor.Name, time.Now));
        if (enquiry.Status == EnquiryStatus.New) db.EnquiryEvents.Add(enquiry.MoveTo(EnquiryStatus.PreScreen, actor.Name, time.Now, null));
        await db.SaveChangesAsync(ct);
        return new PreScreenOutcome(result, checks);
    }

    /// <summary>Self-reported facts: conditions and medicines current, no dates (so "within N months" rules match conservatively
    /// only through what the physician codes), no observations or procedures.</summary>
    public static PatientFacts FactsOf(Enquiry enquiry, PreScreenInput input)
    {
        var conditions = input.ConditionCodes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct()
            .Select(c => new ConditionFact(new Coding(CodeSystems.Icd10Cm, c), enquiry.Condition, ConditionStatus.Active, null, null, null,
                $"Enquiry {enquiry.Reference} {c} (self-reported)"))
            .ToList();
        var medications = input.MedicationCodes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct()
            .Select(c => new MedicationFact(new Coding(CodeSystems.Atc, c), MedicationStatus.Active, null, null, $"Enquiry {enquiry.Reference} {c} (self-reported)"))
            .ToList();
        return new PatientFacts($"Enquiry/{enquiry.Reference}", conditions, medications, [], [], []);
    }

    private static string InPersonChecks(ScreeningResult result, PreScreenInput input)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(input.InPersonChecks)) lines.Add(input.InPersonChecks.Trim());
        lines.AddRange(result.Findings.Where(f => f.Kind != FindingKind.Indication).Select(f => $"{f.RuleId}: {f.Reason.En}"));
        lines.Add($"Confirm the diagnosis ({string.Join(", ", input.ConditionCodes)}) from the records and an examination.");
        lines.Add("Vital signs, laboratory values, allergies and examination were not available remotely: screen again on the chart before the first session.");
        return string.Join('\n', lines);
    }
}
