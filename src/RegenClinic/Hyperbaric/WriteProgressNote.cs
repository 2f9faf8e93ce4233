using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Hyperbaric;

/// <summary>A physician's progress note on an HBOT course, dated today.</summary>
public sealed class WriteProgressNote(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid courseId, string text, CancellationToken ct = default)
    {
        var course = await HbotCourses.FindAsync(db, courseId, ct);
        var note = HbotProgressNote.Write(course.Id, course.PatientId, time.Today, text, actor.Name, time.Now);
        db.HbotProgressNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return note.Id;
    }
}
