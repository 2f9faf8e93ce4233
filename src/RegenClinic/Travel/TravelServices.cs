using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RegenClinic.Travel;

public static class TravelServices
{
    /// <summary>Enquiry files go under the data folder (Database:DataFolder), beside the SQLite file and outside the web root.</summary>
    public static IServiceCollection AddTravel(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataFolder = Path.GetFullPath(configuration["Database:DataFolder"] ?? "data", contentRoot);
        services.AddSingleton(new EnquiryFiles(Path.Combine(dataFolder, "enquiry-files")));
        var outbox = configuration["Travel:OutboxFolder"] is { Length: > 0 } o ? Path.GetFullPath(o, contentRoot) : Path.Combine(dataFolder, "outbox");
        services.AddSingleton(new TravelSettings(configuration.GetValue("Travel:AttachmentRetentionDays", 90), outbox,
            configuration["Travel:MailFrom"] ?? "RegenClinic <quotes@regenclinic.invalid>"));
        services.AddSingleton(sp => new QuoteOutbox(sp.GetRequiredService<TravelSettings>()));
        services.AddSingleton(new QuotePdf(configuration["Travel:PdfChromium"]));
        services.AddScoped<RemoveExpiredEnquiryFiles>();
        services.AddScoped<SendQuote>();
        services.AddScoped<ReviseSitePrices>();
        services.AddScoped<ViewSitePrices>();
        services.AddScoped<RetirePriceItem>();
        services.AddScoped<ViewDischargeLetter>();
        services.AddScoped<ListSiteClosures>();
        services.AddScoped<AddSiteClosure>();
        services.AddScoped<RemoveSiteClosure>();

        services.AddScoped<ListCentres>();
        services.AddScoped<SubmitEnquiry>();
        services.AddScoped<ListEnquiries>();
        services.AddScoped<ViewEnquiry>();
        services.AddScoped<MoveEnquiry>();
        services.AddScoped<NoteEnquiry>();
        services.AddScoped<OpenEnquiryFile>();
        services.AddScoped<PreScreenEnquiry>();
        services.AddScoped<IssueQuote>();
        services.AddScoped<AcceptQuote>();
        services.AddScoped<ViewQuote>();
        return services;
    }
}
