using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Plans;

public sealed record CourseListItem(Guid Id, string Therapy, string Protocol, int Sessions, SessionPatternKind Pattern, NodaTime.LocalDate EarliestStart,
    string Goals, CourseStatus Status, string PrescribedBy);

public sealed record ConsentListItem(Guid Id, string Therapy, string Language, string TextVersion, int PlannedSessions, string SignedBy, string WitnessedBy,
    NodaTime.LocalDate SignedOn, ConsentStatus Status, bool Current);

public sealed record CoursesView(IReadOnlyList<CourseListItem> Courses, IReadOnlyList<ConsentListItem> Consents);

/// <summary>A patient's courses and signed consents, for the screening panel; the read is audited.</summary>
public sealed class ViewCourses(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<CoursesView> HandleAsync(Guid patientId, CancellationToken ct = default)
    {
        var courses = await db.Courses.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.PrescribedAt).ToListAsync(ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.RecordedAt).ToListAsync(ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Courses", patientId.ToString(), patientId, null));
        await db.SaveChangesAsync(ct);
        var version = Eligibility.ConsentTemplate.TextVersion(KnowledgeBase.Default.RuleSetVersion);
        return new CoursesView(
            courses.Select(c => new CourseListItem(c.Id, c.Therapy, c.Protocol, c.Sessions, c.Pattern.Kind, c.EarliestStart, c.Goals, c.Status, c.PrescribedBy)).ToList(),
            consents.Select(c => new ConsentListItem(c.Id, c.Therapy, c.Language, c.TextVersion, c.PlannedSessions, c.SignedBy, c.WitnessedBy, c.SignedOn, c.Status,
                c.IsCurrentFor(version))).ToList());
    }
}
