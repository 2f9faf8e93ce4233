using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using RegenClinic.Staff;
using RegenClinic.Web.Infrastructure;

namespace RegenClinic.Web.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (SignInManager<StaffUser> signIn, SignInAudit audit) =>
        {
            await audit.RecordAsync(Audit.AuditActions.SignOut, null);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        }).RequireAuthorization();

        // The language switch: a cookie for this browser, and the user's own preference for the next sign-in.
        app.MapPost("/culture", async (HttpContext http, UserManager<StaffUser> users, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            if (!WebSetup.Cultures.Any(c => c.Name == culture)) return Results.BadRequest();
            SetCultureCookie(http, culture);
            if (await users.GetUserAsync(http.User) is { } user)
            {
                user.Culture = culture;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') ? "/" : returnUrl);
        }).AllowAnonymous();
    }

    public static void SetCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
}
