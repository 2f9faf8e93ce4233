using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RegenClinic.Domain.Common;

namespace RegenClinic.Web.Infrastructure;

/// <summary>Maps broken invariants to RFC 9457 problem details: 404 for *.not-found, 409 for conflicts, 400 naming the field, 422 otherwise.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || IsFormLimit(exception))
        {
            // A body over the endpoint's limit (Kestrel, while reading) or a form with too many or too long fields.
            var text = httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SecurityText>>()[
                "The request is too large for this page or API."].Value;
            await RequestLimits.WriteAsync(httpContext, StatusCodes.Status413PayloadTooLarge, text, cancellationToken);
            return true;
        }
        if (exception is BadHttpRequestException bad)
        {
            // Unreadable JSON or a missing body: say where, as the JSON reader saw it.
            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            var detail = bad.InnerException is System.Text.Json.JsonException json
                ? $"{json.Path?.TrimStart('$', '.')}: {json.Message}"
                : bad.InnerException?.Message;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext, Exception = exception,
                ProblemDetails = new ProblemDetails { Status = 400, Title = bad.Message, Detail = detail },
            });
        }
        if (exception is not DomainException ex) return false;
        var status = ex.Code.EndsWith(".not-found", StringComparison.Ordinal) ? StatusCodes.Status404NotFound
            : ex.Code.Contains("conflict", StringComparison.Ordinal) ? StatusCodes.Status409Conflict
            : ex.Field is not null ? StatusCodes.Status400BadRequest
            : StatusCodes.Status422UnprocessableEntity;
        httpContext.Response.StatusCode = status;
        ProblemDetails details = ex.Field is { } field
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [ex.Message] }) { Status = status, Title = ex.Message }
            : new ProblemDetails { Status = status, Title = ex.Message };
        details.Extensions["code"] = ex.Code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    /// <summary>The form reader refuses a form over <c>FormOptions</c> limits with an InvalidDataException ("... limit ... exceeded"),
    /// which would otherwise be a 500.</summary>
    private static bool IsFormLimit(Exception exception) =>
        (exception as InvalidDataException ?? exception.InnerException as InvalidDataException) is { } invalid
        && invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
        && invalid.StackTrace?.Contains("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal) != false;
}
