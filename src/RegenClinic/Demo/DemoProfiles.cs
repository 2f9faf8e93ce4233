using RegenClinic.Domain.Patients;

namespace RegenClinic.Demo;

/// <summary>
/// Clinical stories the demo patients are drawn from. Each exercises a rule of clinical-reference §3 so that the
/// screening, chart flags and schedules have something real to show. Codes: ICD-10-CM, ATC, LOINC (§1).
/// </summary>
internal sealed record DemoProfile(string Name, DemoCondition[] Conditions, DemoMedication[] Medications, string[] Allergies, DemoLab[] Labs, string? Therapy);

internal sealed record DemoCondition(string Code, string Display, ClinicalStatus Status, int OnsetMonthsAgo, string? BodySite = null, string? StageSystem = null, string? Stage = null);

internal sealed record DemoMedication(string Atc, string Display, MedicationStatus Status, int StartMonthsAgo, string Dose, int? StoppedMonthsAgo = null);

internal sealed record DemoLab(string Loinc, string Display, decimal Value, string Unit, int DaysAgo = 3);

internal static class DemoProfiles
{
    private static DemoCondition Active(string code, string display, int months, string? site = null, string? system = null, string? stage = null) =>
        new(code, display, ClinicalStatus.Active, months, site, system, stage);

    private static readonly DemoMedication Alendronate = new("M05BA04", "Alendronic acid", MedicationStatus.Stopped, 60, "70 mg weekly", 4);
    private static readonly DemoMedication Denosumab = new("M05BX04", "Denosumab", MedicationStatus.Active, 30, "60 mg every 6 months");
    private static readonly DemoMedication Ibuprofen = new("M01AE01", "Ibuprofen", MedicationStatus.Active, 5, "400 mg three times daily");
    private static readonly DemoMedication Paracetamol = new("N02BE01", "Paracetamol", MedicationStatus.Active, 8, "1 g four times daily");
    private static readonly DemoMedication Warfarin = new("B01AA03", "Warfarin", MedicationStatus.Active, 24, "per INR");
    private static readonly DemoMedication Apixaban = new("B01AF02", "Apixaban", MedicationStatus.Active, 12, "5 mg twice daily");
    private static readonly DemoMedication Insulin = new("A10AE04", "Insulin glargine", MedicationStatus.Active, 36, "20 units nightly");
    private static readonly DemoMedication Gliclazide = new("A10BB09", "Gliclazide", MedicationStatus.Active, 20, "80 mg daily");
    private static readonly DemoMedication Prednisolone = new("H02AB06", "Prednisolone", MedicationStatus.Active, 14, "5 mg daily");
    private static readonly DemoMedication Lisinopril = new("C09AA03", "Lisinopril", MedicationStatus.Active, 40, "10 mg daily");

    private const string Arco = StageSystems.Arco2019;
    private const string Aaoms = StageSystems.Aaoms2022;

