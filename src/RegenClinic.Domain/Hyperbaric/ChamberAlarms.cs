using NodaTime;

namespace RegenClinic.Domain.Hyperbaric;

public enum ChamberAlarmKind
{
    /// <summary>Multiplace chamber atmosphere above the O2 limit (oxygen-enriched).</summary>
    OxygenEnriched,
    CompressionTooFast,
    DecompressionTooFast,
    TimeAtPressureExceeded,
    TelemetryGap,
}

/// <summary>One alarm, raised at the first sample of an excursion (a sustained excursion raises one alarm, not one per sample).</summary>
public sealed record ChamberAlarm(ChamberAlarmKind Kind, Instant At, string Message, string Source);

/// <summary>Alarm thresholds (*configurable*).</summary>
/// <param name="MaxMultiplaceO2Percent">Default 23.5%: the NFPA 99B definition of an oxygen-enriched atmosphere
/// (clinical-reference §4). The exact NFPA 99 chapter 14 clause is <b>unconfirmed</b>; all fatal chamber fires on record were above 28% O2.</param>
/// <param name="MaxTelemetryGap">Longest allowed silence between two samples.</param>
/// <param name="RateWindow">Pressure rate is measured over this window so sensor noise does not trip the rate alarms.</param>
/// <param name="RateTolerance">Fraction above the table's fastest allowed rate before alarming (0.2 = 20%).</param>
/// <param name="PressureBandAta">A sample within this of a table pressure counts as at that pressure.</param>
/// <param name="AtPressureGrace">Allowance beyond the prescribed time at pressure (covers the band on arrival and departure).</param>
public sealed record ChamberAlarmLimits(
    double MaxMultiplaceO2Percent,
    Duration MaxTelemetryGap,
    Duration RateWindow,
    double RateTolerance,
    double PressureBandAta,
    Duration AtPressureGrace)
{
    public static ChamberAlarmLimits Default { get; } = new(23.5, Duration.FromSeconds(10), Duration.FromMinutes(2), 0.2, 0.02, Duration.FromMinutes(2));
}

/// <summary>Alarm rules over a dive's telemetry, judged against its treatment table.</summary>
public static class ChamberAlarms
{
    public const string NfpaSource = "clinical-reference §4: NFPA 99B oxygen-enriched atmosphere > 23.5% O2 (exact NFPA 99 ch. 14 clause unconfirmed)";
    public const string TableSource = "treatment table rates and times (clinical-reference §4)";

    /// <param name="prescribedAtPressure">Time at pressure prescribed for this dive; the table's own when null.</param>
    public static IReadOnlyList<ChamberAlarm> Evaluate(
        IReadOnlyList<TelemetrySample> samples,
        TreatmentTable table,
        ChamberKind kind,
        ChamberAlarmLimits? limits = null,
        Duration? prescribedAtPressure = null)
    {
        limits ??= ChamberAlarmLimits.Default;
        var alarms = new List<ChamberAlarm>();
        if (kind == ChamberKind.Multiplace)
        {
            OxygenEnriched(samples, limits, alarms);
        }

        Gaps(samples, limits, alarms);
        Rates(samples, table, limits, alarms);
        TimeAtPressure(samples, table, limits, prescribedAtPressure ?? Duration.FromMinutes(table.MinutesAtPressure), alarms);
        return alarms.OrderBy(a => a.At).ThenBy(a => a.Kind).ToList();
    }

    private static void OxygenEnriched(IReadOnlyList<TelemetrySample> samples, ChamberAlarmLimits limits, List<ChamberAlarm> alarms)
    {
        var inExcursion = false;
        foreach (var s in samples)
        {
            var over = s.O2Percent > limits.MaxMultiplaceO2Percent;
            if (over && !inExcursion)
            {
                alarms.Add(new(ChamberAlarmKind.OxygenEnriched, s.At,
                    $"Chamber O2 {s.O2Percent:0.0}% is above {limits.MaxMultiplaceO2Percent:0.0}%: oxygen-enriched atmosphere, fire risk. Ventilate and log.", NfpaSource));
            }

            inExcursion = over;
        }
    }

    private static void Gaps(IReadOnlyList<TelemetrySample> samples, ChamberAlarmLimits limits, List<ChamberAlarm> alarms)
    {
        for (var i = 1; i < samples.Count; i++)
        {
            var gap = samples[i].At - samples[i - 1].At;
            if (gap > limits.MaxTelemetryGap)
            {
                alarms.Add(new(ChamberAlarmKind.TelemetryGap, samples[i].At,
                    $"No telemetry for {gap.TotalSeconds:0} s (limit {limits.MaxTelemetryGap.TotalSeconds:0} s) before this sample.", "product rule: continuous chamber monitoring"));
            }
        }
    }

    private static void Rates(IReadOnlyList<TelemetrySample> samples, TreatmentTable table, ChamberAlarmLimits limits, List<ChamberAlarm> alarms)
    {
        var maxUp = table.FastestCompressionAtaPerMinute * (1 + limits.RateTolerance);
        var maxDown = table.FastestDecompressionAtaPerMinute * (1 + limits.RateTolerance);
        var inFastUp = false;
        var inFastDown = false;
        var j = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            // j = the latest sample at least one window before sample i
            while (j + 1 < i && samples[i].At - samples[j + 1].At >= limits.RateWindow)
            {
                j++;
            }

            var span = samples[i].At - samples[j].At;
            if (span < limits.RateWindow)
            {
                continue;
            }

            var rate = (samples[i].Pressure.Value - samples[j].Pressure.Value) / span.TotalMinutes;
            var fastUp = rate > maxUp;
            var fastDown = -rate > maxDown;
            if (fastUp && !inFastUp)
            {
                alarms.Add(new(ChamberAlarmKind.CompressionTooFast, samples[i].At,
                    $"Compression at {rate:0.000} ATA/min is faster than table {table.Id} allows ({table.FastestCompressionAtaPerMinute:0.000} ATA/min).", TableSource));
            }

            if (fastDown && !inFastDown)
            {
                alarms.Add(new(ChamberAlarmKind.DecompressionTooFast, samples[i].At,
                    $"Decompression at {-rate:0.000} ATA/min is faster than table {table.Id} allows ({table.FastestDecompressionAtaPerMinute:0.000} ATA/min).", TableSource));
            }

            inFastUp = fastUp;
            inFastDown = fastDown;
        }
    }

    private static void TimeAtPressure(IReadOnlyList<TelemetrySample> samples, TreatmentTable table, ChamberAlarmLimits limits, Duration prescribed, List<ChamberAlarm> alarms)
    {
        Instant? arrival = null;
        foreach (var s in samples)
        {
            if (arrival is null)
            {
                if (s.Pressure.Value >= table.Pressure.Value - limits.PressureBandAta)
                {
                    arrival = s.At;
                }

                continue;
            }

            var elapsed = s.At - arrival.Value;
            if (elapsed > prescribed + limits.AtPressureGrace && s.Pressure.Value >= table.LastStopPressure.Value - limits.PressureBandAta)
            {
                alarms.Add(new(ChamberAlarmKind.TimeAtPressureExceeded, s.At,
                    $"{elapsed.TotalMinutes:0.0} min at pressure exceeds the prescribed {prescribed.TotalMinutes:0} min of table {table.Id}.", TableSource));
                return;
            }
        }
    }
}
