using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RegenClinic.Fhir;

public static class FhirServices
{
    /// <summary>The FHIR use cases, listed explicitly.</summary>
    public static IServiceCollection AddFhir(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new FhirExportSettings(configuration.GetValue("Fhir:ExportRetentionHours", 24)));
        services.AddScoped<ReadFhirResource>();
        services.AddScoped<SearchFhirResources>();
        services.AddScoped<CreateFhirResource>();
        services.AddScoped<UpdateFhirPatient>();
        services.AddScoped<AmendFhirChartEntry>();
        services.AddScoped<ImportFhirTransaction>();
        services.AddScoped<PatientEverything>();
        services.AddScoped<IssueFhirToken>();
        services.AddScoped<ManageFhirClients>();
        services.AddSingleton<FhirClientCheck>();
        services.AddScoped<KickOffFhirExport>();
        services.AddScoped<FhirExportStatusQueries>();
        services.AddScoped<FhirExportRunner>();
        return services;
    }
}
