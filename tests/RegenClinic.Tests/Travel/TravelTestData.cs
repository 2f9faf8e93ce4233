using NodaTime;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Tests.Travel;

internal static class TravelTestData
{
    /// <summary>TestClinic's today in Amsterdam: Monday 2027-01-04.</summary>
    public static readonly LocalDate Today = new(2027, 1, 4);

    public static EnquiryDetails Details(LocalDate? from = null, int weeks = 8, bool contact = true, bool processing = true, string? group = "femoral-head-avn") =>
        new("Peeters", "Marie", new LocalDate(1961, 4, 12), Sex.Female, "marie@example.org", "+32 470 00 00 00", "be", "nl", group,
            "Avascular necrosis of the right hip", "MRI showed AVN of the femoral head.", "Ibuprofen", from ?? new LocalDate(2027, 2, 1),
            (from ?? new LocalDate(2027, 2, 1)).PlusWeeks(weeks), new HomePhysician("Dr. Jan Claes", "Gent", "+32 9 000 00 00", null), contact, processing);

    public static Enquiry NewEnquiry() => Enquiry.Submit(Details(), Guid.NewGuid(), [], Instant.FromUtc(2027, 1, 4, 9, 0), Today);

    public static QuotePackage Hbot30(int consultations = 2, int imaging = 1, int followUps = 1) =>
        new("hbot", "HBOT 2.4 ATA 90 min (2.4-90), 30 weekday sessions", 30, SessionPatternKind.Weekdays, 1, 0, 0, consultations, imaging, followUps);

    public static IReadOnlyList<PriceItem> Prices(Guid siteId, string currency = "EUR") =>
    [
        PriceItem.Create(siteId, PriceKind.Session, "hbot", "HBOT session", "HBOT-sessie", 180m, currency),
        PriceItem.Create(siteId, PriceKind.Session, "prolotherapy", "Prolotherapy session", "Prolotherapie-sessie", 200m, currency),
        PriceItem.Create(siteId, PriceKind.Consultation, "consult", "Consultation", "Consult", 150m, currency),
        PriceItem.Create(siteId, PriceKind.Imaging, "imaging", "Imaging", "Beeldvorming", 120m, currency),
        PriceItem.Create(siteId, PriceKind.FollowUp, "follow-up", "Follow-up", "Vervolgconsult", 60m, currency),
    ];
}
