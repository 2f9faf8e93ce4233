using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Logs a planned dive from the chamber's telemetry file instead of taps: the whole file or nothing (a bad line is
/// refused with its number before anything is changed), phases read from the pressure, alarms over every sample.</summary>
public sealed class ImportTelemetry(ClinicDb db, ClinicActor actor, ClinicTime time, HyperbaricSettings settings)
{
    public async Task HandleAsync(Guid diveId, string csv, CancellationToken ct = default)
    {
        var dive = await db.HbotDives.FirstOrDefaultAsync(d => d.Id == diveId, ct)
            ?? throw new DomainException("dive.not-found", "No dive with this id.", "diveId");
        IReadOnlyList<TelemetrySample> samples;
        try
        {
            samples = TelemetryCsv.Parse(csv ?? "");
        }
        catch (DomainException ex)
        {
            // Same code and "line N:" message; the field is the upload, so the form shows it beside the file.
            throw new DomainException(ex.Code, ex.Message, "telemetry");
        }

        if (samples.Count < 2) throw new DomainException("telemetry.incomplete", "The telemetry holds fewer than two samples.", "telemetry");
        var table = await StoredTreatmentTables.GetAsync(db, dive.TableId, ct);
        var chamber = await db.Chambers.FirstAsync(c => c.Id == dive.ChamberId, ct);
        var events = TelemetryDive.Phases(samples, table);
        dive.Import(csv!, events);
        var alarms = ChamberAlarms.Evaluate(samples, table, RecordDivePhase.ToTelemetryKind(chamber.Kind), settings.Alarms);
        await DiveCompletion.CompleteAsync(db, dive, chamber, TelemetryDive.Profile(samples, events), alarms, time.Now, actor.Name, ct);
        await db.SaveChangesAsync(ct);
    }
}
