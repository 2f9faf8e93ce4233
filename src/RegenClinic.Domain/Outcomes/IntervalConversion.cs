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

    // HOOS JR: deliberately no table. Only one public transcription of the HSS HOOS JR table could be found and it
    // could not be checked against a second source, so shipping it would risk recording wrong scores. Scoring
    // returns "cannot score" with the raw sum until the table is verified against the HSS scoring instructions.
}
