using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;

namespace RegenClinic.Security;

public sealed record BreakGlassView(Guid Id, string UserName, Guid PatientId, string RecordNumber, string Patient, string Reason, Instant OpenedAt, Instant ExpiresAt);

/// <summary>
/// Opens one patient's record for a user whose sites do not include it, for <see cref="BreakGlassAccess.Lasts"/>.
/// The patient is found past the site filter on purpose (by record number or id); nothing of the record is returned here.
/// </summary>
public sealed class OpenBreakGlass(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(string recordNumberOrId, string reason, CancellationToken ct = default)
    {
        if (actor.Scope.AllSites || actor.UserId is "anonymous" or "system")
            throw new DomainException("break-glass.not-staff", "Break-glass is for signed-in staff.", null);
        var key = (recordNumberOrId ?? "").Trim();
        var query = db.Patients.IgnoreQueryFilters().AsNoTracking();
        var patient = Guid.TryParse(key, out var id)
            ? await query.Where(p => p.Id == id).Select(p => new { p.Id, p.SiteId }).FirstOrDefaultAsync(ct)
            : await query.Where(p => p.RecordNumber == key).Select(p => new { p.Id, p.SiteId }).FirstOrDefaultAsync(ct);
        if (patient is null) throw new DomainException("patient.not-found", "No patient with this record number.", "patient");
        if (actor.Scope.Allows(patient.SiteId, patient.Id)) return patient.Id;
        var access = BreakGlassAccess.Open(actor.UserId, actor.Name, patient.Id, reason, time.Now);
        db.BreakGlassAccess.Add(access);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.BreakGlass, "Patient", patient.Id.ToString(), patient.Id, access.Reason));
        await db.SaveChangesAsync(ct);
        actor.Scope = actor.Scope with { BreakGlassPatients = [.. actor.Scope.BreakGlassPatients, patient.Id] };
        return patient.Id;
    }
}

/// <summary>The live break-glass opening of this patient by the acting user, if any: the record view shows it as a banner.</summary>
public sealed class ActiveBreakGlass(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public Task<BreakGlassAccess?> HandleAsync(Guid patientId, CancellationToken ct = default) =>
        db.BreakGlassAccess.AsNoTracking().Where(g => g.UserId == actor.UserId && g.PatientId == patientId && g.ExpiresAt > time.Now)
            .OrderByDescending(g => g.OpenedAt).FirstOrDefaultAsync(ct);
}

/// <summary>The Admin's report: every break-glass opening, newest first.</summary>
public sealed class ListBreakGlass(ClinicDb db)
{
    public async Task<IReadOnlyList<BreakGlassView>> HandleAsync(int take = 200, CancellationToken ct = default)
    {
        var rows = await db.BreakGlassAccess.AsNoTracking().OrderByDescending(g => g.OpenedAt).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        var ids = rows.Select(r => r.PatientId).Distinct().ToList();
        var patients = await db.Patients.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.RecordNumber, p.FamilyName, p.GivenName }).ToDictionaryAsync(p => p.Id, ct);
        return [.. rows.Select(r => new BreakGlassView(r.Id, r.UserName, r.PatientId,
            patients.TryGetValue(r.PatientId, out var p) ? p.RecordNumber : "?", p is null ? "?" : $"{p.FamilyName}, {p.GivenName}",
            r.Reason, r.OpenedAt, r.ExpiresAt))];
    }
}
