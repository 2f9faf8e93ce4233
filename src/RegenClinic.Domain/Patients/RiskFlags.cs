
namespace RegenClinic.Domain.Patients;

public enum RiskFlagKind { Antiresorptive, Corticosteroid, Anticoagulant, Chemotherapy, Allergy, Pregnancy, Pneumothorax }

public sealed record RiskFlag(RiskFlagKind Kind, string Because);

/// <summary>
/// Flags on the chart header. Medication classes come from <see cref="MedicationClasses"/> (antiresorptives: the MRONJ risk;
/// corticosteroids; anticoagulants of clinical-reference §3; the chemotherapy agents of §3 that matter under pressure).
/// </summary>
public static class RiskFlags
{
    public static RiskFlagKind? ClassOf(string atcCode) => MedicationClasses.Of(atcCode) switch
    {
        var c when c.Contains(MedicationClass.Antiresorptive) => RiskFlagKind.Antiresorptive,
        var c when c.Contains(MedicationClass.Corticosteroid) => RiskFlagKind.Corticosteroid,
        var c when c.Contains(MedicationClass.Anticoagulant) => RiskFlagKind.Anticoagulant,
        var c when c.Contains(MedicationClass.ChemotherapyOfReference) => RiskFlagKind.Chemotherapy,
        _ => null,
    };

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
