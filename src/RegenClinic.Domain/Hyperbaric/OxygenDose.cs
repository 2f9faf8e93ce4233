namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Pulmonary oxygen dose of a profile, integrated exactly.</summary>
/// <remarks>
/// Source: Bardin H, Lambertsen CJ. A quantitative method for calculating pulmonary oxygen toxicity: use of the
/// "Unit Pulmonary Toxicity Dose" (UPTD). Institute for Environmental Medicine, University of Pennsylvania, 1970.
/// Per minute: ((PO2 − 0.5) / 0.5)^(5/6) when PO2 &gt; 0.5 ATA, else 0 (clinical-reference §4).
/// Between two points PO2 = fio2 × pressure is linear in time, so with x = 2·PO2 − 1 the integral over a ramp is
/// Δt / ΔPO2 × (3/11) × (x₁^(11/6) − x₀^(11/6)) with x clipped at 0: F(p) = (3/11)·max(0, 2p − 1)^(11/6) is an
/// antiderivative of max(0, 2p − 1)^(5/6) everywhere, so the part of a ramp below 0.5 ATA drops out by itself.
/// </remarks>
public static class OxygenDose
{
    public const double ThresholdPo2 = 0.5;

    // Below this PO2 change a ramp is treated as flat: the closed form divides by ΔPO2 and would lose digits.
    private const double FlatEpsilon = 1e-9;

    /// <summary>OTU per minute at a constant PO2 (ATA).</summary>
    public static double PerMinute(double po2) =>
        po2 > ThresholdPo2 ? Math.Pow((po2 - ThresholdPo2) / ThresholdPo2, 5.0 / 6.0) : 0;

    public static OxygenDoseSummary Summarise(DiveProfile profile) =>
        new(Otu(profile), MaxPo2(profile), MinutesAboveHalfAta(profile));

    public static Otu Otu(DiveProfile profile)
    {
        var total = 0.0;
        ForEachSegment(profile, (minutes, po2Start, po2End) => total += SegmentOtu(minutes, po2Start, po2End));
        return new Otu(total);
    }

    /// <summary>Highest inspired PO2 (ATA) anywhere on the profile, including each point's own gas at its instant.</summary>
    public static double MaxPo2(DiveProfile profile)
    {
        var max = 0.0;
        var points = profile.Points;
        for (var i = 0; i < points.Count; i++)
        {
            max = Math.Max(max, points[i].Po2);
            if (i + 1 < points.Count)
            {
                max = Math.Max(max, points[i].Fio2 * points[i + 1].Pressure.Value);
            }
        }

        return max;
    }

    /// <summary>Minutes during which PO2 &gt; 0.5 ATA, exact on ramps (the crossing instant is interpolated).</summary>
    public static double MinutesAboveHalfAta(DiveProfile profile)
    {
        var total = 0.0;
        ForEachSegment(profile, (minutes, po2Start, po2End) => total += SegmentMinutesAbove(minutes, po2Start, po2End));
        return total;
    }

    internal static double SegmentOtu(double minutes, double po2Start, double po2End)
    {
        if (Math.Abs(po2End - po2Start) < FlatEpsilon)
        {
            return minutes * PerMinute((po2Start + po2End) / 2);
        }

        var antiderivativeEnd = Antiderivative(po2End);
        var antiderivativeStart = Antiderivative(po2Start);
        return minutes * (antiderivativeEnd - antiderivativeStart) / (po2End - po2Start);
    }

    internal static double SegmentMinutesAbove(double minutes, double po2Start, double po2End)
    {
        var startAbove = po2Start > ThresholdPo2;
        var endAbove = po2End > ThresholdPo2;
        if (startAbove && endAbove)
        {
            return minutes;
        }

        if (!startAbove && !endAbove)
        {
            return 0;
        }

        var crossing = (ThresholdPo2 - po2Start) / (po2End - po2Start) * minutes;
        return startAbove ? crossing : minutes - crossing;
    }

    // d/dp of (3/11)(2p − 1)^(11/6) = (2p − 1)^(5/6): the per-minute law with (p − 0.5)/0.5 = 2p − 1.
    private static double Antiderivative(double po2)
    {
        var x = Math.Max(0, (po2 - ThresholdPo2) / ThresholdPo2);
        return ThresholdPo2 * 6.0 / 11.0 * Math.Pow(x, 11.0 / 6.0);
    }

    private static void ForEachSegment(DiveProfile profile, Action<double, double, double> segment)
    {
        var points = profile.Points;
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var fio2 = points[i].Fio2;
            segment(points[i + 1].Minute - points[i].Minute, fio2 * points[i].Pressure.Value, fio2 * points[i + 1].Pressure.Value);
        }
    }
}

/// <summary>The three figures the dose verb and the dive page show.</summary>
public sealed record OxygenDoseSummary(Otu Otu, double MaxPo2, double MinutesAboveHalfAta)
{
    public CnsRiskNote CnsRisk => Hyperbaric.CnsRisk.For(MaxPo2);
}
