using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Domain.Travel;

/// <summary>A protocol a package can be built from: therapy, sessions and spacing, with the source the numbers come from.</summary>
public sealed record PackageProtocol(string Id, string Therapy, string Name, int Sessions, SessionPatternKind Pattern, int PerDay, int MinDays, int MaxDays, string Source);

public static class PackageProtocols
{
    /// <summary>HBOT courses from clinical reference §4 (one session a day, 5 days a week, 20–40 sessions) and §2's trials; the
    /// injection protocols are the built-in presets (their own citations).</summary>
    public static IReadOnlyList<PackageProtocol> All { get; } =
    [
        new("hbot-2.4-30", "hbot", "HBOT 2.4 ATA 90 min (2.4-90), 30 weekday sessions", 30, SessionPatternKind.Weekdays, 1, 0, 0,
            "clinical reference §4 (courses 20–40 sessions, 5 days a week); Camporesi et al., J Arthroplasty 2010;25(6S):118-23 (30 sessions)"),
        new("hbot-2.0-40-bid", "hbot", "HBOT 2.0 ATA 90 min (2.0-90), 40 sessions twice daily", 40, SessionPatternKind.Weekdays, 2, 0, 0,
            "Freiberger et al., J Oral Maxillofac Surg 2012;70:1573-83 (2 ATA twice daily, 40 sessions); clinical reference §4 (≥ 4 h apart)"),
        new("hbot-marx-20-10", "hbot", "HBOT Marx 20/10 (marx-20-10: 2.4 ATA 90 min), 20 sessions before surgery", 20, SessionPatternKind.Weekdays, 1, 0, 0,
            "clinical reference §4 (marx-20-10: 20 sessions before and 10 after surgery)"),
        .. ProtocolPresets.BuiltIn.Select(p => new PackageProtocol(p.Id, p.Therapy, p.NameEn, p.Sessions,
            p.Sessions == 1 ? SessionPatternKind.Single : SessionPatternKind.Interval, 1, p.SpacingMinDays, p.SpacingMaxDays, p.Citation)),
    ];

    public static PackageProtocol? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}
