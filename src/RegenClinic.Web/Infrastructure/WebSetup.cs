using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Demo;
using RegenClinic.Staff;
using RegenClinic.Web.Account;
using RegenClinic.Web.Components;
using RegenClinic.Web.Eligibility;
using RegenClinic.Web.Fhir;
using RegenClinic.Web.Outcomes;
using RegenClinic.Web.Hyperbaric;
using RegenClinic.Web.Injections;
using RegenClinic.Web.Patients;
using RegenClinic.Web.Travel;
using Scalar.AspNetCore;

namespace RegenClinic.Web.Infrastructure;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("nl")];

    public static IServiceCollection AddClinicWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddReverseProxy(configuration);
        services.AddScoped<RequestDbGate>();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        var idle = TimeSpan.FromMinutes(configuration.GetValue("Security:IdleTimeoutMinutes", 20));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/access-denied";
            // Inactivity sign-out: the cookie lives for the idle window and slides with each request.
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.Cookie.Name = "regenclinic.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, StatusCodes.Status401Unauthorized, ctx.RedirectUri);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, StatusCodes.Status403Forbidden, ctx.RedirectUri);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Demographics, p => p.RequireRole(Roles.All.ToArray()))
            .AddPolicy(Policies.Registration, p => p.RequireRole(Roles.Admin, Roles.Physician, Roles.Nurse, Roles.FrontDesk))
            .AddPolicy(Policies.ClinicalRead, p => p.RequireRole(Roles.Physician, Roles.Nurse, Roles.ChamberOperator))
            .AddPolicy(Policies.ClinicalWrite, p => p.RequireRole(Roles.Physician, Roles.Nurse))
            .AddPolicy(Policies.Prescribe, p => p.RequireRole(Roles.Physician))
            .AddPolicy(Policies.Presets, p => p.RequireRole(Roles.Physician, Roles.Admin))
            .AddPolicy(Policies.PhysicianDecision, p => p.RequireRole(Roles.Physician))
            .AddPolicy(Policies.Analytics, p => p.RequireRole(Roles.Physician, Roles.Nurse, Roles.Admin))
            .AddPolicy(Policies.HbotPhysician, p => p.RequireRole(Roles.Physician))
            .AddPolicy(Policies.TreatmentTables, p => p.RequireRole(Roles.Physician, Roles.Admin))
            .AddPolicy(Policies.ChamberOperations, p => p.RequireRole(Roles.Physician, Roles.Nurse, Roles.ChamberOperator))
            .AddPolicy(Policies.Travel, p => p.RequireRole(Roles.FrontDesk, Roles.Physician))
            .AddPolicy(Policies.Scheduling, p => p.RequireRole(Roles.FrontDesk, Roles.Physician, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.AddTravelWeb(configuration);
        services.AddRequestLimits(configuration);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The query string comes first so that a patient's questionnaire link (/q/{token}?culture=nl) opens in their language.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddAntiforgery(o => o.Cookie.Name = "regenclinic.af");
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => NodaJson.Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddScoped<SignInAudit>();
        services.AddHostedService<RegenClinic.Web.Scheduling.SchedulingWorker>();
        services.AddFhirWeb();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ClosedCircuitScope>();
        return services;
    }

    private static Task ApiAware(HttpContext context, int status, string redirect)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/fhir"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        await using var startup = await db.HoldStartupLockAsync(CancellationToken.None);
        await ClinicDbSetup.MigrateAsync(db);
        await AuditSettingsLog.RecordIfChangedAsync(db, scope.ServiceProvider.GetRequiredService<ClinicActor>(), scope.ServiceProvider.GetRequiredService<NodaTime.IClock>(), app.Configuration);
        var demo = scope.ServiceProvider.GetRequiredService<DemoClinic>();
        if (app.Configuration.GetValue("Demo:SeedOnFirstStart", false) && !await demo.IsSeededAsync())
        {
            var patients = app.Configuration.GetValue("Demo:Patients", 200);
            app.Logger.LogInformation("First start: seeding the demo clinic with {Patients} patients", patients);
            await demo.SeedAsync(patients, new Progress<(int Done, int Total)>(p => app.Logger.LogInformation("Seeded {Done}/{Total} patients", p.Done, p.Total)));
        }
    }

    public static WebApplication UseClinicWeb(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseExceptionHandler();
        app.UseStatusCodePages(async ctx =>
        {
            if (!ctx.HttpContext.Request.Path.StartsWithSegments("/api") && !ctx.HttpContext.Request.Path.StartsWithSegments("/fhir") && ctx.HttpContext.Response.StatusCode == 404)
                ctx.HttpContext.Response.Redirect("/not-found");
            await Task.CompletedTask;
        });
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ActorMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAntiforgery();
        app.MapStaticAssets();
        // SecurityHeaders already sends frame-ancestors 'none'; a second CSP header from the server render mode would loosen nothing but duplicate it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccountEndpoints();
        app.MapPatientEndpoints();
        app.MapCodeEndpoints();
        app.MapScreeningEndpoints();
        app.MapOutcomeEndpoints();
        app.MapHyperbaricEndpoints();
        app.MapTravelEndpoints();
        RegenClinic.Web.Scheduling.SchedulingEndpoints.Map(app);
        app.MapFhirEndpoints();
        app.MapInjectionEndpoints();
        app.MapOpenApi().RequireAuthorization();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("RegenClinic API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).RequireAuthorization();
        return app;
    }
}

/// <summary>Names the signed-in user and their address on every audit entry written in this request.</summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ClinicActor actor, ClinicDb db, RequestDbGate gate, RegenClinic.Audit.AuditGroupCommit audits, NodaTime.IClock clock)
    {
        // Every web request sees no patient until the signed-in user's sites are known: a forgotten check fails closed.
        actor.Scope = RegenClinic.Security.SiteScope.Nothing;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            actor.UserId = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "unknown";
            actor.Name = context.User.Identity.Name ?? actor.UserId;
            // A FHIR system client is a clinic-wide integration an Admin registered; its SMART scopes bound what it may do.
            actor.Scope = actor.UserId.StartsWith("client:", StringComparison.Ordinal)
                ? RegenClinic.Security.SiteScope.Unrestricted
                : await RegenClinic.Security.ActorScopes.LoadAsync(db, actor.UserId, clock.GetCurrentInstant(), context.RequestAborted);
        }
        else
        {
            actor.UserId = "anonymous";
            actor.Name = "anonymous";
        }
        actor.Address = context.Connection.RemoteIpAddress?.ToString();
        // A chart page records a read per section; they are committed together (and with concurrent requests' reads)
        // before the first byte of the answer leaves, so nothing is shown whose read is not in the trail (a failed
        // commit fails the request).
        db.DeferReadAudits = true;
        context.Response.OnStarting(async () =>
        {
            var reads = await gate.RunAsync(() => Task.FromResult(db.TakeDeferredReads()));
            if (reads.Count > 0) await audits.AppendAsync(reads, context.RequestAborted);
        });
        await next(context);
    }
}

/// <summary>Interactive circuits have their own service scope that <see cref="ActorMiddleware"/> never sees: they start with no patient visible.</summary>
internal sealed class ClosedCircuitScope(ClinicActor actor) : Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Microsoft.AspNetCore.Components.Server.Circuits.Circuit circuit, CancellationToken cancellationToken)
    {
        actor.Scope = RegenClinic.Security.SiteScope.Nothing;
        actor.UserId = "circuit";
        actor.Name = "circuit";
        return Task.CompletedTask;
    }
}
