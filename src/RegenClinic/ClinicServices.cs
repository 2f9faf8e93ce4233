using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Demo;
using RegenClinic.Injections;
using RegenClinic.Eligibility;
using RegenClinic.Fhir;
using RegenClinic.Outcomes;
using RegenClinic.Hyperbaric;
using RegenClinic.Patients;
using RegenClinic.Plans;
using RegenClinic.Scheduling;
using RegenClinic.Staff;
using RegenClinic.Travel;

namespace RegenClinic;

public static class ClinicServices
{
    /// <summary>Everything the hosts share: the database, the clock, identity stores and each use case, listed explicitly.</summary>
    public static IServiceCollection AddClinic(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<ClinicTime>();
        services.AddSingleton(ScreeningConfiguration.From(configuration));
        services.AddClinicDb(DatabaseOptions.From(configuration, contentRoot));
        // Keys in the database: several app instances share them, and cookies survive a restart.
        services.AddDataProtection().SetApplicationName("RegenClinic").PersistKeysToDbContext<ClinicDb>();
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:LockoutAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ClinicDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddScoped<RegisterPatient>();
        services.AddScoped<SearchPatients>();
        services.AddScoped<ViewChart>();
        services.AddScoped<RecordChartEntry>();
        services.AddScoped<VoidChartEntry>();
        services.AddScoped<TodayAtClinic>();
        services.AddScoped<BrowseAudit>();
        services.AddScoped<VerifyAuditChain>();
        services.AddSingleton<AuditGroupCommit>();
        Security.SecurityServices.Add(services);
        services.AddScoped<ListPresets>();
        services.AddScoped<ViewInjectionLimits>();
        services.AddScoped<ReviseInjectionLimits>();
        services.AddScoped<CopyPreset>();
        services.AddScoped<EditPreset>();
        services.AddScoped<RetirePreset>();
        services.AddScoped<PrescribeFromPreset>();
        services.AddScoped<ChartProcedure>();
        services.AddScoped<VoidProcedure>();
        services.AddScoped<OpenProcedure>();
        services.AddScoped<ViewCourse>();
        services.AddScoped<ListFollowUps>();
        services.AddScoped<CompleteFollowUp>();
        services.AddScoped<RecordAdverseEvent>();
        services.AddScoped<LogRoomAirCheck>();
        services.AddScoped<ListRoomAirChecks>();
        services.AddScoped<ViewTreatmentTimeline>();
        services.AddScoped<ScreenPatient>();
        services.AddScoped<ViewScreenings>();
        services.AddScoped<DecideScreening>();
        services.AddScoped<GenerateConsent>();
        services.AddScoped<SignConsent>();
        services.AddScoped<PrescribeCourse>();
        services.AddScoped<StartCourse>();
        services.AddScoped<CancelCourse>();
        services.AddScoped<ViewCourses>();
        services.AddScoped<RecordOutcome>();
        services.AddScoped<PlanMeasurements>();
        services.AddScoped<ListDueMeasurements>();
        services.AddScoped<IssueQuestionnaireLink>();
        services.AddScoped<AnswerQuestionnaire>();
        services.AddScoped<ViewPatientOutcomes>();
        services.AddScoped<PatientOutcomesFhir>();
        services.AddScoped<AnalyseOutcomes>();
        services.AddScoped<LoadLicensedItemText>();
        services.AddScoped<RecordSurgery>();
        services.AddScoped<DemoClinic>();
        services.AddScheduling();
        services.AddHyperbaric();
        services.AddTravel(configuration, contentRoot);
        services.AddFhir(configuration);
        return services;
    }
}
