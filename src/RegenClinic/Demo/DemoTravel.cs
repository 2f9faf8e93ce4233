using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Demo;

/// <summary>Demo centres for travelling patients: the Amsterdam site described for the public directory, a second (injection-only)
/// centre in Rotterdam, a price list for each (demo prices, not a tariff), and one new enquiry waiting for the front desk.</summary>
internal static class DemoTravel
{
    public static async Task SeedAsync(ClinicDb db, ClinicTime time, CancellationToken ct)
    {
        var ams = await db.Sites.OrderBy(s => s.Code).FirstAsync(ct);
        ams.Describe("Amsterdam", ["hbot", "ozone-injection", "prolotherapy", "cell-therapy-bmac"], ["nl", "en", "de"],
            ["Demo data: ISO 9001:2015 quality management", "Demo data: ECHM-compliant hyperbaric facility"]);
        var rtm = Site.Create("RTM", "RegenClinic Rotterdam", "Europe/Amsterdam", "NL");
        rtm.Describe("Rotterdam", ["ozone-injection", "prolotherapy"], ["nl", "en", "fr"], ["Demo data: ISO 9001:2015 quality management"]);
        db.Sites.Add(rtm);
        db.PriceItems.AddRange(
            PriceItem.Create(ams.Id, PriceKind.Session, "hbot", "HBOT session (90 min at pressure)", "HBOT-sessie (90 min onder druk)", 180m, "EUR"),
            PriceItem.Create(ams.Id, PriceKind.Session, "ozone-injection", "Ozone injection session", "Ozoninjectie-sessie", 150m, "EUR"),
            PriceItem.Create(ams.Id, PriceKind.Session, "prolotherapy", "Prolotherapy session", "Prolotherapie-sessie", 200m, "EUR"),
            PriceItem.Create(ams.Id, PriceKind.Session, "cell-therapy-bmac", "Bone marrow concentrate procedure", "Beenmergconcentraat-procedure", 3500m, "EUR"),
            PriceItem.Create(ams.Id, PriceKind.Consultation, "consult", "Physician consultation", "Consult bij de arts", 150m, "EUR"),
            PriceItem.Create(ams.Id, PriceKind.Imaging, "imaging", "Imaging study (ultrasound or X-ray)", "Beeldvorming (echo of röntgen)", 120m, "EUR"),
            PriceItem.Create(ams.Id, PriceKind.FollowUp, "follow-up", "Follow-up video consultation", "Vervolgconsult per video", 60m, "EUR"),
            PriceItem.Create(rtm.Id, PriceKind.Session, "ozone-injection", "Ozone injection session", "Ozoninjectie-sessie", 140m, "EUR"),
            PriceItem.Create(rtm.Id, PriceKind.Session, "prolotherapy", "Prolotherapy session", "Prolotherapie-sessie", 190m, "EUR"),
            PriceItem.Create(rtm.Id, PriceKind.Consultation, "consult", "Physician consultation", "Consult bij de arts", 140m, "EUR"),
            PriceItem.Create(rtm.Id, PriceKind.Imaging, "imaging", "Ultrasound", "Echografie", 110m, "EUR"),
            PriceItem.Create(rtm.Id, PriceKind.FollowUp, "follow-up", "Follow-up video consultation", "Vervolgconsult per video", 55m, "EUR"));
        var from = NextMonday(time.Today.PlusWeeks(4));
        db.Enquiries.Add(Enquiry.Submit(new EnquiryDetails("Peeters", "Marie", new LocalDate(1961, 4, 12), Sex.Female, "marie.peeters@example.org", "+32 470 00 00 00",
            "BE", "nl", "femoral-head-avn", "Avascular necrosis of the right hip", "Hip pain for 8 months; MRI in March showed avascular necrosis of the femoral head, ARCO stage 2.",
            "Ibuprofen 400 mg as needed", from, from.PlusWeeks(8), new HomePhysician("Dr. Jan Claes", "Huisartsenpraktijk Centrum, Gent", "+32 9 000 00 00", null), true, true),
            ams.Id, [], time.Now, time.Today));
        await db.SaveChangesAsync(ct);
    }

    private static LocalDate NextMonday(LocalDate d) => d.With(DateAdjusters.Next(IsoDayOfWeek.Monday));
}
