using Hl7.Fhir.Model;
using Instant = NodaTime.Instant;
using LocalDate = NodaTime.LocalDate;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Fhir;

/// <summary>Turns a posted FHIR resource into the chart entry the domain records, translating the domain's field names in its
/// errors to FHIR elements (<c>Condition.onset</c>).</summary>
internal static class FhirWrites
{
    public static readonly IReadOnlyList<string> ChartTypes = ["Condition", "MedicationStatement", "AllergyIntolerance", "Observation"];

    /// <summary>The patient reference of a chart resource (subject, or patient for AllergyIntolerance), as written.</summary>
    public static string? SubjectReference(Resource resource) => resource switch
    {
        Condition c => c.Subject?.Reference,
        MedicationStatement m => m.Subject?.Reference,
        AllergyIntolerance a => a.Patient?.Reference,
        Observation o => o.Subject?.Reference,
        Procedure p => p.Subject?.Reference,
        _ => null,
    };

    public static string SubjectElement(Resource resource) => resource is AllergyIntolerance ? "AllergyIntolerance.patient" : $"{resource.TypeName}.subject";

    public static void SetSubject(Resource resource, string reference)
    {
        var r = new ResourceReference(reference);
        switch (resource)
        {
            case Condition c: c.Subject = r; break;
            case MedicationStatement m: m.Subject = r; break;
            case AllergyIntolerance a: a.Patient = r; break;
            case Observation o: o.Subject = r; break;
            case Procedure p: p.Subject = r; break;
        }
    }

    /// <summary>How the domain's field names in a chart resource's errors read as FHIR elements.</summary>
    public static Func<string?, string> Element(Resource resource) => resource switch
    {
        Condition => ChartFhir.ConditionElement,
        MedicationStatement => ChartFhir.MedicationElement,
        AllergyIntolerance => ChartFhir.AllergyElement,
        Observation => ChartFhir.ObservationElement,
        Procedure => ChartFhir.ProcedureElement,
        _ => _ => resource.TypeName,
    };

    /// <summary>The chart details a resource carries, as <see cref="Patients.RecordChartEntry"/> takes them.</summary>
    public static object ToDetails(Resource resource)
    {
        try
        {
            return resource switch
            {
                Condition c => c.ToDetails(),
                MedicationStatement m => m.ToDetails(),
                AllergyIntolerance a => a.ToDetails(),
                Observation o => o.ToDetails(),
                Procedure p => p.ToDetails(),
                _ => throw FhirException.NotSupported(resource.TypeName, $"{resource.TypeName} cannot be created here."),
            };
        }
        catch (DomainException ex)
        {
            throw FhirException.FromDomain(ex, Element(resource));
        }
    }

    public static ChartEntry ToEntry(Resource resource, Guid patientId, string by, Instant now, LocalDate today)
    {
        var details = ToDetails(resource);
        try
        {
            return details switch
            {
                ConditionDetails c => ConditionEntry.Record(patientId, c, by, now, today),
                MedicationDetails m => MedicationEntry.Record(patientId, m, by, now, today),
                AllergyDetails a => AllergyEntry.Record(patientId, a, by, now),
                ObservationDetails o => ObservationEntry.Record(patientId, o, by, now),
                ProcedureDetails p => ProcedureEntry.Record(patientId, p, by, now, today),
                _ => throw new ArgumentException($"No chart entry for {details.GetType().Name}.", nameof(resource)),
            };
        }
        catch (DomainException ex)
        {
            throw FhirException.FromDomain(ex, Element(resource));
        }
    }

    /// <summary>The version an update was read at, from If-Match (W/"abc" or "abc" → abc); 428 without one.</summary>
    public static string IfMatchVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
            throw new FhirException(428, OperationOutcome.IssueType.BusinessRule, null, "Send If-Match with the ETag of the version you read: updates are optimistic.");
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return value.Trim('"');
    }

    public static Domain.Patients.Patient ToPatient(Hl7.Fhir.Model.Patient resource, string recordNumber, Guid siteId, string by, Instant now, LocalDate today)
    {
        try
        {
            return Domain.Patients.Patient.Register(resource.ToDetails(), recordNumber, siteId, by, now, today);
        }
        catch (DomainException ex)
        {
            throw FhirException.FromDomain(ex, PatientFhir.Element);
        }
    }

    public static Resource ToFhir(ChartEntry entry) => ChartFhir.WithReplaces(entry switch
    {
        ConditionEntry c => c.ToFhir(),
        MedicationEntry m => m.ToFhir(),
        AllergyEntry a => a.ToFhir(),
        ObservationEntry o => o.ToFhir(),
        ProcedureEntry p => p.ToFhir(),
        _ => throw new ArgumentException($"No FHIR mapping for {entry.GetType().Name}.", nameof(entry)),
    }, entry);
}