    public static readonly DemoProfile[] All =
    [
        new("MRONJ after bisphosphonate", [Active("M87.180", "Osteonecrosis due to drugs, jaw", 5, "mandible", Aaoms, "2")], [Alendronate, Paracetamol], [], [], "hbot"),
        new("MRONJ on denosumab", [Active("M87.180", "Osteonecrosis due to drugs, jaw", 3, "maxilla", Aaoms, "1")], [Denosumab], [], [], "hbot"),
        new("Osteoradionecrosis of the mandible", [Active("M27.2", "Inflammatory conditions of jaws", 7, "mandible"), new("Z92.3", "Personal history of irradiation", ClinicalStatus.Resolved, 30)], [Paracetamol], [], [], "hbot"),
        new("Femoral head AVN, pre-collapse", [Active("M87.051", "Idiopathic aseptic necrosis of right femur", 6, "right hip", Arco, "II")], [Ibuprofen], [], [], "cell-therapy-bmac"),
        new("Femoral head AVN, collapsed", [Active("M87.052", "Idiopathic aseptic necrosis of left femur", 18, "left hip", Arco, "IIIB")], [Paracetamol], [], [], "hbot"),
        new("Femoral head AVN, unstaged, on steroids", [Active("M87.351", "Other secondary osteonecrosis, right femur", 4, "right hip")], [Prednisolone], [], [], "hbot"),
        new("Chronic low back pain after physiotherapy", [Active("M54.50", "Low back pain, unspecified", 14, "lumbar spine")], [Ibuprofen], [], [], "prolotherapy"),
        new("Lumbar disc herniation, early", [Active("M51.16", "Intervertebral disc disorders with radiculopathy, lumbar region", 1, "L4-L5")], [new("M01AE01", "Ibuprofen", MedicationStatus.Active, 0, "400 mg three times daily")], [], [], "ozone-injection"),
        new("Lumbar disc herniation, conservative care failed", [Active("M51.16", "Intervertebral disc disorders with radiculopathy, lumbar region", 9, "L5-S1")], [Ibuprofen], [], [], "ozone-injection"),
        new("Knee osteoarthritis on warfarin", [Active("M17.11", "Unilateral primary osteoarthritis, right knee", 36, "right knee"), Active("I48.91", "Atrial fibrillation", 30)], [Warfarin, Paracetamol], [], [new("6301-6", "INR", 2.4m, "{INR}")], "prolotherapy"),
        new("Knee osteoarthritis", [Active("M17.0", "Bilateral primary osteoarthritis of knee", 48, "both knees")], [Paracetamol], [], [], "prolotherapy"),
        new("Lateral epicondylitis", [Active("M77.11", "Lateral epicondylitis, right elbow", 8, "right elbow")], [Ibuprofen], [], [], "prolotherapy"),
        new("Fibromyalgia", [Active("M79.7", "Fibromyalgia", 40)], [Paracetamol], [], [], "hbot"),
        new("Fibromyalgia with pacemaker", [Active("M79.7", "Fibromyalgia", 26), Active("Z95.0", "Presence of cardiac pacemaker", 60)], [Paracetamol], [], [], "hbot"),
        new("Untreated pneumothorax", [Active("J93.9", "Pneumothorax, unspecified", 0), Active("M87.180", "Osteonecrosis due to drugs, jaw", 4, "mandible", Aaoms, "2")], [Alendronate], [], [], "hbot"),
        new("Pregnant with knee pain", [Active("Z33.1", "Pregnant state, incidental", 4), Active("M17.12", "Unilateral primary osteoarthritis, left knee", 10, "left knee")], [], [], [], "ozone-injection"),
        new("COPD with hip AVN", [Active("J44.9", "Chronic obstructive pulmonary disease, unspecified", 80), Active("M87.051", "Idiopathic aseptic necrosis of right femur", 5, "right hip", Arco, "I")], [], [], [], "hbot"),
        new("Diabetes on insulin with MRONJ", [Active("E11.9", "Type 2 diabetes mellitus without complications", 100), Active("M87.180", "Osteonecrosis due to drugs, jaw", 6, "mandible", Aaoms, "2")], [Insulin, Gliclazide, Alendronate], [], [new("2339-0", "Glucose", 142m, "mg/dL", 1)], "hbot"),
        new("Seizure disorder with AVN", [Active("G40.909", "Epilepsy, unspecified", 120), Active("M87.052", "Idiopathic aseptic necrosis of left femur", 3, "left hip", Arco, "II")], [new("N03AX14", "Levetiracetam", MedicationStatus.Active, 100, "500 mg twice daily")], [], [], "hbot"),
        new("Thrombocytopenia and disc herniation", [Active("D69.6", "Thrombocytopenia, unspecified", 12), Active("M51.17", "Intervertebral disc disorders with radiculopathy, lumbosacral region", 8, "L5-S1")], [Ibuprofen], [], [new("777-3", "Platelets", 42m, "10*3/uL")], "ozone-injection"),
        new("Breast cancer under treatment with knee OA", [Active("C50.911", "Malignant neoplasm of unspecified site of right female breast", 6), Active("M17.11", "Unilateral primary osteoarthritis, right knee", 24, "right knee")], [new("L01DB01", "Doxorubicin", MedicationStatus.Active, 2, "60 mg/m2 every 3 weeks")], [], [], "cell-therapy-adipose"),
        new("Lidocaine allergy with knee OA", [Active("M17.12", "Unilateral primary osteoarthritis, left knee", 30, "left knee")], [Paracetamol], ["Lidocaine"], [], "prolotherapy"),
        new("Achilles tendinopathy with corn allergy", [Active("M76.61", "Achilles tendinitis, right leg", 9, "right Achilles")], [Ibuprofen], ["Corn"], [], "prolotherapy"),
        new("Heart failure with low ejection fraction", [Active("I50.22", "Chronic systolic (congestive) heart failure", 50), Active("M79.7", "Fibromyalgia", 20)], [Lisinopril], [], [new("10230-1", "Left ventricular ejection fraction", 25m, "%", 30)], "hbot"),
        new("Claustrophobia with jaw ORN", [Active("F40.240", "Claustrophobia", 200), Active("M27.2", "Inflammatory conditions of jaws", 5, "mandible")], [], [], [], "hbot"),
        new("Knee OA on apixaban", [Active("M17.0", "Bilateral primary osteoarthritis of knee", 60, "both knees")], [Apixaban], [], [], "ozone-injection"),
    ];
}
