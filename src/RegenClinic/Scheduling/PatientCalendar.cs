using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Outcomes;

namespace RegenClinic.Scheduling;

public sealed record CalendarSession(Guid AppointmentId, string Therapy, string Place, LocalDateTime Start, LocalDateTime End, Instant StartAt, Instant EndAt,
    AppointmentStatus Status, int? SessionIndex);

public sealed record CalendarView(Guid PatientId, string PatientName, string Language, string SiteName, string TimeZone, IReadOnlyList<CalendarSession> Sessions);

public sealed record IssuedCalendarLink(string Token, Instant ExpiresAt);

/// <summary>A patient's booked sessions, for staff (signed in) or for the patient through an unguessable, expiring
/// link whose SHA-256 alone is stored. Every read is audited.</summary>
public sealed class PatientCalendar(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <summary>How long a calendar link works: a course of 40 daily dives with its follow-ups fits in it.</summary>
    public static readonly Duration LinkLifetime = Duration.FromDays(120);

    public async Task<CalendarView> ForStaffAsync(Guid patientId, CancellationToken ct = default) => await ReadAsync(patientId, "staff", ct);

    public async Task<CalendarView?> ForTokenAsync(string token, CancellationToken ct = default)
    {
        var hash = OutcomeTokens.Hash(token);
        // The token is the patient's authority, past the staff site filter, and for this one patient only.
        var link = await db.CalendarLinks.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.ExpiresAt <= time.Now) return null;
        actor.Scope = Security.SiteScope.Nothing with { BreakGlassPatients = [link.PatientId] };
        return await ReadAsync(link.PatientId, "calendar link", ct);
    }

    public async Task<IssuedCalendarLink> IssueLinkAsync(Guid patientId, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct)) throw new DomainException("patient.not-found", "No patient with this id.", "id");
        var token = OutcomeTokens.NewToken();
        var link = CalendarLink.Create(patientId, OutcomeTokens.Hash(token), time.Now + LinkLifetime, actor.Name, time.Now);
        db.CalendarLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return new IssuedCalendarLink(token, link.ExpiresAt);
    }

    private async Task<CalendarView> ReadAsync(Guid patientId, string via, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct)
            ?? throw new DomainException("patient.not-found", "No patient with this id.", "id");
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == patient.SiteId, ct);
        var since = time.ToInstant(time.Today.PlusDays(-7).AtMidnight());
        var rows = await (from a in db.Appointments.AsNoTracking()
                          where a.PatientId == patientId && a.Start >= since && a.Status != AppointmentStatus.Cancelled
                          join c in db.Chambers on a.ChamberId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          join r in db.Rooms on a.RoomId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby a.Start
                          select new { a.Id, a.Therapy, Chamber = c == null ? null : c.Name, Room = r == null ? null : r.Name, a.Start, a.End, a.Status, a.SessionIndex })
            .ToListAsync(ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Calendar", patientId.ToString(), patientId, via));
        await db.SaveChangesAsync(ct);
        return new CalendarView(patient.Id, $"{patient.GivenName} {patient.FamilyName}", patient.PreferredLanguage, site?.Name ?? "RegenClinic", time.Zone.Id,
            [.. rows.Select(x => new CalendarSession(x.Id, x.Therapy, x.Chamber ?? x.Room ?? "", time.Local(x.Start).LocalDateTime, time.Local(x.End).LocalDateTime,
                x.Start, x.End, x.Status, x.SessionIndex))]);
    }
}
