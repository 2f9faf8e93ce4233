using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes.Statistics;

/// <summary>A mean with its two-sided confidence interval.</summary>
public sealed record MeanWithInterval(int N, double Mean, double StandardDeviation, double Lower, double Upper, double Confidence);

/// <summary>A proportion with its two-sided confidence interval.</summary>
public sealed record ProportionWithInterval(int Successes, int N, double Proportion, double Lower, double Upper, double Confidence);

public static class Intervals
{
    /// <summary>Mean of paired changes (follow-up − baseline) with the t interval mean ± t(1−α/2, n−1) · s/√n.
    /// Needs at least 2 values.</summary>
    public static MeanWithInterval MeanChange(IReadOnlyList<double> changes, double confidence = 0.95)
    {
        CheckConfidence(confidence);
        var n = changes.Count;
        if (n < 2)
        {
            throw new DomainException("statistics.too-few-values", $"A confidence interval for a mean needs at least 2 values, got {n}.", "changes");
        }
        var mean = changes.Average();
        var sumOfSquares = changes.Sum(c => (c - mean) * (c - mean));
        var sd = Math.Sqrt(sumOfSquares / (n - 1));
        var halfWidth = StudentT.Quantile(1 - (1 - confidence) / 2, n - 1) * sd / Math.Sqrt(n);
        return new MeanWithInterval(n, mean, sd, mean - halfWidth, mean + halfWidth, confidence);
    }

    /// <summary>Wilson score interval (Wilson 1927; Newcombe, Stat Med 1998;17:857-872, method 3), which stays inside
    /// [0, 1] and behaves at 0 and n successes, unlike the Wald interval.</summary>
    public static ProportionWithInterval Wilson(int successes, int n, double confidence = 0.95)
    {
        CheckConfidence(confidence);
        if (n < 1 || successes < 0 || successes > n)
        {
            throw new DomainException("statistics.proportion", $"Need 0 ≤ successes ≤ n and n ≥ 1, got {successes} of {n}.", "successes");
        }
        var z = StandardNormal.Quantile(1 - (1 - confidence) / 2);
        var z2 = z * z;
        var p = (double)successes / n;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2.0 * n)) / denominator;
        var halfWidth = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new ProportionWithInterval(successes, n, p, Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth), confidence);
    }

    private static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new DomainException("statistics.confidence", $"Confidence must lie strictly between 0 and 1, got {confidence}.", "confidence");
        }
    }
}
