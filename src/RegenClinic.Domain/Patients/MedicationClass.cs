namespace RegenClinic.Domain.Patients;

/// <summary>Medication classes the clinical rules read, recognised from an ATC code.</summary>
public enum MedicationClass
{
    /// <summary>Bisphosphonates M05BA, M05BB; denosumab M05BX04; romosozumab M05BX06 (MRONJ risk; AAOMS 2022 — romosozumab
    /// is an assumption beyond the reference's list).</summary>
    Antiresorptive,

    /// <summary>Systemic glucocorticoids H02AB.</summary>
    Corticosteroid,

    /// <summary>B01AA, B01AB, B01AE, B01AF (clinical-reference §3, ozone/prolotherapy/cell therapy relative).</summary>
    Anticoagulant,

    /// <summary>Doxorubicin L01DB01, bleomycin L01DC01, cisplatin L01XA01 (clinical-reference §3, hbot relative).</summary>
    ChemotherapyOfReference,

    /// <summary>Disulfiram N07BB01, mafenide D06BA03 (clinical-reference §3, hbot relative).</summary>
    HbotInteractingDrug,

    /// <summary>ACE inhibitors C09A (clinical-reference §3, ozone caution).</summary>
    AceInhibitor,

    /// <summary>Insulins A10A (clinical-reference §3, hbot glucose precaution).</summary>
    Insulin,

    /// <summary>Sulfonylureas A10BB (clinical-reference §3, hbot glucose precaution).</summary>
    Sulfonylurea,

    /// <summary>NSAIDs M01A (clinical-reference §1, conservative care).</summary>
    Nsaid,

    /// <summary>Analgesics N02 (clinical-reference §1, conservative care).</summary>
    Analgesic,

    /// <summary>Amide local anaesthetics N01BB (lidocaine N01BB02; prolotherapy injectate allergy).</summary>
    AmideLocalAnaesthetic,
}

public static class MedicationClasses
{
    private static readonly (string Prefix, MedicationClass Class)[] Rules =
    [
        ("M05BA", MedicationClass.Antiresorptive),
        ("M05BB", MedicationClass.Antiresorptive),
        ("M05BX04", MedicationClass.Antiresorptive),
        ("M05BX06", MedicationClass.Antiresorptive),
        ("H02AB", MedicationClass.Corticosteroid),
        ("B01AA", MedicationClass.Anticoagulant),
        ("B01AB", MedicationClass.Anticoagulant),
        ("B01AE", MedicationClass.Anticoagulant),
        ("B01AF", MedicationClass.Anticoagulant),
        ("L01DB01", MedicationClass.ChemotherapyOfReference),
        ("L01DC01", MedicationClass.ChemotherapyOfReference),
        ("L01XA01", MedicationClass.ChemotherapyOfReference),
        ("N07BB01", MedicationClass.HbotInteractingDrug),
        ("D06BA03", MedicationClass.HbotInteractingDrug),
        ("C09A", MedicationClass.AceInhibitor),
        ("A10A", MedicationClass.Insulin),
        ("A10BB", MedicationClass.Sulfonylurea),
        ("M01A", MedicationClass.Nsaid),
        ("N02", MedicationClass.Analgesic),
        ("N01BB", MedicationClass.AmideLocalAnaesthetic),
    ];

    /// <summary>Every class an ATC code falls in (by prefix; case-insensitive; spaces ignored). A group code counts
    /// only when it is at least as specific as the rule (<c>M05B</c> is not an antiresorptive; <c>M05BA</c> is).</summary>
    public static IReadOnlyList<MedicationClass> Of(string atcCode)
    {
        var code = (atcCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (code.Length == 0)
        {
            return [];
        }

        return [.. Rules.Where(r => code.StartsWith(r.Prefix, StringComparison.Ordinal)).Select(r => r.Class).Distinct()];
    }

    public static bool Is(string atcCode, MedicationClass medicationClass) => Of(atcCode).Contains(medicationClass);
}
