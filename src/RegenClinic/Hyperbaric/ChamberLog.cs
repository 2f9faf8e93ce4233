using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>Appends to a chamber's numbered operations log within the caller's unit of work (the unique index keeps it gap-free
/// and single-valued).</summary>
internal static class ChamberLog
{
    public static async Task<List<ChamberLogEntry>> AppendAsync(ClinicDb db, Chamber chamber, Instant at, string by,
        IEnumerable<(ChamberLogKind Kind, string Text)> lines, Guid? diveId, CancellationToken ct)
    {
        var last = await db.ChamberLog.Where(l => l.ChamberId == chamber.Id).MaxAsync(l => (int?)l.Sequence, ct) ?? 0;
        var added = new List<ChamberLogEntry>();
        foreach (var (kind, text) in lines)
        {
            var entry = ChamberLogEntry.Write(chamber.Id, checked(++last), at, kind, text, by, chamber.CycleCount, diveId);
            db.ChamberLog.Add(entry);
            added.Add(entry);
        }

        return added;
    }
}

/// <summary>What happens when a dive reaches the surface, live or imported: the dose, the alarms, one chamber cycle, the log
/// lines, and the course completed when this was its last prescribed session.</summary>
internal static class DiveCompletion
{
    public static async Task CompleteAsync(ClinicDb db, HbotDive dive, Chamber chamber, DiveProfile actual, IReadOnlyList<ChamberAlarm> alarms,
        Instant now, string by, CancellationToken ct)
    {
        dive.SetDose(OxygenDose.Summarise(actual));
        dive.SetAlarms(alarms);
        chamber.CountCycle();
        var lines = new List<(ChamberLogKind, string)>
        {
            (ChamberLogKind.DiveCompleted, $"Dive {dive.TableId}, {dive.Occupants.Count} occupant(s), operator {dive.Operator}" +
                (dive.Attendant is null ? "" : $", attendant {dive.Attendant}") + $", {dive.Otu:0} OTU ({dive.Source})"),
        };
        lines.AddRange(alarms.Select(a => (ChamberLogKind.Alarm, $"{a.Kind} at {a.At}: {a.Message}")));
        await ChamberLog.AppendAsync(db, chamber, now, by, lines, dive.Id, ct);

        foreach (var occupant in dive.Occupants)
        {
            var course = await db.Courses.FirstAsync(c => c.Id == occupant.CourseId, ct);
            var done = await HbotCourses.SessionsDoneAsync(db, course.Id, ct) + 1; // this dive is not saved yet
            if (done >= course.Sessions && course.Status == Domain.Plans.CourseStatus.Active) course.Complete();
        }
    }
}
