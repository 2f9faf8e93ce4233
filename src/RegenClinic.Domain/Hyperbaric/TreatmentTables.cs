using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>The treatment-table catalogue (clinical-reference §4). Add or retire entries; never delete one, since dive
/// logs refer to tables by id.</summary>
/// <remarks>
/// Gas during travel (a decision where §4 is silent): multiplace tables compress on air (hoods go on at depth, as in the
/// US Navy tables where "time at depth begins on arrival") and decompress on O2 (the hood stays on; this over- rather
/// than under-states the dose); the monoplace table is O2 throughout because a monoplace is compressed with O2.
/// Compression 15 minutes (15 minutes linear gave less ear barotrauma than 10), decompression 10 minutes; the fastest
/// allowed is 10 minutes each way ("about 10–15 minutes").
/// </remarks>
public static class TreatmentTables
{
    private const BreathingGas O2 = BreathingGas.Oxygen;
    private const BreathingGas Air = BreathingGas.Air;
    private const string ElectiveSource = "clinical-reference §4 (elective tables; US Navy Treatment Table 9 O2/air pattern)";

    public static readonly TreatmentTable Elective24 = Elective("2.4-90", "2.4 ATA, 3 × 30 min O2, 2 air breaks", 2.4, ElectiveSource);

    public static readonly TreatmentTable Elective20 = Elective("2.0-90", "2.0 ATA, 3 × 30 min O2, 2 air breaks", 2.0, ElectiveSource);

    public static readonly TreatmentTable Monoplace25 = new(
        "2.5-90-mono",
        "2.5 ATA, 90 min continuous O2 (monoplace)",
        new Ata(2.5),
        [new(15, new Ata(2.5), O2), new(90, new Ata(2.5), O2), new(10, Ata.Surface, O2)],
        FastestCompressionMinutes: 10,
        FastestDecompressionAtaPerMinute: 1.5 / 10,
        EmergencyOnly: false,
        Source: "clinical-reference §4 (monoplace, no air breaks)");

    public static readonly TreatmentTable Marx = Elective(
        "marx-20-10",
        "Marx 20/10: 2.4 ATA, 90 min O2; 20 sessions before and 10 after surgery",
        2.4,
        "clinical-reference §4 (Marx protocol for osteoradionecrosis)",
        "§4 gives pressure, 90 minutes and the 20 + 10 course only; the O2/air pattern is taken from 2.4-90 (unconfirmed).");

    /// <summary>US Navy Treatment Table 6: 60 fsw (2.8 ATA) 3 × 20 min O2 with 5-min air breaks, 30 min ascent on O2 to
    /// 30 fsw (1.9 ATA), there 15 air / 60 O2 / 15 air / 60 O2, 30 min ascent on O2: 285 minutes not counting descent.
    /// Descent at 20 fsw/min (3 min) on air: "time on oxygen begins on arrival at 60 feet". Ascent not to exceed 1 fsw/min
    /// (0.03 ATA/min). Exact OTU of this profile: 640.7 (the cited ≈ 644 is within 1 %; see docs/formats/oxygen-dose.md).</summary>
    public static readonly TreatmentTable UsnTt6 = new(
        "usn-tt6",
        "US Navy Treatment Table 6 (2.8 ATA, 285 min): emergencies only",
        new Ata(2.8),
        [
            new(3, new Ata(2.8), Air),
            new(20, new Ata(2.8), O2), new(5, new Ata(2.8), Air),
            new(20, new Ata(2.8), O2), new(5, new Ata(2.8), Air),
            new(20, new Ata(2.8), O2), new(5, new Ata(2.8), Air),
            new(30, new Ata(1.9), O2),
            new(15, new Ata(1.9), Air), new(60, new Ata(1.9), O2),
            new(15, new Ata(1.9), Air), new(60, new Ata(1.9), O2),
            new(30, Ata.Surface, O2),
        ],
        FastestCompressionMinutes: 3,
        FastestDecompressionAtaPerMinute: 0.9 / 30,
        EmergencyOnly: true,
        Source: "clinical-reference §4; US Navy Diving Manual, Treatment Table 6");

    public static IReadOnlyList<TreatmentTable> All { get; } = [Elective24, Elective20, Monoplace25, Marx, UsnTt6];

    public static TreatmentTable? Find(string id) => All.FirstOrDefault(t => t.Id == id);

    public static TreatmentTable Get(string id) =>
        Find(id) ?? throw new DomainException("treatment-table.unknown", $"Unknown treatment table '{id}'. Known: {string.Join(", ", All.Select(t => t.Id))}.", "table");

    private static TreatmentTable Elective(string id, string name, double ata, string source, string? note = null)
    {
        var depth = new Ata(ata);
        return new TreatmentTable(
            id,
            name,
            depth,
            [
                new(15, depth, Air),
                new(30, depth, O2), new(5, depth, Air),
                new(30, depth, O2), new(5, depth, Air),
                new(30, depth, O2),
                new(10, Ata.Surface, O2),
            ],
            FastestCompressionMinutes: 10,
            FastestDecompressionAtaPerMinute: (ata - 1.0) / 10,
            EmergencyOnly: false,
            Source: source,
            Note: note);
    }
}
