using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <param name="JoinDiveId">A multiplace dive not yet compressed that this patient joins; null to plan a new dive.</param>
public sealed record DiveAdmission(Guid ChecklistId, Guid ChamberId, string? Attendant, Guid? JoinDiveId);

/// <summary>Admits a patient whose checklist passes (or is overridden) to a dive: a new one on an in-service chamber that may run
/// the course's table, or an open multiplace dive of the same table. The signed-in user is the operator.</summary>
public sealed class StartDive(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(DiveAdmission request, CancellationToken ct = default)
    {
        var checklist = await db.PreDiveChecklists.FirstOrDefaultAsync(c => c.Id == request.ChecklistId, ct)
            ?? throw new DomainException("checklist.not-found", "No checklist with this id.", "checklistId");
        if (checklist.SessionDate != time.Today)
            throw new DomainException("checklist.not-today", "The checklist was signed on another day; record today's.", "checklistId");
        var course = await HbotCourses.FindAsync(db, checklist.CourseId, ct);
        HbotCourses.EnsureOpen(course);
        var pause = await HbotCourses.PauseAsync(db, course.Id, ct);
        if (pause.IsPaused)
            throw new DomainException("hbot.course-paused", "The course is paused until a physician clears it: " + string.Join("; ", pause.Reasons), "courseId");
        var chamber = await db.Chambers.FirstOrDefaultAsync(c => c.Id == request.ChamberId, ct)
            ?? throw new DomainException("chamber.not-found", "No chamber with this id.", "chamberId");
        if (chamber.Status != EquipmentStatus.InService)
            throw new DomainException("chamber.not-in-service", $"{chamber.Name} is {chamber.Status}: {chamber.StatusReason}", "chamberId");
        var table = await StoredTreatmentTables.RunnableAsync(db, course.Protocol, ct);
        if (!chamber.Tables.Contains(table.Id) || (decimal)table.Pressure.Value > chamber.MaxAta)
            throw new DomainException("chamber.table-not-allowed", $"{chamber.Name} may not run table {table.Id}.", "chamberId");

        var occupant = new DiveOccupant(course.PatientId, course.Id, checklist.Id, checklist.SessionNumber);
        HbotDive dive;
        if (request.JoinDiveId is { } joinId)
        {
            dive = await db.HbotDives.FirstOrDefaultAsync(d => d.Id == joinId, ct)
                ?? throw new DomainException("dive.not-found", "No dive with this id.", "joinDiveId");
            if (dive.ChamberId != chamber.Id || dive.TableId != table.Id)
                throw new DomainException("dive.mismatch", "Occupants of one dive share its chamber and table.", "joinDiveId");
            dive.Join(occupant, chamber.Seats);
        }
        else
        {
            // One dive at a time per chamber: a planned or running dive must surface before the next is planned.
            if (await db.HbotDives.AnyAsync(d => d.ChamberId == chamber.Id && d.Status != DiveStatus.Surfaced, ct))
                throw new DomainException("chamber.busy", $"{chamber.Name} has a dive planned or under way; join it (multiplace) or wait until it surfaces.", "chamberId");
            dive = HbotDive.Plan(chamber.Id, chamber.Kind, chamber.Seats, table, time.Today, actor.Name, request.Attendant, occupant, time.Now);
            db.HbotDives.Add(dive);
        }

        checklist.AdmitTo(dive.Id);
        await db.SaveChangesAsync(ct);
        return dive.Id;
    }
}
