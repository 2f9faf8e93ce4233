using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RegenClinic.Web.Infrastructure;

/// <summary>
/// Behind a load balancer the client's address and scheme arrive in X-Forwarded-* headers. They are believed only from
/// the proxies named in ReverseProxy:KnownProxies, because the audit trail and the rate limits key on that address.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address."));
            }
        });
        return services;
    }

    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() is { Length: > 0 }) app.UseForwardedHeaders();
        return app;
    }
}
