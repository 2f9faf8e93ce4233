namespace RegenClinic.Domain.Outcomes;

/// <summary>The smallest change a patient would call worthwhile, in the measure's improving direction.
/// Improvement counts when it reaches <see cref="Points"/> or, where given, <see cref="Fraction"/> of baseline.</summary>
/// <param name="Points">Absolute change in score units.</param>
/// <param name="Fraction">Relative change (0.30 = 30 % of baseline), or null when only the absolute rule applies.</param>
public sealed record MeaningfulChange(double Points, double? Fraction, string Source)
{
    /// <summary>The improvement that counts as meaningful from <paramref name="baseline"/>: the smaller of the absolute
    /// and the relative threshold, since either suffices (NRS from 5: min(2, 1.5) = 1.5 points).</summary>
    public double ThresholdAt(double baseline) =>
        Fraction is { } fraction && baseline != 0 ? Math.Min(Points, fraction * Math.Abs(baseline)) : Points;

    /// <summary>True when the change from <paramref name="baseline"/> to <paramref name="followUp"/> is an improvement of
    /// at least the threshold. Worsening never counts, however large.</summary>
    public bool IsMeaningfulImprovement(double baseline, double followUp, bool higherIsBetter)
    {
        var improvement = higherIsBetter ? followUp - baseline : baseline - followUp;
        if (improvement <= 0)
        {
            return false;
        }
        // A tiny tolerance so that 2.0 points computed from decimals still counts as 2 points.
        const double tolerance = 1e-9;
        if (improvement + tolerance >= Points)
        {
            return true;
        }
        return Fraction is { } fraction && baseline != 0 && improvement / Math.Abs(baseline) + tolerance >= fraction;
    }
}
