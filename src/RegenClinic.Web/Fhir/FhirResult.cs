using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using RegenClinic.Fhir;

namespace RegenClinic.Web.Fhir;

/// <summary>A FHIR resource as the response body (application/fhir+json), with status, ETag and Location where they apply.</summary>
public sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK, string? version = null, string? location = null) : IResult
{
    public Resource Resource { get; } = resource;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = FhirJson.MediaType + "; charset=utf-8";
        if (version is not null) response.Headers.ETag = FhirJson.ETag(version);
        if (location is not null) response.Headers.Location = location;
        await response.WriteAsync(FhirJson.Serialize(Resource), httpContext.RequestAborted);
    }

    public static FhirResult Problem(FhirException problem) => new(problem.ToOutcome(), problem.Status);
}
