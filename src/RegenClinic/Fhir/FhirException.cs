using Hl7.Fhir.Model;
using RegenClinic.Domain.Common;

namespace RegenClinic.Fhir;

/// <summary>A request the FHIR interface refuses, with the HTTP status, the FHIR element at fault (<c>Patient.birthDate</c>) and why.
/// The endpoints answer it as an <see cref="OperationOutcome"/>; nothing else about the request is kept.</summary>
public sealed class FhirException(int status, OperationOutcome.IssueType type, string? element, string message) : Exception(message)
{
    public int Status { get; } = status;
    public OperationOutcome.IssueType Type { get; } = type;
    public string? Element { get; } = element;

    public static FhirException Invalid(string element, string message) => new(400, OperationOutcome.IssueType.Invalid, element, message);

    public static FhirException Required(string element) => new(400, OperationOutcome.IssueType.Required, element, $"{element} is required.");

    public static FhirException NotSupported(string? element, string message) => new(400, OperationOutcome.IssueType.NotSupported, element, message);

    public static FhirException NotFound(string type, string id) => new(404, OperationOutcome.IssueType.NotFound, null, $"{type}/{id} is not known.");

    /// <summary>A broken domain invariant, its field translated to the FHIR element it came from.</summary>
    public static FhirException FromDomain(DomainException ex, Func<string?, string> element) =>
        ex.Code.EndsWith(".not-found", StringComparison.Ordinal)
            ? new FhirException(404, OperationOutcome.IssueType.NotFound, ex.Field is null ? null : element(ex.Field), ex.Message)
            : new FhirException(ex.Field is null ? 422 : 400, OperationOutcome.IssueType.Invariant, element(ex.Field), $"{ex.Message} ({ex.Code})");

    /// <summary>Prefixes the element with where it sits in a bundle: <c>Bundle.entry[2].resource.Patient.birthDate</c>.</summary>
    public FhirException At(string prefix) =>
        new(Status, Type, prefix + (Element is null ? "" : "." + Element), $"{prefix}: {Message}");

    public OperationOutcome ToOutcome() => Outcome(Type, Message, Element);

    public static OperationOutcome Outcome(OperationOutcome.IssueType type, string message, string? element = null,
        OperationOutcome.IssueSeverity severity = OperationOutcome.IssueSeverity.Error) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = severity,
                Code = type,
                Diagnostics = message,
                Expression = element is null ? [] : [element],
            },
        ],
    };
}
