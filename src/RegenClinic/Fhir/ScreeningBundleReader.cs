using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using Coding = RegenClinic.Domain.Eligibility.Coding;
using Instant = NodaTime.Instant;
using LocalDate = NodaTime.LocalDate;
using FhirCoding = Hl7.Fhir.Model.Coding;

namespace RegenClinic.Fhir;

/// <summary>Reads a FHIR R4 Bundle (collection, transaction or searchset) with exactly one Patient into <see cref="PatientFacts"/>,
/// applying the reading rules of clinical reference §1 that belong to the record rather than to a rule: entered-in-error,
/// refuted, not-done and cancelled records are dropped; resolved/inactive allergies are dropped.
/// A bundle that is not valid FHIR R4 JSON is refused with a <see cref="DomainException"/> (code <c>screening.bundle-invalid</c>)
/// whose message names the entry ("entry[3] (Condition/c1): ...") and the problem.</summary>
public static partial class ScreeningBundleReader
{
    private const string MissingMandatoryElement = "PVAL105";

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static PatientFacts Read(string json)
    {
        var entries = Outline(json);
        _ = Deserializer.TryDeserializeResource(json, out var resource, out var issues);
        // A missing mandatory element (PVAL105, e.g. Condition.subject in a one-patient bundle) loses no fact screening reads,
        // so it is tolerated; syntax, type, unknown-element and invalid-code errors are refused.
        if (issues.FirstOrDefault(i => i.ErrorCode != MissingMandatoryElement) is { } first)
        {
            throw Invalid(Where(first, entries), Describe(first));
        }
        var bundle = resource as Bundle ?? throw Invalid("bundle", "not a Bundle");
        if (bundle.Type is not (Bundle.BundleType.Collection or Bundle.BundleType.Transaction or Bundle.BundleType.Searchset))
        {
            throw Invalid("bundle", $"type must be collection, transaction or searchset, not '{bundle.Type?.GetLiteral() ?? "(missing)"}'");
        }

        var patients = bundle.Entry.Select((e, i) => (Entry: e, Index: i, Patient: e.Resource as Patient)).Where(x => x.Patient is not null).ToList();
        if (patients.Count == 0) throw Invalid("bundle", "no Patient entry: the bundle must hold exactly one Patient");
        if (patients.Count > 1)
        {
            var second = patients[1];
            throw Invalid(Name(second.Index, second.Entry.Resource), $"a second Patient (the first is {Name(patients[0].Index, patients[0].Entry.Resource)}): the bundle must hold exactly one Patient");
        }
        var patientReference = "Patient/" + (patients[0].Patient!.Id ?? LastSegment(patients[0].Entry.FullUrl) ?? "unknown");

        var medications = new Dictionary<string, Medication>(StringComparer.Ordinal);
        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is not Medication medication) continue;
            if (medication.Id is not null) medications.TryAdd("Medication/" + medication.Id, medication);
            if (entry.FullUrl is not null) medications.TryAdd(entry.FullUrl, medication);
        }

        var conditions = new List<ConditionFact>();
        var meds = new List<MedicationFact>();
        var allergies = new List<AllergyFact>();
        var observations = new List<ObservationFact>();
        var procedures = new List<ProcedureFact>();
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var r = bundle.Entry[i].Resource;
            if (r is null) continue; // e.g. a transaction DELETE: nothing to read
            var label = LabelStem(i, r);
            try
            {
                switch (r)
                {
                    case Condition c: conditions.AddRange(MapCondition(c, label)); break;
                    case MedicationStatement s: meds.AddRange(MapStatement(s, label, medications)); break;
                    case MedicationRequest q: meds.AddRange(MapRequest(q, label, medications)); break;
                    case AllergyIntolerance a: allergies.AddRange(MapAllergy(a, label)); break;
                    case Observation o: observations.AddRange(MapObservation(o, label)); break;
                    case Procedure p: procedures.AddRange(MapProcedure(p, label)); break;
                }
            }
            catch (FormatException ex)
            {
                throw Invalid(Name(i, r), ex.Message);
            }
        }
        return new PatientFacts(patientReference, conditions, meds, allergies, observations, procedures);
    }

    // ---- mapping -------------------------------------------------------------------------------------------------------

    private static IEnumerable<ConditionFact> MapCondition(Condition c, string label)
    {
        var verification = CodeOf(c.VerificationStatus);
        if (verification is "refuted" or "entered-in-error") yield break;
        var status = CodeOf(c.ClinicalStatus) switch
        {
            null => ConditionStatus.Unrecorded,
            "active" => ConditionStatus.Active,
            "recurrence" => ConditionStatus.Recurrence,
            "relapse" => ConditionStatus.Relapse,
            "inactive" => ConditionStatus.Inactive,
            "remission" => ConditionStatus.Remission,
            "resolved" => ConditionStatus.Resolved,
            var other => throw new FormatException($"unknown clinicalStatus '{other}'"),
        };
        var stage = c.Stage.SelectMany(s => s.Summary?.Coding ?? [])
            .Where(x => x.System is CodeSystems.Arco2019 or CodeSystems.Aaoms2022 && x.Code is not null)
            .Select(x => (Coding?)new Coding(x.System!, x.Code!.Trim()))
            .FirstOrDefault();
        var onset = c.Onset switch { FhirDateTime d => DateOf(d.Value), Period p => DateOf(p.Start), _ => null };
        var abatement = c.Abatement switch { FhirDateTime d => DateOf(d.Value), Period p => DateOf(p.End ?? p.Start), _ => null };
        var statusWord = CodeOf(c.ClinicalStatus) ?? "status-unrecorded";
        foreach (var coding in Preferred(Codings(c.Code), CodeSystems.Icd10Cm))
        {
            yield return new ConditionFact(coding, coding.Display(c.Code), status, onset, abatement, stage,
                $"{label} {Shown(coding)} {statusWord}", DateOf(c.RecordedDate));
        }
    }

    private static IEnumerable<MedicationFact> MapStatement(MedicationStatement s, string label, Dictionary<string, Medication> medications)
    {
        MedicationStatus? status = s.Status switch
        {
            MedicationStatement.MedicationStatusCodes.Active => MedicationStatus.Active,
            MedicationStatement.MedicationStatusCodes.Intended => MedicationStatus.Intended,
            MedicationStatement.MedicationStatusCodes.OnHold => MedicationStatus.OnHold,
            MedicationStatement.MedicationStatusCodes.Completed => MedicationStatus.Completed,
            MedicationStatement.MedicationStatusCodes.Stopped => MedicationStatus.Stopped,
            MedicationStatement.MedicationStatusCodes.Unknown or null => MedicationStatus.Unknown,
            _ => null, // entered-in-error, not-taken
        };
        if (status is not { } st) return [];
        var (start, end) = s.Effective switch
        {
            FhirDateTime d => (DateOf(d.Value), (LocalDate?)null),
            Period p => (DateOf(p.Start), DateOf(p.End)),
            _ => (null, null),
        };
        return MedicationFacts(s.Medication, s.Contained, medications, st, start, end, label, fromStatement: true, s.Status?.GetLiteral());
    }

    private static IEnumerable<MedicationFact> MapRequest(MedicationRequest q, string label, Dictionary<string, Medication> medications)
    {
        MedicationStatus? status = q.Status switch
        {
            MedicationRequest.MedicationrequestStatus.Active => MedicationStatus.Active,
            MedicationRequest.MedicationrequestStatus.OnHold => MedicationStatus.OnHold,
            MedicationRequest.MedicationrequestStatus.Completed => MedicationStatus.Completed,
            MedicationRequest.MedicationrequestStatus.Stopped => MedicationStatus.Stopped,
            MedicationRequest.MedicationrequestStatus.Unknown or null => MedicationStatus.Unknown,
            _ => null, // cancelled, entered-in-error, draft
        };
        if (status is not { } st) return [];
        var validity = q.DispenseRequest?.ValidityPeriod;
        var start = DateOf(q.AuthoredOn) ?? DateOf(validity?.Start);
        return MedicationFacts(q.Medication, q.Contained, medications, st, start, DateOf(validity?.End), label, fromStatement: false, q.Status?.GetLiteral());
    }

    private static IEnumerable<MedicationFact> MedicationFacts(DataType? medication, List<Resource> contained, Dictionary<string, Medication> medications,
        MedicationStatus status, LocalDate? start, LocalDate? end, string label, bool fromStatement, string? statusWord)
    {
        var concept = medication switch
        {
            CodeableConcept cc => cc,
            ResourceReference rr when rr.Reference is { } reference && reference.StartsWith('#') =>
                contained.OfType<Medication>().FirstOrDefault(m => "#" + m.Id == reference)?.Code,
            ResourceReference rr when rr.Reference is { } reference => medications.GetValueOrDefault(reference)?.Code,
            _ => null,
        };
        foreach (var coding in Preferred(Codings(concept), CodeSystems.Atc))
        {
            yield return new MedicationFact(coding, status, start, end,
                $"{label} {Shown(coding)} {statusWord ?? "unknown"}{Dated(" from ", start)}{Dated(" to ", end)}", fromStatement);
        }
    }

    private static IEnumerable<AllergyFact> MapAllergy(AllergyIntolerance a, string label)
    {
        if (CodeOf(a.VerificationStatus) is "refuted" or "entered-in-error") yield break;
        if (CodeOf(a.ClinicalStatus) is "inactive" or "resolved") yield break;
        var concepts = new List<CodeableConcept?> { a.Code };
        concepts.AddRange(a.Reaction.Select(r => r.Substance));
        var codings = concepts.SelectMany(Codings).ToList();
        var words = concepts.Where(c => c is not null)
            .SelectMany(c => new[] { c!.Text }.Concat(c!.Coding.Select(x => x.Display)))
            .Where(w => !string.IsNullOrWhiteSpace(w));
        var text = string.Join(" | ", words);
        var shown = text.Length > 0 ? text : string.Join(",", codings.Select(x => x.Code));
        yield return new AllergyFact(codings, text, $"{label} {shown}");
    }

    private static IEnumerable<ObservationFact> MapObservation(Observation o, string label)
    {
        if (o.Status is ObservationStatus.Cancelled or ObservationStatus.EnteredInError) yield break;
        LocalDate? date;
        Instant? instant;
        switch (o.Effective)
        {
            case FhirDateTime d: (date, instant) = (DateOf(d.Value), InstantOf(d.Value)); break;
            case Period p: (date, instant) = (DateOf(p.Start ?? p.End), InstantOf(p.Start ?? p.End)); break;
            case Hl7.Fhir.Model.Instant i when i.Value is { } v: (date, instant) = (LocalDate.FromDateTime(v.DateTime), Instant.FromDateTimeOffset(v)); break;
            default: (date, instant) = (DateOf(o.Issued?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null); break;
        }
        decimal? value = null;
        string? unit = null;
        Coding? coded = null;
        var shown = "";
        switch (o.Value)
        {
            case Quantity q:
                (value, unit) = (q.Value, q.Code ?? q.Unit);
                shown = $" {q.Value?.ToString(CultureInfo.InvariantCulture)} {q.Code ?? q.Unit}".TrimEnd();
                break;
            case CodeableConcept cc:
                var answers = Codings(cc).ToList();
                coded = answers.Where(a => a.System == CodeSystems.Snomed).Concat(answers).Select(a => (Coding?)a).FirstOrDefault();
                shown = coded is { } x ? $" = {x.Code}" : "";
                break;
        }
        foreach (var coding in Codings(o.Code))
        {
            yield return new ObservationFact(coding, value, unit, coded, date, instant, $"{label} {coding.Code}{shown}{Dated(" on ", date)}");
        }
    }

    private static IEnumerable<ProcedureFact> MapProcedure(Procedure p, string label)
    {
        if (p.Status is EventStatus.NotDone or EventStatus.EnteredInError or EventStatus.Preparation) yield break;
        var performed = p.Performed switch { FhirDateTime d => DateOf(d.Value), Period period => DateOf(period.Start ?? period.End), _ => null };
        foreach (var coding in Codings(p.Code))
        {
            yield return new ProcedureFact(coding, performed, $"{label} {coding.Code}{Dated(" on ", performed)}");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    /// <summary>The codings in the system the rules read; if there are none, the others (or an empty code) so that the record is
    /// still seen and reported as uncoded (rule ALL-PRE-UNCODED) instead of silently dropped.</summary>
    private static List<Coding> Preferred(IEnumerable<Coding> codings, string system)
    {
        var all = codings.ToList();
        var preferred = all.Where(c => c.System == system).ToList();
        return preferred.Count > 0 ? preferred : all.Count > 0 ? all.Take(1).ToList() : [new Coding("", "")];
    }

    private static IEnumerable<Coding> Codings(CodeableConcept? concept) =>
        concept?.Coding.Where(c => !string.IsNullOrWhiteSpace(c.Code)).Select(c => new Coding(c.System ?? "", c.Code!.Trim())) ?? [];

    private static string? Display(this Coding coding, CodeableConcept? concept) =>
        concept?.Coding.FirstOrDefault(c => c.Code?.Trim() == coding.Code && (c.System ?? "") == coding.System) is FhirCoding c ? c.Display ?? concept?.Text : concept?.Text;

    private static string? CodeOf(CodeableConcept? concept) => concept?.Coding.FirstOrDefault(c => c.Code is not null)?.Code;

    /// <summary>The calendar date as written (the source's own offset). Partial dates take their first day: "2026-12" → 2026-12-01.</summary>
    internal static LocalDate? DateOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        var formats = new[] { "yyyy-MM-dd", "yyyy-MM", "yyyy" };
        var head = text.Length >= 10 ? text[..10] : text;
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(head, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return LocalDate.FromDateTime(parsed);
            }
        }
        throw new FormatException($"'{value}' is not a FHIR date");
    }

    private static Instant? InstantOf(string? value) =>
        value is not null && value.Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? Instant.FromDateTimeOffset(parsed) : null;

    private static string Shown(Coding coding) => coding.Code.Length > 0 ? coding.Code : "(uncoded)";

    private static string Dated(string prefix, LocalDate? date) =>
        date is { } d ? prefix + d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "";

    private static string LabelStem(int index, Resource? r) => $"{r?.TypeName}/{r?.Id ?? $"entry[{index}]"}";

    private static string Name(int index, Resource? r) => $"entry[{index}] ({r?.TypeName}/{r?.Id ?? "no id"})";

    private static string? LastSegment(string? url) =>
        string.IsNullOrEmpty(url) ? null : url[(url.LastIndexOfAny(['/', ':']) + 1)..];

    private static DomainException Invalid(string where, string problem) =>
        new("screening.bundle-invalid", $"{where}: {problem}", where);

    // ---- locating parse errors -----------------------------------------------------------------------------------------

    private sealed record EntryOutline(string? ResourceType, string? Id);

    /// <summary>A first pass with System.Text.Json: refuses text that is not JSON or not a Bundle, and remembers each entry's
    /// type and id so that a Firely issue at "Bundle.entry[3]..." can be reported as "entry[3] (Condition/c1)".</summary>
    private static List<EntryOutline> Outline(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Invalid("bundle", $"not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Invalid("bundle", "the JSON root is not an object");
            if (!root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Bundle")
            {
                throw Invalid("bundle", "resourceType must be \"Bundle\"");
            }
            var result = new List<EntryOutline>();
            if (root.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    var resource = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
                    result.Add(new EntryOutline(StringProperty(resource, "resourceType"), StringProperty(resource, "id")));
                }
            }
            return result;
        }
    }

    private static string? StringProperty(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Where(CodedException issue, List<EntryOutline> entries)
    {
        var path = (issue as ExtendedCodedException)?.InstancePath ?? issue.Message;
        var match = EntryIndex().Match(path);
        if (match.Success && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var index) && index < entries.Count)
        {
            var e = entries[index];
            return $"entry[{index}] ({e.ResourceType ?? "no resourceType"}/{e.Id ?? "no id"})";
        }
        return "bundle";
    }

    private static string Describe(CodedException issue)
    {
        var extended = issue as ExtendedCodedException;
        var message = extended?.BaseErrorMessage ?? issue.Message;
        return extended?.InstancePath is { Length: > 0 } path ? $"{message} (at {path}; {issue.ErrorCode})" : $"{message} ({issue.ErrorCode})";
    }

    [GeneratedRegex(@"entry\[(\d+)\]")]
    private static partial Regex EntryIndex();
}
