using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RegenClinic.Data;

namespace RegenClinic.Audit;

/// <summary>
/// Auditing and sign-in security settings live in configuration files, outside the app's own writes. At every start the
/// effective values are compared with the last recorded ones; a difference (someone turned a setting down or off) is
/// itself appended to the hash-chained trail, naming the host account that started the app with them.
/// </summary>
public static class AuditSettingsLog
{
    public const string Action = "audit-settings";
    private static readonly string[] Keys = ["Security:IdleTimeoutMinutes", "Security:LockoutAttempts", "Security:LockoutMinutes", "Security:SignInAttemptsPerMinute", "Security:PublicLinkRequestsPerMinute"];

    public static string Describe(IConfiguration configuration)
    {
        var audit = configuration.GetSection("Audit").AsEnumerable(makePathsRelative: false).Where(kv => kv.Value is not null);
        var values = Keys.Select(k => new KeyValuePair<string, string?>(k, configuration[k] ?? "(default)")).Concat(audit)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal);
        return string.Join("; ", values.Select(kv => $"{kv.Key}={kv.Value}"));
    }

    /// <returns>True when the settings differ from the last recorded ones (and a new entry was appended).</returns>
    public static async Task<bool> RecordIfChangedAsync(ClinicDb db, ClinicActor actor, NodaTime.IClock clock, IConfiguration configuration, CancellationToken ct = default)
    {
        var now = Describe(configuration);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.Action == Action).OrderByDescending(a => a.Sequence).Select(a => a.Details).FirstOrDefaultAsync(ct);
        if (last == now) return false;
        var was = actor.Name;
        actor.Name = $"host:{Environment.UserName}@{Environment.MachineName}";
        db.AuditEntries.Add(AuditEntry.Create(actor, clock.GetCurrentInstant(), Action, "Configuration", last is null ? "initial" : "changed", null, now));
        await db.SaveChangesAsync(ct);
        actor.Name = was;
        return true;
    }
}
