using RegenClinic.Audit;
using RegenClinic.Data;

namespace RegenClinic.Web.Account;

/// <summary>Sign-ins, failures and sign-outs go into the same hash-chained trail as patient data.</summary>
public sealed class SignInAudit(ClinicDb db, ClinicActor actor, NodaTime.IClock clock)
{
    public async Task RecordAsync(string action, string? userName)
    {
        if (userName is not null && actor.UserId == "anonymous") actor.Name = userName;
        db.AuditEntries.Add(AuditEntry.Create(actor, clock.GetCurrentInstant(), action, "StaffUser", userName, null, null));
        await db.SaveChangesAsync();
    }
}
