using NodaTime;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class ChamberAlarmsTests
{
    private static readonly Instant T0 = Instant.FromUtc(2027, 1, 4, 9, 0);

    /// <summary>Samples every 5 s over the planned 2.4-90 profile, with the given O2 % and pressure overrides.</summary>
    private static List<TelemetrySample> Samples(TreatmentTable table, Func<double, double>? o2 = null, Func<double, double, double>? pressure = null, double? endMinute = null)
    {
        var profile = table.PlannedProfile();
        var samples = new List<TelemetrySample>();
        for (var second = 0; second / 60.0 <= (endMinute ?? profile.DurationMinutes); second += 5)
        {
            var minute = second / 60.0;
            var ata = profile.PressureAt(minute).Value;
            samples.Add(new TelemetrySample(T0 + Duration.FromSeconds(second), new Ata(pressure?.Invoke(minute, ata) ?? ata), o2?.Invoke(minute) ?? 21.0));
        }

        return samples;
    }

    private static IReadOnlyList<ChamberAlarmKind> Kinds(IReadOnlyList<TelemetrySample> samples, TreatmentTable table, ChamberKind kind = ChamberKind.Multiplace, ChamberAlarmLimits? limits = null) =>
        ChamberAlarms.Evaluate(samples, table, kind, limits).Select(a => a.Kind).ToList();

    [Theory]
    [InlineData("2.4-90")]
    [InlineData("2.0-90")]
    [InlineData("2.5-90-mono")]
    [InlineData("marx-20-10")]
    [InlineData("usn-tt6")]
    public void Evaluate_DiveExactlyAsPlanned_NoAlarm(string id) => Assert.Empty(Kinds(Samples(TreatmentTables.Get(id)), TreatmentTables.Get(id)));

    [Theory]
    [InlineData(23.5, false)]
    [InlineData(23.6, true)]
    public void OxygenEnriched_Multiplace_AlarmsAbove23Point5(double o2, bool alarms)
    {
        var samples = Samples(TreatmentTables.Elective24, o2: m => m is >= 30 and < 35 ? o2 : 21.0);
        var found = ChamberAlarms.Evaluate(samples, TreatmentTables.Elective24, ChamberKind.Multiplace).Where(a => a.Kind == ChamberAlarmKind.OxygenEnriched).ToList();
        Assert.Equal(alarms ? 1 : 0, found.Count);
        if (alarms)
        {
            Assert.Equal(T0 + Duration.FromMinutes(30), found[0].At);
            Assert.Contains("unconfirmed", found[0].Source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OxygenEnriched_Monoplace_NeverAlarms() =>
        Assert.Empty(Kinds(Samples(TreatmentTables.Monoplace25, o2: _ => 98.0), TreatmentTables.Monoplace25, ChamberKind.Monoplace));

    [Fact]
    public void OxygenEnriched_ConfiguredLimit_IsUsed()
    {
        var limits = ChamberAlarmLimits.Default with { MaxMultiplaceO2Percent = 23.0 };
        Assert.Contains(ChamberAlarmKind.OxygenEnriched, Kinds(Samples(TreatmentTables.Elective24, o2: m => m > 40 ? 23.2 : 21), TreatmentTables.Elective24, limits: limits));
    }

    [Fact]
    public void OxygenEnriched_TwoExcursions_TwoAlarms()
    {
        var samples = Samples(TreatmentTables.Elective24, o2: m => m is (>= 30 and < 32) or (>= 60 and < 61) ? 24 : 21);
        Assert.Equal(2, Kinds(samples, TreatmentTables.Elective24).Count(k => k == ChamberAlarmKind.OxygenEnriched));
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void TelemetryGap_AlarmsAboveTenSeconds(int gapSeconds, bool alarms)
    {
        var samples = Samples(TreatmentTables.Elective24);
        var at = samples.FindIndex(s => s.At == T0 + Duration.FromMinutes(40));
        var shifted = samples.Take(at).Concat(samples.Skip(at).Select(s => s with { At = s.At + Duration.FromSeconds(gapSeconds - 5) })).ToList();
        Assert.Equal(alarms, Kinds(shifted, TreatmentTables.Elective24).Contains(ChamberAlarmKind.TelemetryGap));
    }

    [Theory]
    [InlineData(10.0, false)] // the fastest the table allows
    [InlineData(7.0, true)]
    public void CompressionTooFast_AgainstTheTablesFastestCompression(double compressionMinutes, bool alarms)
    {
        var table = TreatmentTables.Elective24;
        var samples = Samples(table, pressure: (m, ata) => m < 15 ? Math.Min(2.4, 1.0 + (1.4 * m / compressionMinutes)) : ata);
        Assert.Equal(alarms, Kinds(samples, table).Contains(ChamberAlarmKind.CompressionTooFast));
    }

    [Theory]
    [InlineData(10.0, false)]
    [InlineData(6.0, true)]
    public void DecompressionTooFast_AgainstTheTablesFastestAscent(double decompressionMinutes, bool alarms)
    {
        var table = TreatmentTables.Elective24;
        var samples = Samples(table, pressure: (m, ata) => m > 115 ? Math.Max(1.0, 2.4 - (1.4 * (m - 115) / decompressionMinutes)) : ata);
        Assert.Equal(alarms, Kinds(samples, table).Contains(ChamberAlarmKind.DecompressionTooFast));
    }

    [Fact]
    public void DecompressionTooFast_Tt6AscentAt2FswPerMinute_Alarms()
    {
        var table = TreatmentTables.UsnTt6;
        var samples = Samples(table, pressure: (m, ata) => m is > 78 and <= 93 ? 2.8 - (0.06 * (m - 78)) : m is > 93 and <= 108 ? 1.9 : ata);
        Assert.Contains(ChamberAlarmKind.DecompressionTooFast, Kinds(samples, table));
    }

    [Theory]
    [InlineData(1.0, false)] // within the 2-minute grace (less ~0.35 min of band crossing)
    [InlineData(2.5, true)]
    public void TimeAtPressureExceeded_WhenDecompressionStartsLate(double lateMinutes, bool alarms)
    {
        var table = TreatmentTables.Elective24;
        var samples = Samples(table, pressure: (m, _) => TreatmentTables.Elective24.PlannedProfile().PressureAt(m - (m > 115 ? lateMinutes : 0)).Value, endMinute: 125 + lateMinutes);
        Assert.Equal(alarms, Kinds(samples, table).Contains(ChamberAlarmKind.TimeAtPressureExceeded));
    }

    [Fact]
    public void TimeAtPressureExceeded_ShorterPrescription_Alarms()
    {
        var table = TreatmentTables.Elective24;
        var alarms = ChamberAlarms.Evaluate(Samples(table), table, ChamberKind.Multiplace, prescribedAtPressure: Duration.FromMinutes(60));
        Assert.Contains(alarms, a => a.Kind == ChamberAlarmKind.TimeAtPressureExceeded);
    }

    [Theory]
    [InlineData("2.4-90", ChamberKind.Multiplace)]
    [InlineData("2.5-90-mono", ChamberKind.Monoplace)]
    [InlineData("usn-tt6", ChamberKind.Multiplace)]
    public void Evaluate_SimulatedCleanDive_NoAlarm(string id, ChamberKind kind)
    {
        var table = TreatmentTables.Get(id);
        for (var seed = 1; seed <= 5; seed++)
        {
            Assert.Empty(ChamberAlarms.Evaluate(ChamberSimulator.Simulate(table, kind, T0, seed, SimulatedFaults.None), table, kind));
        }
    }

    [Fact]
    public void Evaluate_SimulatedFaults_RaiseTheirAlarms()
    {
        var table = TreatmentTables.Elective24;
        var samples = ChamberSimulator.Simulate(table, ChamberKind.Multiplace, T0, 7, SimulatedFaults.Gap | SimulatedFaults.Oxygen | SimulatedFaults.FastAscent);
        Assert.Equal(
            [ChamberAlarmKind.TelemetryGap, ChamberAlarmKind.OxygenEnriched, ChamberAlarmKind.DecompressionTooFast],
            Kinds(samples, table));
    }
}
