using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes.Statistics;

/// <summary>Standard normal distribution.</summary>
public static class StandardNormal
{
    /// <summary>Φ(z), via Φ(z) = ½ (1 + P(½, z²/2)) for z ≥ 0.</summary>
    public static double Cdf(double z)
    {
        var half = 0.5 * SpecialFunctions.RegularizedGammaP(0.5, 0.5 * z * z);
        return z >= 0 ? 0.5 + half : 0.5 - half;
    }

    /// <summary>z with Φ(z) = p (1.959964 for p = 0.975).</summary>
    public static double Quantile(double p)
    {
        CheckProbability(p);
        return p >= 0.5
            ? SpecialFunctions.InvertIncreasing(Cdf, p, 0, 40)
            : -SpecialFunctions.InvertIncreasing(Cdf, 1 - p, 0, 40);
    }

    internal static void CheckProbability(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new DomainException("statistics.probability", $"Probability must lie strictly between 0 and 1, got {p}.", "p");
        }
    }
}

/// <summary>Student's t distribution.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) with <paramref name="degreesOfFreedom"/> ν: for t ≥ 0, 1 − ½ I_{ν/(ν+t²)}(ν/2, ½).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        var tail = 0.5 * SpecialFunctions.RegularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), 0.5 * degreesOfFreedom, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>t with P(T ≤ t) = p, by inverting the CDF (t(0.975, 1) = 12.706, t(0.975, 30) = 2.042).</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        StandardNormal.CheckProbability(p);
        CheckDegreesOfFreedom(degreesOfFreedom);
        var upper = p >= 0.5 ? p : 1 - p;
        var hi = 1.0;
        while (Cdf(hi, degreesOfFreedom) < upper)
        {
            hi *= 2;
        }
        var t = SpecialFunctions.InvertIncreasing(x => Cdf(x, degreesOfFreedom), upper, 0, hi);
        return p >= 0.5 ? t : -t;
    }

    private static void CheckDegreesOfFreedom(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new DomainException("statistics.degrees-of-freedom", $"Degrees of freedom must be positive, got {degreesOfFreedom}.", "degreesOfFreedom");
        }
    }
}
