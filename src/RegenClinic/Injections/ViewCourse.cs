using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Injections;

public sealed record FollowUpView(Guid Id, Guid ProcedureId, Guid PatientId, string PatientName, FollowUpKind Kind, NodaTime.Instant DueFrom,
    NodaTime.Instant DueBy, FollowUpStatus Status, string? Note, string? CompletedBy);

public sealed record CourseView(TreatmentCourse Course, string PatientName, Site? Site, bool UsSite, string? PresetName, bool ChartingAllowed,
    IReadOnlyList<string> GateProblems, IReadOnlyList<ProcedureRecord> Procedures, IReadOnlyList<FollowUpView> FollowUps,
    IReadOnlyList<AdverseEventRecord> AdverseEvents, string BodyDiagramSvgEn, string BodyDiagramSvgNl);

/// <summary>One course with its procedures (all versions), follow-ups, adverse events and, for prolotherapy, the body
/// diagram of sites treated over the course. The read is audited.</summary>
public sealed class ViewCourse(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<CourseView> HandleAsync(Guid patientId, Guid courseId, CancellationToken ct = default)
    {
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId && c.PatientId == patientId, ct)
            ?? throw new DomainException("course.not-found", "No such course for this patient.", "courseId");
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == course.SiteId, ct);
        var procedures = await db.ProcedureRecords.AsNoTracking().Where(p => p.CourseId == courseId).ToListAsync(ct);
        procedures = [.. procedures.OrderBy(p => p.SessionIndex).ThenBy(p => p.RecordedAt)];
        var ids = procedures.Select(p => p.Id).ToList();
        var followUps = await db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.ProcedureId)).ToListAsync(ct);
        var events = await db.AdverseEvents.AsNoTracking().Where(e => ids.Contains(e.ProcedureId)).ToListAsync(ct);
        var preset = await db.Presets.AsNoTracking().Where(p => p.PresetId == course.Protocol).Select(p => p.NameEn).FirstOrDefaultAsync(ct);
        var name = $"{patient.FamilyName}, {patient.GivenName}";

        var problems = new List<string>();
        if (course.Status != CourseStatus.Active) problems.Add($"The course is {course.Status}.");
        var screening = course.ScreeningId is { } sid ? await db.Screenings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        var consent = course.ConsentId is { } cid ? await db.Consents.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (screening is null) problems.Add("No screening is linked.");
        else if (!screening.AllowsCourse) problems.Add("The screening does not allow this course.");
        if (consent is null) problems.Add("No consent is linked.");
        else if (consent.Status != Domain.Eligibility.ConsentStatus.Signed) problems.Add("The consent is withdrawn.");

        var prolo = procedures.Where(p => p.IsCurrent && p.Family == ProcedureFamily.Prolotherapy).Select(ProcedureJson.Prolotherapy).ToList();
        var now = time.Now;
        db.AuditEntries.Add(AuditEntry.Create(actor, now, AuditActions.Read, "TreatmentCourse", course.Id.ToString(), patientId, "course and procedures"));
        await db.SaveChangesAsync(ct);
        return new CourseView(course, name, site, site is not null && OzoneRegulatoryNotice.AppliesTo(site.Jurisdiction), preset, problems.Count == 0, problems,
            procedures, [.. followUps.OrderBy(f => f.DueFrom).Select(f => ToView(f, name, now))], [.. events.OrderBy(e => e.OnsetAt)],
            BodyDiagram.Render(prolo, "en", "course-diagram"), BodyDiagram.Render(prolo, "nl", "course-diagram"));
    }

    internal static FollowUpView ToView(ProcedureFollowUp f, string patientName, NodaTime.Instant now) =>
        new(f.Id, f.ProcedureId, f.PatientId, patientName, f.Kind, f.DueFrom, f.DueBy, f.StatusAt(now), f.Note, f.CompletedBy);
}

/// <summary>The open follow-ups of the clinic (not yet done), soonest due first; the list names patients, so it is audited.</summary>
public sealed class ListFollowUps(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<IReadOnlyList<FollowUpView>> HandleAsync(CancellationToken ct = default)
    {
        var rows = await (
            from f in db.FollowUps.AsNoTracking()
            where f.CompletedAt == null
            join p in db.Patients on f.PatientId equals p.Id
            join r in db.ProcedureRecords on f.ProcedureId equals r.Id
            where r.VoidedAt == null
            orderby f.DueBy
            select new { f, p.FamilyName, p.GivenName }).Take(200).ToListAsync(ct);
        var now = time.Now;
        db.AuditEntries.Add(AuditEntry.Create(actor, now, AuditActions.Read, "FollowUpList", null, null, $"{rows.Count} open follow-ups"));
        await db.SaveChangesAsync(ct);
        return [.. rows.Select(x => ViewCourse.ToView(x.f, $"{x.FamilyName}, {x.GivenName}", now))];
    }
}
