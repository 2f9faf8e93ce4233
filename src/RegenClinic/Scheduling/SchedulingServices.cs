using Microsoft.Extensions.DependencyInjection;

namespace RegenClinic.Scheduling;

public static class SchedulingServices
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddScoped<RequestSchedule>();
        services.AddScoped<ScheduleRunner>();
        services.AddScoped<ViewSchedule>();
        services.AddScoped<ConfirmSchedule>();
        services.AddScoped<DiscardSchedule>();
        services.AddScoped<PlaceSession>();
        services.AddScoped<PatientCalendar>();
        services.AddScoped<ViewStaffSchedules>();
        services.AddScoped<SetStaffSchedule>();
        services.AddScoped<ViewPatientAvailability>();
        services.AddScoped<SetPatientAvailability>();
        return services;
    }
}
