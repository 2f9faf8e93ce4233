using NodaTime;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Faults the simulator can inject to exercise the alarms.</summary>
[Flags]
public enum SimulatedFaults
{
    None = 0,

    /// <summary>30 s without samples at depth.</summary>
    Gap = 1,

    /// <summary>Multiplace atmosphere drifting to about 24.5% O2 for 5 minutes at depth.</summary>
    Oxygen = 2,

    /// <summary>Final decompression in a third of the table's time.</summary>
    FastAscent = 4,
}

/// <summary>Synthetic telemetry for demos and tests: the table's planned pressure profile sampled every
/// <see cref="SampleInterval"/> with bounded, seeded noise (±0.003 ATA; ±0.15 % O2), so the same seed gives the same file.</summary>
public static class ChamberSimulator
{
    public static readonly Duration SampleInterval = Duration.FromSeconds(5);
    private const double PressureNoise = 0.003;
    private const double O2Noise = 0.15;

    public static IReadOnlyList<TelemetrySample> Simulate(TreatmentTable table, ChamberKind kind, Instant start, int seed, SimulatedFaults faults)
    {
        var random = new Random(seed);
        var profile = table.PlannedProfile();
        var total = profile.DurationMinutes;
        var decompressionStart = total - table.DecompressionMinutes;
        var fastDecompressionMinutes = table.DecompressionMinutes / 3;
        var gapStart = table.CompressionMinutes + 10;
        var o2Start = table.CompressionMinutes + 20;
        var samples = new List<TelemetrySample>();
        var end = faults.HasFlag(SimulatedFaults.FastAscent) ? decompressionStart + fastDecompressionMinutes : total;
        for (var second = 0L; second / 60.0 <= end + 1e-9; second += (long)SampleInterval.TotalSeconds)
        {
            var minute = second / 60.0;
            if (faults.HasFlag(SimulatedFaults.Gap) && minute >= gapStart && minute < gapStart + 0.5)
            {
                continue;
            }

            double ata;
            if (faults.HasFlag(SimulatedFaults.FastAscent) && minute > decompressionStart)
            {
                var from = profile.PressureAt(decompressionStart).Value;
                ata = from - ((from - 1.0) * Math.Min(1, (minute - decompressionStart) / fastDecompressionMinutes));
            }
            else
            {
                ata = profile.PressureAt(minute).Value;
            }

            ata = Math.Max(TelemetryCsv.MinAta, ata + Noise(random, PressureNoise));
            var o2 = kind == ChamberKind.Monoplace ? 98.0 : 21.0;
            if (kind == ChamberKind.Multiplace && faults.HasFlag(SimulatedFaults.Oxygen) && minute >= o2Start && minute < o2Start + 5)
            {
                o2 = 24.5;
            }

            o2 = Math.Clamp(o2 + Noise(random, O2Noise), 0, 100);
            samples.Add(new TelemetrySample(start + Duration.FromSeconds(second), new Ata(Math.Round(ata, 4)), Math.Round(o2, 2)));
        }

        return samples;
    }

    private static double Noise(Random random, double amplitude) => ((random.NextDouble() * 2) - 1) * amplitude;
}
