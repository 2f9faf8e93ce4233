using Microsoft.Extensions.Configuration;
using NodaTime;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Eligibility;

/// <summary>
/// The clinic's screening thresholds from the <c>Screening</c> configuration section; a key left out keeps the reference's
/// default. Only the thresholds the clinical reference marks configurable are here.
/// </summary>
public static class ScreeningConfiguration
{
    public static ScreeningSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("Screening");
        var d = ScreeningSettings.Default;
        return new ScreeningSettings
        {
            MinimumPlateletsPerNanoliter = s.GetValue(nameof(d.MinimumPlateletsPerNanoliter), d.MinimumPlateletsPerNanoliter),
            HbotConservativeCare = Period.FromWeeks(s.GetValue("HbotConservativeCareWeeks", d.HbotConservativeCare.Weeks)),
            ProlotherapyConservativeCare = Period.FromMonths(s.GetValue("ProlotherapyConservativeCareMonths", d.ProlotherapyConservativeCare.Months)),
            MyocardialInfarctionWindow = Period.FromMonths(s.GetValue("MyocardialInfarctionWindowMonths", d.MyocardialInfarctionWindow.Months)),
            FractureWindow = Period.FromMonths(s.GetValue("FractureWindowMonths", d.FractureWindow.Months)),
            FeverCelsius = s.GetValue(nameof(d.FeverCelsius), d.FeverCelsius),
            FeverLookbackDays = s.GetValue(nameof(d.FeverLookbackDays), d.FeverLookbackDays),
            MinimumLvefPercent = s.GetValue(nameof(d.MinimumLvefPercent), d.MinimumLvefPercent),
        };
    }
}
