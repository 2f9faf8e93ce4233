
namespace RegenClinic.Domain.Patients;

public enum RiskFlagKind { Antiresorptive, Corticosteroid, Anticoagulant, Chemotherapy, Allergy, Pregnancy, Pneumothorax }

public sealed record RiskFlag(RiskFlagKind Kind, string Because);

/// <summary>
/// Flags on the chart header. Medication classes by ATC prefix: antiresorptives (bisphosphonates M05BA, denosumab M05BX04:
/// the MRONJ risk), systemic corticosteroids (H02AB), anticoagulants (B01AA, B01AB, B01AE, B01AF: clinical-reference §3),
/// and the chemotherapy agents of §3 that matter under pressure (doxorubicin, bleomycin, cisplatin).
/// </summary>
public static class RiskFlags
{
    private static readonly (string Prefix, RiskFlagKind Kind)[] MedicationPrefixes =
    [
        ("M05BA", RiskFlagKind.Antiresorptive), ("M05BB", RiskFlagKind.Antiresorptive), ("M05BX04", RiskFlagKind.Antiresorptive),
        ("H02AB", RiskFlagKind.Corticosteroid),
        ("B01AA", RiskFlagKind.Anticoagulant), ("B01AB", RiskFlagKind.Anticoagulant), ("B01AE", RiskFlagKind.Anticoagulant), ("B01AF", RiskFlagKind.Anticoagulant),
        ("L01DB01", RiskFlagKind.Chemotherapy), ("L01DC01", RiskFlagKind.Chemotherapy), ("L01XA01", RiskFlagKind.Chemotherapy),
    ];

    public static RiskFlagKind? ClassOf(string atcCode) =>
        MedicationPrefixes.Where(m => atcCode.StartsWith(m.Prefix, StringComparison.OrdinalIgnoreCase)).Select(m => (RiskFlagKind?)m.Kind).FirstOrDefault();

    public static IReadOnlyList<RiskFlag> For(IEnumerable<ConditionEntry> conditions, IEnumerable<MedicationEntry> medications, IEnumerable<AllergyEntry> allergies)
    {
        var flags = new List<RiskFlag>();
        foreach (var m in medications.Where(m => m.IsCurrent))
        {
            // Antiresorptive exposure keeps its MRONJ risk after the drug stops, so history counts too.
            if (ClassOf(m.AtcCode) is { } kind && (m.IsTaken || kind is RiskFlagKind.Antiresorptive or RiskFlagKind.Chemotherapy))
                flags.Add(new RiskFlag(kind, $"{m.Display} ({m.AtcCode}, {m.Status})"));
        }
        foreach (var c in conditions.Where(c => c.IsCurrent && c.CountsAsActive))
        {
            if (c.Code.StartsWith("J93", StringComparison.Ordinal)) flags.Add(new RiskFlag(RiskFlagKind.Pneumothorax, $"{c.Display} ({c.Code})"));
            if (c.Code.StartsWith("Z33.1", StringComparison.Ordinal) || c.Code.StartsWith('O')) flags.Add(new RiskFlag(RiskFlagKind.Pregnancy, $"{c.Display} ({c.Code})"));
        }
        flags.AddRange(allergies.Where(a => a.IsCurrent).Select(a => new RiskFlag(RiskFlagKind.Allergy, a.Substance)));
        return flags.DistinctBy(f => (f.Kind, f.Because)).ToList();
    }
}
