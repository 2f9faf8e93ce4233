namespace RegenClinic.Web.Infrastructure;

public static class SecurityHeaders
{
    /// <summary>CSP without inline script; the API docs page needs its own script from the Scalar package, served locally.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        var docs = context.Request.Path.StartsWithSegments("/api/docs") || context.Request.Path.StartsWithSegments("/scalar");
        headers.ContentSecurityPolicy = docs
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
            : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next(context);
    });
}
