using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace RegenClinic.Audit;

public static class AuditActions
{
    public const string Read = "read";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Bulk = "bulk";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    /// <summary>Sign-in attempts refused by the rate limiter (once per address and account per minute; Details: which limit).</summary>
    public const string SignInThrottled = "sign-in-throttled";
    /// <summary>An emergency opening of a record the user has no rights to; the reason is in Details.</summary>
    public const string BreakGlass = "break-glass";
    public const string SiteAccessGranted = "site-access-granted";
    public const string SiteAccessRevoked = "site-access-revoked";
    /// <summary>A physician closed a course without completing it; the reason is on the course, Details says how many sessions were cancelled.</summary>
    public const string CourseCancel = "course-cancel";
}

/// <summary>
/// One append-only audit row. <see cref="Sequence"/> is unique, so two writers cannot both extend the chain from the
/// same link; <see cref="Hash"/> covers the row and the previous hash, so an edited or removed row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public long Sequence { get; private set; }
    public Instant At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Address { get; private set; }
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public Guid? PatientId { get; private set; }
    public string? Details { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public static AuditEntry Create(ClinicActor actor, Instant at, string action, string entityType, string? entityId, Guid? patientId, string? details) => new()
    {
        At = at, ActorId = actor.UserId, ActorName = actor.Name, Address = actor.Address, Action = action,
        EntityType = entityType, EntityId = entityId, PatientId = patientId, Details = details,
    };

    internal void Chain(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f', Sequence, At.ToUnixTimeTicks() / NodaConstants.TicksPerMillisecond, ActorId, ActorName, Address,
            Action, EntityType, EntityId, PatientId, Details, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
