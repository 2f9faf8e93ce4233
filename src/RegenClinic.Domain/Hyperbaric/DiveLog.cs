using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Phases logged on a dive sheet (clinical-reference §4: start of compression, reaching depth, each O2 period and
/// air break, start of decompression, surface). A table with stops (TT6) logs decompression start, then at-pressure on
/// arrival at the stop, then decompression start again.</summary>
public enum DivePhase
{
    CompressionStart,
    AtPressure,
    OxygenPeriodStart,
    OxygenPeriodEnd,
    AirBreakStart,
    DecompressionStart,
    Surface,
}

public sealed record DiveEvent(DivePhase Phase, Instant At, Ata Pressure, string? Note = null);

/// <summary>The dive sheet of one session: an ordered event list whose invariants (phase order, times never going back)
/// are kept by <see cref="Record"/>, and the actual profile it implies.</summary>
public sealed class DiveLog
{
    private enum ChamberState { NotStarted, Compressing, AtPressure, Decompressing, Surfaced }

    private readonly List<DiveEvent> events = [];
    private ChamberState state = ChamberState.NotStarted;
    private bool onOxygen;

    public DiveLog(string tableId, string operatorName, string? attendantName)
    {
        if (string.IsNullOrWhiteSpace(operatorName))
        {
            throw new DomainException("dive-log.operator-required", "A dive needs its chamber operator.", "operator");
        }

        TableId = tableId;
        Operator = operatorName;
        Attendant = attendantName;
    }

    /// <summary>Rebuilds a stored dive sheet, re-checking every invariant (a tampered or reordered list is refused).</summary>
    public static DiveLog FromEvents(string tableId, string operatorName, string? attendantName, IEnumerable<DiveEvent> events)
    {
        var log = new DiveLog(tableId, operatorName, attendantName);
        foreach (var e in events)
        {
            log.Record(e);
        }

        return log;
    }

    public string TableId { get; }
    public string Operator { get; }

    /// <summary>Inside attendant (multiplace); null in a monoplace.</summary>
    public string? Attendant { get; }

    public IReadOnlyList<DiveEvent> Events => events;

    public bool IsComplete => state == ChamberState.Surfaced;

    public bool OnOxygen => onOxygen;

    public void Record(DiveEvent e)
    {
        if (state == ChamberState.Surfaced)
        {
            throw Invalid(e, "dive-log.already-surfaced", "the dive has surfaced; no further events");
        }

        if (events.Count > 0 && e.At < events[^1].At)
        {
            throw Invalid(e, "dive-log.time-not-monotonic", $"it is earlier than the previous event ({events[^1].Phase} at {events[^1].At})");
        }

        if (!double.IsFinite(e.Pressure.Value) || e.Pressure.Value < DiveProfile.MinAta || e.Pressure.Value > DiveProfile.MaxAta)
        {
            throw Invalid(e, "dive-log.pressure-out-of-range", $"pressure {e.Pressure} is outside 1.0–6.0 ATA");
        }

        switch (e.Phase)
        {
            case DivePhase.CompressionStart:
                Require(e, state == ChamberState.NotStarted, "compression starts once, first");
                state = ChamberState.Compressing;
                break;
            case DivePhase.AtPressure:
                Require(e, state is ChamberState.Compressing or ChamberState.Decompressing, "at-pressure follows compression or a decompression to a stop");
                state = ChamberState.AtPressure;
                break;
            case DivePhase.OxygenPeriodStart:
                Require(e, state != ChamberState.NotStarted, "O2 starts after compression has started");
                Require(e, !onOxygen, "the patient is already on O2");
                onOxygen = true;
                break;
            case DivePhase.OxygenPeriodEnd:
                Require(e, onOxygen, "no O2 period is running");
                onOxygen = false;
                break;
            case DivePhase.AirBreakStart:
                Require(e, onOxygen && state == ChamberState.AtPressure, "an air break interrupts an O2 period at pressure");
                onOxygen = false;
                break;
            case DivePhase.DecompressionStart:
                Require(e, state == ChamberState.AtPressure, "decompression starts from pressure");
                state = ChamberState.Decompressing;
                break;
            case DivePhase.Surface:
                Require(e, state == ChamberState.Decompressing, "surfacing follows decompression");
                state = ChamberState.Surfaced;
                onOxygen = false;
                break;
            default:
                throw Invalid(e, "dive-log.phase-unknown", "unknown phase");
        }

        events.Add(e);
    }

    /// <summary>What an auditor would reject this sheet for (descent/ascent times and pressure, operator): empty when complete.</summary>
    public IReadOnlyList<string> MissingForAudit()
    {
        var missing = new List<string>();
        foreach (var phase in new[] { DivePhase.CompressionStart, DivePhase.AtPressure, DivePhase.DecompressionStart, DivePhase.Surface })
        {
            if (events.All(e => e.Phase != phase))
            {
                missing.Add(phase.ToString());
            }
        }

        return missing;
    }

    /// <summary>The actual profile: minute 0 at compression start, pressure linear between logged events, the gas in force
    /// after each event holding to the next. Events at the same instant collapse into one point (the last one's state).</summary>
    public DiveProfile ActualProfile()
    {
        if (events.Count == 0)
        {
            return new DiveProfile([]);
        }

        var start = events[0].At;
        var points = new List<ProfilePoint>();
        var oxygen = false;
        foreach (var e in events)
        {
            oxygen = e.Phase switch
            {
                DivePhase.OxygenPeriodStart => true,
                DivePhase.OxygenPeriodEnd or DivePhase.AirBreakStart or DivePhase.Surface => false,
                _ => oxygen,
            };
            var minute = (e.At - start).TotalMinutes;
            var point = new ProfilePoint(minute, e.Pressure, oxygen ? BreathingGasExtensions.OxygenFio2 : BreathingGasExtensions.AirFio2);
            if (points.Count > 0 && points[^1].Minute == minute)
            {
                points[^1] = point;
            }
            else
            {
                points.Add(point);
            }
        }

        return new DiveProfile(points);
    }

    private static void Require(DiveEvent e, bool condition, string rule)
    {
        if (!condition)
        {
            throw Invalid(e, "dive-log.phase-out-of-order", rule);
        }
    }

    private static DomainException Invalid(DiveEvent e, string code, string problem) =>
        new(code, $"{e.Phase} at {e.At}: {problem}.", "phase");
}
