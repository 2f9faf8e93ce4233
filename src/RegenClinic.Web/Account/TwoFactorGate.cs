using RegenClinic.Staff;

namespace RegenClinic.Web.Account;

/// <summary>
/// Admins and Physicians who signed in without a second factor (not yet enrolled) reach nothing but the enrolment
/// page until they have set up an authenticator: the session must carry the "mfa" method (amr claim).
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/account/authenticator", "/signout", "/signin", "/culture", "/not-found", "/access-denied", "/_framework", "/_content"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !TwoFactorRules.RequiredFor.Any(user.IsInRole) || user.HasClaim("amr", "mfa"))
            return next(context);
        var path = context.Request.Path;
        if (Open.Any(p => path.StartsWithSegments(p)) || Path.HasExtension(path.Value)) return next(context);
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/fhir"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        context.Response.Redirect("/account/authenticator");
        return Task.CompletedTask;
    }
}
