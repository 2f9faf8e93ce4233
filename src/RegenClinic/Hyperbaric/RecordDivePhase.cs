using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>The operator's tap on a phase button: stamped with the server's time, the pressure set by the phase (surface, the
/// table's pressure) or, mid-ramp, estimated at the table's planned rate. At the surface the dive is completed.</summary>
public sealed class RecordDivePhase(ClinicDb db, ClinicActor actor, ClinicTime time, HyperbaricSettings settings)
{
    public async Task HandleAsync(Guid diveId, DivePhase phase, CancellationToken ct = default)
    {
        var dive = await db.HbotDives.FirstOrDefaultAsync(d => d.Id == diveId, ct)
            ?? throw new DomainException("dive.not-found", "No dive with this id.", "diveId");
        var table = await StoredTreatmentTables.GetAsync(db, dive.TableId, ct);
        var now = time.Now;
        var log = dive.Record(new DiveEvent(Require.Defined(phase, "phase"), now, PressureFor(phase, dive.Events, table, now)));
        var chamber = await db.Chambers.FirstAsync(c => c.Id == dive.ChamberId, ct);
        var alarms = Alarms(dive, table, chamber.Kind, settings.Alarms, now);
        if (log.IsComplete)
        {
            await DiveCompletion.CompleteAsync(db, dive, chamber, log.ActualProfile(), alarms, now, actor.Name, ct);
        }
        else
        {
            dive.SetAlarms(alarms);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The table rules over the tapped sheet up to <paramref name="now"/>, plus any O2 reading alarm already recorded.</summary>
    public static IReadOnlyList<ChamberAlarm> Alarms(HbotDive dive, TreatmentTable table, Domain.Clinic.ChamberKind kind, ChamberAlarmLimits limits, Instant now)
    {
        var samples = TelemetryDive.FromTaps(dive.Events, now, Duration.FromSeconds(5));
        var fromTaps = ChamberAlarms.Evaluate(samples, table, ToTelemetryKind(kind), limits)
            .Where(a => a.Kind != ChamberAlarmKind.TelemetryGap && a.Kind != ChamberAlarmKind.OxygenEnriched);
        return dive.Alarms.Where(a => a.Kind == ChamberAlarmKind.OxygenEnriched).Concat(fromTaps).OrderBy(a => a.At).ToList();
    }

    public static Domain.Hyperbaric.ChamberKind ToTelemetryKind(Domain.Clinic.ChamberKind kind) =>
        kind == Domain.Clinic.ChamberKind.Multiplace ? Domain.Hyperbaric.ChamberKind.Multiplace : Domain.Hyperbaric.ChamberKind.Monoplace;

    internal static Ata PressureFor(DivePhase phase, IReadOnlyList<DiveEvent> events, TreatmentTable table, Instant now)
    {
        if (phase == DivePhase.CompressionStart || phase == DivePhase.Surface) return Ata.Surface;
        if (phase == DivePhase.AtPressure) return table.Pressure;
        if (events.Count == 0) return Ata.Surface;
        var last = events.LastOrDefault(e => e.Phase is DivePhase.CompressionStart or DivePhase.AtPressure or DivePhase.DecompressionStart) ?? events[^1];
        var minutes = (now - last.At).TotalMinutes;
        var span = table.Pressure.Value - Ata.Surface.Value;
        return last.Phase switch
        {
            DivePhase.CompressionStart => new Ata(Math.Min(table.Pressure.Value, Ata.Surface.Value + span * minutes / table.CompressionMinutes)),
            DivePhase.DecompressionStart when phase != DivePhase.DecompressionStart =>
                new Ata(Math.Max(Ata.Surface.Value, last.Pressure.Value - span * minutes / table.DecompressionMinutes)),
            _ => last.Pressure,
        };
    }
}

/// <summary>An O2 analyser reading in a multiplace chamber typed in by the operator; above the limit it is an alarm on the sheet.</summary>
public sealed class RecordChamberO2(ClinicDb db, ClinicTime time, HyperbaricSettings settings)
{
    public async Task<bool> HandleAsync(Guid diveId, double o2Percent, CancellationToken ct = default)
    {
        if (!double.IsFinite(o2Percent) || o2Percent is < 0 or > 100) throw new DomainException("dive.o2-range", "O2 is a percentage 0–100.", "o2Percent");
        var dive = await db.HbotDives.FirstOrDefaultAsync(d => d.Id == diveId, ct)
            ?? throw new DomainException("dive.not-found", "No dive with this id.", "diveId");
        if (dive.Status != DiveStatus.InProgress) throw new DomainException("dive.not-in-progress", "O2 readings are recorded during the dive.", "diveId");
        var chamber = await db.Chambers.FirstAsync(c => c.Id == dive.ChamberId, ct);
        var table = await StoredTreatmentTables.GetAsync(db, dive.TableId, ct);
        var sample = new TelemetrySample(time.Now, RecordDivePhase.PressureFor(DivePhase.OxygenPeriodStart, dive.Events, table, time.Now), o2Percent);
        var alarm = ChamberAlarms.Evaluate([sample], table, RecordDivePhase.ToTelemetryKind(chamber.Kind), settings.Alarms)
            .FirstOrDefault(a => a.Kind == ChamberAlarmKind.OxygenEnriched);
        if (alarm is null) return false;
        dive.SetAlarms([.. dive.Alarms, alarm]);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
