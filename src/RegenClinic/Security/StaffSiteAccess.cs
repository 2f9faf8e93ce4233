using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Security;

/// <summary>A standing grant for a staff member to see the patients of a site other than their own (cover, shared clinics).</summary>
public sealed class StaffSiteAccess
{
    private StaffSiteAccess() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string UserId { get; private set; } = "";
    public Guid SiteId { get; private set; }
    public string GrantedBy { get; private set; } = "";
    public Instant GrantedAt { get; private set; }

    public static StaffSiteAccess Grant(string userId, Guid siteId, string by, Instant at) => new()
    {
        UserId = Require.Text(userId, "userId", 450),
        SiteId = siteId == Guid.Empty ? throw new DomainException("field.required", "Choose a site.", "siteId") : siteId,
        GrantedBy = Require.Text(by, "by", 200),
        GrantedAt = at,
    };
}

/// <summary>
/// An emergency opening of one patient's record by someone without rights to it. The reason is mandatory; the
/// opening is audited as <c>break-glass</c>, flagged on the record while it lasts and listed for the Admin.
/// </summary>
public sealed class BreakGlassAccess
{
    public static readonly Duration Lasts = Duration.FromHours(4);

    private BreakGlassAccess() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public Guid PatientId { get; private set; }
    public string Reason { get; private set; } = "";
    public Instant OpenedAt { get; private set; }
    public Instant ExpiresAt { get; private set; }

    public static BreakGlassAccess Open(string userId, string userName, Guid patientId, string reason, Instant at)
    {
        var why = Require.Text(reason, "reason", 500);
        if (why.Length < 10) throw new DomainException("break-glass.reason-too-short", "Say why in at least 10 characters.", "reason");
        return new BreakGlassAccess
        {
            UserId = Require.Text(userId, "userId", 450), UserName = Require.Text(userName, "userName", 200),
            PatientId = patientId, Reason = why, OpenedAt = at, ExpiresAt = at + Lasts,
        };
    }
}
