using Microsoft.Extensions.DependencyInjection;

namespace RegenClinic.Hyperbaric;

public static class HyperbaricServices
{
    /// <summary>The hyperbaric use cases, listed explicitly.</summary>
    public static IServiceCollection AddHyperbaric(this IServiceCollection services)
    {
        services.AddSingleton<HyperbaricSettings>();
        services.AddScoped<PrescribeHbot>();
        services.AddScoped<SignDailyOrder>();
        services.AddScoped<WriteProgressNote>();
        services.AddScoped<RecordChecklist>();
        services.AddScoped<OverrideChecklistItem>();
        services.AddScoped<StartDive>();
        services.AddScoped<RecordDivePhase>();
        services.AddScoped<RecordChamberO2>();
        services.AddScoped<ImportTelemetry>();
        services.AddScoped<RecordHbotAdverseEvent>();
        services.AddScoped<ClearCoursePause>();
        services.AddScoped<ChangeChamberStatus>();
        services.AddScoped<RecordChamberMaintenance>();
        services.AddScoped<HyperbaricViews>();
        services.AddScoped<AddTreatmentTable>();
        services.AddScoped<RetireTreatmentTable>();
        services.AddScoped<EditChamber>();
        return services;
    }
}
