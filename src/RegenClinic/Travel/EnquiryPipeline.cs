using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

public sealed record EnquiryRow(Guid Id, string Reference, EnquiryStatus Status, string Name, string Country, string Condition,
    NodaTime.LocalDate PreferredFrom, NodaTime.LocalDate PreferredTo, NodaTime.Instant ReceivedAt, string SiteName);

public sealed record EnquiryView(Enquiry Enquiry, string SiteName, IReadOnlyList<EnquiryEvent> Events, IReadOnlyList<Quote> Quotes)
{
    public Quote? CurrentQuote => Quotes.Where(q => !q.Superseded).MaxBy(q => q.Version);
}

/// <summary>The front desk's and physicians' list of enquiries, open ones first; the read is audited (it names people and conditions).</summary>
public sealed class ListEnquiries(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<IReadOnlyList<EnquiryRow>> HandleAsync(EnquiryStatus? status, CancellationToken ct = default)
    {
        var query = db.Enquiries.AsNoTracking();
        if (status is { } s) query = query.Where(e => e.Status == s);
        var rows = await query.OrderByDescending(e => e.ReceivedAt).Take(500)
            .Join(db.Sites, e => e.SiteId, s => s.Id, (e, s) => new EnquiryRow(e.Id, e.Reference, e.Status, e.FamilyName + ", " + e.GivenName,
                e.Country, e.Condition, e.PreferredFrom, e.PreferredTo, e.ReceivedAt, s.Name))
            .ToListAsync(ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "EnquiryList", null, null, $"status={status?.ToString() ?? "all"}; rows={rows.Count}"));
        await db.SaveChangesAsync(ct);
        return rows;
    }
}

/// <summary>One enquiry with its history and quote versions; the read is audited before anything is returned.</summary>
public sealed class ViewEnquiry(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<EnquiryView> HandleAsync(Guid id, CancellationToken ct = default)
    {
        var enquiry = await db.Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Enquiry", id.ToString(), enquiry.PatientId, enquiry.Reference));
        await db.SaveChangesAsync(ct);
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == enquiry.SiteId).Select(s => s.Name).FirstAsync(ct);
        var events = await db.EnquiryEvents.AsNoTracking().Where(e => e.EnquiryId == id).OrderBy(e => e.At).ToListAsync(ct);
        var quotes = await db.Quotes.AsNoTracking().Where(q => q.EnquiryId == id).OrderByDescending(q => q.Version).ToListAsync(ct);
        return new EnquiryView(enquiry, site, events, quotes);
    }
}

/// <summary>Moves an enquiry along the pipeline by hand: declined, withdrawn, booked. Pre-screen, quote sent and accepted
/// happen through their own steps (<see cref="PreScreenEnquiry"/>, <see cref="IssueQuote"/>, <see cref="AcceptQuote"/>).
/// Withdrawing an accepted enquiry cancels its draft course and the seats acceptance held for it, in the same save, so a
/// patient who is not coming no longer takes chamber capacity.</summary>
public sealed class MoveEnquiry(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public static readonly IReadOnlyList<EnquiryStatus> ByHand = [EnquiryStatus.Declined, EnquiryStatus.Withdrawn, EnquiryStatus.Booked];

    public async Task HandleAsync(Guid id, EnquiryStatus to, string? note, CancellationToken ct = default)
    {
        if (!ByHand.Contains(to)) throw new DomainException("enquiry.own-step", $"{to} is reached through its own step.", "status");
        var enquiry = await db.Enquiries.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        var held = to == EnquiryStatus.Withdrawn && enquiry.CourseId is { } courseId
            ? await db.Courses.FirstOrDefaultAsync(c => c.Id == courseId && c.Status == CourseStatus.Draft, ct)
            : null;
        db.EnquiryEvents.Add(enquiry.MoveTo(to, actor.Name, time.Now, note));
        if (held is not null)
        {
            var released = await Plans.CancelCourse.CloseAsync(db, held, $"Travel enquiry {enquiry.Reference} withdrawn.", time.Now, ct);
            db.EnquiryEvents.Add(EnquiryEvent.Of(enquiry.Id, EnquiryEventKind.Note,
                $"Draft course cancelled and its {released} held sessions released.", actor.Name, time.Now));
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A note on an enquiry (a phone call, a missing report), kept with who wrote it and when.</summary>
public sealed class NoteEnquiry(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(Guid id, string note, CancellationToken ct = default)
    {
        if (!await db.Enquiries.AnyAsync(e => e.Id == id, ct)) throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        db.EnquiryEvents.Add(EnquiryEvent.Of(id, EnquiryEventKind.Note, note, actor.Name, time.Now));
        await db.SaveChangesAsync(ct);
    }
}

public sealed record EnquiryFileContent(string FileName, string ContentType, Stream Content);

/// <summary>Opens an attachment for a signed-in reader; the read is audited. Served as a download with the type found by content.</summary>
public sealed class OpenEnquiryFile(ClinicDb db, ClinicActor actor, ClinicTime time, EnquiryFiles store)
{
    public async Task<EnquiryFileContent> HandleAsync(Guid id, int index, CancellationToken ct = default)
    {
        var enquiry = await db.Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        if (index < 0 || index >= enquiry.Files.Count) throw new DomainException("enquiry.file-not-found", "No such file.", "index");
        var file = enquiry.Files[index];
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "EnquiryFile", id.ToString(), enquiry.PatientId, $"{enquiry.Reference} file {index}"));
        await db.SaveChangesAsync(ct);
        return new EnquiryFileContent(file.OriginalName, file.Kind.ContentType(), File.OpenRead(store.PathOf(file)));
    }
}
