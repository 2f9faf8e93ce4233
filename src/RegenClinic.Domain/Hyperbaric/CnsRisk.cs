namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Pressure band of published seizure figures.</summary>
public enum CnsRiskBand
{
    AtOrBelowTwoAta,
    BetweenTwoAndTwoPointFourAta,
    TwoPointFourToTwoPointFiveAta,
    UpToTwoPointEightAta,
    AboveTwoPointEightAta,
}

/// <summary>The CNS oxygen-toxicity note shown beside a dive: published seizure rates by pressure, never a NOAA "CNS %"
/// clock (its limits stop at PO2 1.6 ATA and mean nothing at 2–2.8 ATA; clinical-reference §4).</summary>
public sealed record CnsRiskNote(CnsRiskBand Band, string Text, string Source);

public static class CnsRisk
{
    public const string Heyboer2014 = "Heyboer 2014 (seizure incidence by treatment pressure; clinical-reference §4)";
    public const string Costa2019 = "Costa 2019 (added air break and seizure rate; clinical-reference §4)";

    private const double Tolerance = 1e-9;

    private const string AirBreakNote =
        " An added 5-minute air break cut seizures from 3.9 to 1.2 per 10,000 sessions (Costa 2019).";

    /// <summary>The note for the highest inspired PO2 of a dive (on 100% O2 this is the chamber pressure in ATA).</summary>
    public static CnsRiskNote For(double maxPo2)
    {
        if (maxPo2 <= 2.0 + Tolerance)
        {
            return new(CnsRiskBand.AtOrBelowTwoAta,
                "PO2 at or below 2.0 ATA: 0 seizures in 16,430 sessions at 2.0 ATA (Heyboer 2014).", Heyboer2014);
        }

        if (maxPo2 < 2.4 - Tolerance)
        {
            return new(CnsRiskBand.BetweenTwoAndTwoPointFourAta,
                "PO2 between 2.0 and 2.4 ATA: between 0 in 16,430 sessions at 2.0 ATA and about 15 seizures per 10,000 at 2.4-2.5 ATA (Heyboer 2014)." + AirBreakNote,
                Heyboer2014 + "; " + Costa2019);
        }

        if (maxPo2 <= 2.5 + Tolerance)
        {
            return new(CnsRiskBand.TwoPointFourToTwoPointFiveAta,
                "PO2 2.4-2.5 ATA: about 15 seizures per 10,000 sessions (Heyboer 2014)." + AirBreakNote,
                Heyboer2014 + "; " + Costa2019);
        }

        if (maxPo2 <= 2.8 + Tolerance)
        {
            return new(CnsRiskBand.UpToTwoPointEightAta,
                "PO2 above 2.5 up to 2.8 ATA: about 51 seizures per 10,000 sessions at 2.8 ATA (Heyboer 2014)." + AirBreakNote,
                Heyboer2014 + "; " + Costa2019);
        }

        return new(CnsRiskBand.AboveTwoPointEightAta,
            "PO2 above 2.8 ATA: beyond the published clinical seizure figures; risk exceeds the 51 per 10,000 sessions seen at 2.8 ATA (Heyboer 2014).",
            Heyboer2014);
    }

    public static CnsRiskNote For(Ata pressureOnOxygen) => For(pressureOnOxygen.Value);
}
