using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Reads a dive sheet out of chamber telemetry: the pressure phases from the samples, and the patient's gas from the
/// table's O2/air pattern counted from arrival at pressure (telemetry carries no patient gas; docs/formats/telemetry.md).</summary>
public static class TelemetryDive
{
    /// <summary>A sample within this of a pressure counts as at it (sensor noise is ±0.003 ATA).</summary>
    public const double BandAta = 0.05;

    public const string Note = "from telemetry";
    public const string GasNote = "table O2/air pattern (telemetry carries no patient gas)";

    public static IReadOnlyList<DiveEvent> Phases(IReadOnlyList<TelemetrySample> samples, TreatmentTable table)
    {
        var rise = Index(samples, 0, s => s.Pressure.Value > Ata.Surface.Value + BandAta, "the pressure never rises above the surface");
        var compressionStart = samples[Math.Max(rise - 1, 0)];
        var arrival = Index(samples, rise, s => s.Pressure.Value >= table.Pressure.Value - BandAta, $"the pressure never reaches the table's {table.Pressure}");
        var lastHold = LastIndex(samples, s => s.Pressure.Value >= table.LastStopPressure.Value - BandAta);
        var surface = Index(samples, lastHold + 1, s => s.Pressure.Value <= Ata.Surface.Value + BandAta, "the chamber never returns to the surface");

        var events = new List<DiveEvent> { new(DivePhase.CompressionStart, compressionStart.At, Clamp(compressionStart.Pressure), Note) };
        var onOxygen = false;
        void Gas(BreathingGas gas, Instant at, Ata pressure, bool atPressure)
        {
            if (gas == BreathingGas.Oxygen && !onOxygen)
            {
                events.Add(new(DivePhase.OxygenPeriodStart, at, pressure, GasNote));
                onOxygen = true;
            }
            else if (gas == BreathingGas.Air && onOxygen)
            {
                events.Add(new(atPressure ? DivePhase.AirBreakStart : DivePhase.OxygenPeriodEnd, at, pressure, GasNote));
                onOxygen = false;
            }
        }

        Gas(table.Steps[0].Gas, compressionStart.At, Clamp(compressionStart.Pressure), false);
        events.Add(new(DivePhase.AtPressure, samples[arrival].At, Clamp(samples[arrival].Pressure), Note));
        var decompressionStart = samples[lastHold].At;
        var at = samples[arrival].At;
        foreach (var step in table.Steps.Skip(1).SkipLast(1))
        {
            if (at >= decompressionStart) break;
            Gas(step.Gas, at, PressureAt(samples, at), true);
            at += Duration.FromSeconds(step.Minutes * 60);
        }

        events.Add(new(DivePhase.DecompressionStart, decompressionStart, Clamp(samples[lastHold].Pressure), Note));
        Gas(table.Steps[^1].Gas, decompressionStart, Clamp(samples[lastHold].Pressure), false);
        events.Add(new(DivePhase.Surface, samples[surface].At, Clamp(samples[surface].Pressure), Note));
        return events;
    }

    /// <summary>The actual profile for the dose: every sample from compression start to the surface, with the gas the sheet says.</summary>
    public static DiveProfile Profile(IReadOnlyList<TelemetrySample> samples, IReadOnlyList<DiveEvent> events)
    {
        var start = events[0].At;
        var end = events[^1].At;
        var points = new List<ProfilePoint>();
        foreach (var s in samples.Where(s => s.At >= start && s.At <= end))
        {
            var oxygen = OnOxygenAt(events, s.At);
            points.Add(new ProfilePoint((s.At - start).TotalMinutes, Clamp(s.Pressure), oxygen ? BreathingGasExtensions.OxygenFio2 : BreathingGasExtensions.AirFio2));
        }

        return new DiveProfile(points);
    }

    /// <summary>Synthetic telemetry from a live-tapped sheet: pressure linear between taps, held after the last tap up to
    /// <paramref name="until"/>, so the table's rate and time alarms judge a live dive as they judge a file. O2 is unknown (no sensor):
    /// room air is assumed, so only a recorded O2 reading can raise the enriched-atmosphere alarm.</summary>
    public static IReadOnlyList<TelemetrySample> FromTaps(IReadOnlyList<DiveEvent> events, Instant until, Duration step)
    {
        var samples = new List<TelemetrySample>();
        if (events.Count == 0) return samples;
        var end = events[^1].Phase == DivePhase.Surface ? events[^1].At : Instant.Max(until, events[^1].At);
        for (var t = events[0].At; t <= end; t += step)
        {
            samples.Add(new TelemetrySample(t, PressureAt(events, t), 20.9));
        }

        return samples;
    }

    private static bool OnOxygenAt(IReadOnlyList<DiveEvent> events, Instant at)
    {
        var oxygen = false;
        foreach (var e in events.Where(e => e.At <= at))
        {
            oxygen = e.Phase switch
            {
                DivePhase.OxygenPeriodStart => true,
                DivePhase.OxygenPeriodEnd or DivePhase.AirBreakStart or DivePhase.Surface => false,
                _ => oxygen,
            };
        }

        return oxygen;
    }

    private static Ata PressureAt(IReadOnlyList<DiveEvent> events, Instant at)
    {
        var before = events.Last(e => e.At <= at);
        var after = events.FirstOrDefault(e => e.At > at);
        if (after is null) return before.Pressure;
        var fraction = (at - before.At).TotalSeconds / (after.At - before.At).TotalSeconds;
        return new Ata(before.Pressure.Value + (after.Pressure.Value - before.Pressure.Value) * fraction);
    }

    private static Ata PressureAt(IReadOnlyList<TelemetrySample> samples, Instant at) =>
        Clamp(samples.LastOrDefault(s => s.At <= at).Pressure);

    private static Ata Clamp(Ata a) => new(Math.Clamp(a.Value, DiveProfile.MinAta, DiveProfile.MaxAta));

    private static int Index(IReadOnlyList<TelemetrySample> samples, int from, Func<TelemetrySample, bool> test, string problem)
    {
        for (var i = from; i < samples.Count; i++)
        {
            if (test(samples[i])) return i;
        }

        throw new DomainException("telemetry.incomplete", $"The telemetry does not show a complete dive: {problem}.", "telemetry");
    }

    private static int LastIndex(IReadOnlyList<TelemetrySample> samples, Func<TelemetrySample, bool> test)
    {
        for (var i = samples.Count - 1; i >= 0; i--)
        {
            if (test(samples[i])) return i;
        }

        return 0;
    }
}
