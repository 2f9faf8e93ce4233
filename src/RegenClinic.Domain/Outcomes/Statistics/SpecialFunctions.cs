namespace RegenClinic.Domain.Outcomes.Statistics;

/// <summary>The special functions the interval estimates need, after Press et al., Numerical Recipes (2nd ed.), §6.1–6.4.</summary>
internal static class SpecialFunctions
{
    private const int MaxIterations = 500;
    private const double Epsilon = 3e-16;
    private const double FloatMin = 1e-300;

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, relative error below 2e-10).</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> coefficients =
            [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];
        var y = x;
        var tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.Log(tmp);
        var series = 1.000000000190015;
        foreach (var c in coefficients)
        {
            series += c / ++y;
        }
        return -tmp + Math.Log(2.5066282746310005 * series / x);
    }

    /// <summary>Regularized incomplete beta I_x(a, b).</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }
        if (x >= 1)
        {
            return 1;
        }
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1 - front * BetaContinuedFraction(1 - x, b, a) / b;
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        var qab = a + b;
        var qap = a + 1;
        var qam = a - 1;
        var c = 1.0;
        var d = 1 - qab * x / qap;
        d = Math.Abs(d) < FloatMin ? FloatMin : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= MaxIterations; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.Abs(d) < FloatMin ? FloatMin : d;
            c = 1 + aa / c;
            c = Math.Abs(c) < FloatMin ? FloatMin : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.Abs(d) < FloatMin ? FloatMin : d;
            c = 1 + aa / c;
            c = Math.Abs(c) < FloatMin ? FloatMin : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }
        return h;
    }

    /// <summary>Regularized lower incomplete gamma P(a, x).</summary>
    public static double RegularizedGammaP(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        var logPrefix = -x + a * Math.Log(x) - LogGamma(a);
        if (x < a + 1)
        {
            // Series representation.
            var ap = a;
            var sum = 1 / a;
            var del = sum;
            for (var n = 0; n < MaxIterations; n++)
            {
                ap++;
                del *= x / ap;
                sum += del;
                if (Math.Abs(del) < Math.Abs(sum) * Epsilon)
                {
                    break;
                }
            }
            return sum * Math.Exp(logPrefix);
        }
        // Continued fraction for Q(a, x) (modified Lentz).
        var bb = x + 1 - a;
        var cc = 1 / FloatMin;
        var dd = 1 / bb;
        var hh = dd;
        for (var i = 1; i <= MaxIterations; i++)
        {
            var an = -i * (i - a);
            bb += 2;
            dd = an * dd + bb;
            dd = Math.Abs(dd) < FloatMin ? FloatMin : dd;
            cc = bb + an / cc;
            cc = Math.Abs(cc) < FloatMin ? FloatMin : cc;
            dd = 1 / dd;
            var del = dd * cc;
            hh *= del;
            if (Math.Abs(del - 1) < Epsilon)
            {
                break;
            }
        }
        return 1 - Math.Exp(logPrefix) * hh;
    }

    /// <summary>Finds x in [lo, hi] with f(x) = target for increasing f, by bisection to machine precision.</summary>
    public static double InvertIncreasing(Func<double, double> f, double target, double lo, double hi)
    {
        for (var i = 0; i < 200 && hi - lo > 1e-14 * Math.Max(1, Math.Abs(hi)); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (f(mid) < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
