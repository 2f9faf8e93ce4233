using Microsoft.Extensions.DependencyInjection;

namespace RegenClinic.Security;

internal static class SecurityServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ListSiteAccess>();
        services.AddScoped<GrantSiteAccess>();
        services.AddScoped<RevokeSiteAccess>();
        services.AddScoped<OpenBreakGlass>();
        services.AddScoped<ActiveBreakGlass>();
        services.AddScoped<ListBreakGlass>();
    }
}
