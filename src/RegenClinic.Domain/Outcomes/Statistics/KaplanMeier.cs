using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes.Statistics;

/// <summary>One patient's follow-up: the time to the event (here joint replacement or surgery) or, when
/// <see cref="Event"/> is false, the time last seen without it (censored).</summary>
public readonly record struct SurvivalObservation(double Time, bool Event);

/// <summary>A step of the Kaplan–Meier curve at a time where at least one event happened.</summary>
public sealed record KaplanMeierStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StandardError);

/// <summary>The product-limit estimate. <see cref="Steps"/> holds one entry per distinct event time; survival is 1
/// before the first.</summary>
public sealed record KaplanMeierCurve(int N, int Events, IReadOnlyList<KaplanMeierStep> Steps, IReadOnlyList<SurvivalObservation> Observations)
{
    /// <summary>S(t): the survival after all events at or before <paramref name="time"/>.</summary>
    public double SurvivalAt(double time) => Steps.LastOrDefault(s => s.Time <= time)?.Survival ?? 1.0;

    /// <summary>Patients still under observation and event-free just before <paramref name="time"/> (time ≤ follow-up).</summary>
    public int AtRisk(double time) => Observations.Count(o => o.Time >= time);
}

public static class KaplanMeier
{
    /// <summary>Kaplan &amp; Meier (1958) product-limit estimator with Greenwood's standard error. At a tied time,
    /// events are counted before censorings, so a patient censored at t is still at risk at t.</summary>
    public static KaplanMeierCurve Estimate(IReadOnlyList<SurvivalObservation> observations)
    {
        if (observations.Any(o => o.Time < 0 || double.IsNaN(o.Time)))
        {
            throw new DomainException("statistics.survival-time", "Survival times must be zero or positive.", "observations");
        }
        var sorted = observations.OrderBy(o => o.Time).ToArray();
        var steps = new List<KaplanMeierStep>();
        var survival = 1.0;
        var greenwoodSum = 0.0;
        var atRisk = sorted.Length;
        var i = 0;
        while (i < sorted.Length)
        {
            var time = sorted[i].Time;
            var events = 0;
            var censored = 0;
            while (i < sorted.Length && sorted[i].Time == time)
            {
                if (sorted[i].Event)
                {
                    events++;
                }
                else
                {
                    censored++;
                }
                i++;
            }
            if (events > 0)
            {
                survival *= 1 - (double)events / atRisk;
                greenwoodSum += atRisk > events ? (double)events / (atRisk * (double)(atRisk - events)) : 0;
                steps.Add(new KaplanMeierStep(time, atRisk, events, censored, survival, survival * Math.Sqrt(greenwoodSum)));
            }
            atRisk -= events + censored;
        }
        return new KaplanMeierCurve(sorted.Length, sorted.Count(o => o.Event), steps, sorted);
    }
}
