namespace RegenClinic.Domain.Outcomes;

/// <summary>Published raw-sum → interval-score tables (0 = total joint disability, 100 = perfect joint health).</summary>
public static class IntervalConversion
{
    /// <summary>KOOS JR, raw sum 0–28 (index) → interval score, from the HSS KOOS JR scoring instructions
    /// (Lyman et al. 2016). Checked value-for-value against two independent public transcriptions of the HSS table.</summary>
    public static IReadOnlyList<double> KoosJr { get; } =
    [
        100.000, 91.975, 84.600, 79.914, 76.332, 73.342, 70.704, 68.284, 65.994, 63.776,
        61.583, 59.381, 57.140, 54.840, 52.465, 50.012, 47.487, 44.905, 42.281, 39.625,
        36.931, 34.174, 31.307, 28.251, 24.875, 20.941, 15.939, 8.291, 0.000,
    ];

    /// <summary>HOOS JR, raw sum 0–24 (index) → interval score, from the HSS HOOS JR scoring instructions
    /// (Lyman et al. 2016). Checked value-for-value against two independent public transcriptions of the HSS table:
    /// Stanford's CHOIR patient-registry software (total-joint survey scoring, 2014), whose KOOS JR table in the same
    /// place is identical to <see cref="KoosJr"/>, and an orthopaedic practice's outcomes application.</summary>
    public static IReadOnlyList<double> HoosJr { get; } =
    [
        100.000, 92.340, 85.257, 80.550, 76.776, 73.472, 70.426, 67.516, 64.664, 61.815,
        58.930, 55.985, 52.965, 49.858, 46.652, 43.335, 39.902, 36.363, 32.735, 29.009,
        25.103, 20.805, 15.633, 8.104, 0.000,
    ];
}
