using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace RegenClinic.Fhir;

/// <summary>FHIR R4 JSON in and out with the Firely SDK. Parse errors become a <see cref="FhirException"/> naming the element
/// the SDK found at fault (its instance path, e.g. <c>Patient.birthDate</c>).</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static string Serialize(Resource resource, bool pretty = false) => resource.ToJson(pretty);

    public static Resource Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) throw FhirException.Invalid("resource", "The request has no body: send a FHIR R4 resource as JSON.");
        Resource? resource;
        IEnumerable<CodedException>? issues;
        try
        {
            _ = Deserializer.TryDeserializeResource(json, out resource, out issues);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw FhirException.Invalid("resource", $"Not valid JSON: {ex.Message}");
        }
        if (issues?.FirstOrDefault() is { } first)
        {
            var extended = first as ExtendedCodedException;
            throw new FhirException(400, OperationOutcome.IssueType.Structure, extended?.InstancePath ?? "resource",
                $"{extended?.BaseErrorMessage ?? first.Message} ({first.ErrorCode})");
        }
        return resource ?? throw FhirException.Invalid("resource", "Not a FHIR resource.");
    }

    public static T Parse<T>(string json, string expectedType) where T : Resource =>
        Parse(json) as T ?? throw FhirException.Invalid("resourceType", $"Expected a {expectedType} resource.");

    /// <summary>The version of a resource as served: a hash of its content without meta. It changes whenever what the clinic
    /// holds changes, so it serves as the ETag for optimistic concurrency without a version column. Meta is set aside while
    /// hashing rather than deep-copying the resource (the copy was on every read's path), so the resource must be this
    /// request's own mapping, not one shared between threads.</summary>
    public static string VersionOf(Resource resource)
    {
        var meta = resource.Meta;
        resource.Meta = null;
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resource.ToJson())))[..16];
        }
        finally
        {
            resource.Meta = meta;
        }
    }

    /// <summary>Sets meta.versionId to <see cref="VersionOf"/>; returns it.</summary>
    public static string Stamp(Resource resource)
    {
        var version = VersionOf(resource);
        resource.Meta ??= new Meta();
        resource.Meta.VersionId = version;
        return version;
    }

    public static string ETag(string version) => $"W/\"{version}\"";
}
