using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

public enum DiveStatus { Planned, InProgress, Surfaced }

public enum DiveSource { Live, Telemetry }

/// <summary>A patient in the chamber, admitted by their own signed checklist.</summary>
public sealed record DiveOccupant(Guid PatientId, Guid CourseId, Guid ChecklistId, int SessionNumber);

/// <summary>One chamber run as stored: who was in it, the dive sheet's events (invariants kept by <see cref="DiveLog"/>), the
/// alarms raised and the oxygen dose computed at the surface.</summary>
public sealed class HbotDive
{
    private HbotDive() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ChamberId { get; private set; }
    public string TableId { get; private set; } = "";
    public LocalDate Date { get; private set; }
    public string Operator { get; private set; } = "";
    /// <summary>Inside attendant: required in a multiplace chamber, absent in a monoplace.</summary>
    public string? Attendant { get; private set; }
    public DiveStatus Status { get; private set; }
    public DiveSource Source { get; private set; }
    public List<DiveOccupant> Occupants { get; private set; } = [];
    public List<DiveEvent> Events { get; private set; } = [];
    public List<ChamberAlarm> Alarms { get; private set; } = [];
    /// <summary>The imported telemetry file, kept verbatim (docs/formats/telemetry.md).</summary>
    public string? Telemetry { get; private set; }
    /// <summary>Pulmonary dose per occupant from the actual profile (all occupants share it), set at the surface.</summary>
    public double? Otu { get; private set; }
    public double? MaxPo2 { get; private set; }
    public Instant PlannedAt { get; private set; }

    public static HbotDive Plan(Guid chamberId, Clinic.ChamberKind kind, int seats, TreatmentTable table, LocalDate date, string operatorName,
        string? attendant, DiveOccupant first, Instant at)
    {
        var dive = new HbotDive
        {
            ChamberId = chamberId, TableId = table.Id, Date = date, Operator = Require.Text(operatorName, "operator", 200),
            Attendant = Require.OptionalText(attendant, "attendant", 200), Status = DiveStatus.Planned, PlannedAt = at,
        };
        if (kind == Clinic.ChamberKind.Multiplace && dive.Attendant is null)
            throw new DomainException("dive.attendant-required", "A multiplace dive needs its inside attendant.", "attendant");
        if (kind == Clinic.ChamberKind.Monoplace) dive.Attendant = null;
        dive.Join(first, seats);
        return dive;
    }

    public void Join(DiveOccupant occupant, int seats)
    {
        if (Status != DiveStatus.Planned) throw new DomainException("dive.already-started", "Occupants join before compression starts.", "dive");
        if (Occupants.Any(o => o.PatientId == occupant.PatientId)) throw new DomainException("dive.already-aboard", "This patient is already in the dive.", "patient");
        if (Occupants.Count >= seats) throw new DomainException("dive.full", $"The chamber has {seats} seat(s), all taken.", "chamber");
        Occupants = [.. Occupants, occupant];
    }

    public DiveLog Log() => DiveLog.FromEvents(TableId, Operator, Attendant, Events);

    /// <summary>Records a tapped phase; the dive log re-checks the order. Returns the log with the new event.</summary>
    public DiveLog Record(DiveEvent e)
    {
        if (Status == DiveStatus.Surfaced) throw new DomainException("dive-log.already-surfaced", "The dive has surfaced; no further events.", "phase");
        var log = Log();
        log.Record(e);
        Events = [.. log.Events];
        Status = log.IsComplete ? DiveStatus.Surfaced : DiveStatus.InProgress;
        return log;
    }

    /// <summary>Replaces a dive not yet started with the whole imported telemetry and the phases read from it.</summary>
    public DiveLog Import(string telemetry, IEnumerable<DiveEvent> events)
    {
        if (Status != DiveStatus.Planned) throw new DomainException("dive.already-started", "Telemetry is imported into a dive that has not been logged live.", "telemetry");
        var log = DiveLog.FromEvents(TableId, Operator, Attendant, events);
        if (!log.IsComplete) throw new DomainException("telemetry.incomplete", "The telemetry does not show a complete dive (compression, pressure, decompression, surface).", "telemetry");
        Events = [.. log.Events];
        Telemetry = telemetry;
        Source = DiveSource.Telemetry;
        Status = DiveStatus.Surfaced;
        return log;
    }

    public void SetAlarms(IEnumerable<ChamberAlarm> alarms) => Alarms = [.. alarms];

    public void SetDose(OxygenDoseSummary dose)
    {
        Otu = dose.Otu.Value;
        MaxPo2 = dose.MaxPo2;
    }
}
