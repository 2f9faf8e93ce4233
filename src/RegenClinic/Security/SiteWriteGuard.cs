using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Security;

/// <summary>
/// Query filters hide other sites' patients from reads; this closes writes. Before every save, each added or changed
/// entity that names a patient must name one the actor may see, else the whole save is refused as if the patient did
/// not exist (no hint that the id is real).
/// </summary>
internal static class SiteWriteGuard
{
    public static async Task CheckAsync(ClinicDb db, ClinicActor actor, IReadOnlyList<EntityEntry> changed, CancellationToken ct)
    {
        var scope = actor.Scope;
        if (scope.AllSites) return;
        var patientIds = new HashSet<Guid>();
        foreach (var entry in changed)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity is Patient patient)
            {
                if (!scope.Allows(patient.SiteId, patient.Id)) throw NotFound();
                continue;
            }
            if (entry.Entity is BreakGlassAccess) continue;
            if (entry.Metadata.FindProperty("PatientId") is { } property && property.ClrType == typeof(Guid)
                && entry.Property("PatientId").CurrentValue is Guid id)
            {
                patientIds.Add(id);
            }
        }
        patientIds.ExceptWith(changed.Where(e => e.State == EntityState.Added && e.Entity is Patient).Select(e => ((Patient)e.Entity).Id));
        if (patientIds.Count == 0) return;
        var visible = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).CountAsync(ct);
        if (visible != patientIds.Count) throw NotFound();
    }

    private static DomainException NotFound() => new("patient.not-found", "No patient with this id.", "id");
}
