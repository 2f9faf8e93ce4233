using NodaTime;

namespace RegenClinic.Domain.Injections;

public enum InjectionPlacement
{
    ExtraArticular,
    IntraArticular,
}

/// <summary>Prolotherapy injectate: dextrose % (w/v), lidocaine % (w/v, 0 when none) and any other component as text.</summary>
public sealed record ProlotherapySolution(decimal DextrosePercent, decimal LidocainePercent, string? Other = null);

/// <summary>One injection-site row. The solution sits on the row because one session often uses two (Rabago 2013:
/// 15% extra-articular and 25% intra-articular); a page may default every row to the session's usual solution.</summary>
public sealed record ProlotherapyInjection(
    InjectionRegion Region,
    BodySide Side,
    InjectionPlacement Placement,
    decimal VolumeMl,
    InjectionGuidance Guidance,
    ProlotherapySolution Solution,
    string? Structure = null);

public sealed record ProlotherapySessionRecord(LocalDate ProcedureDate, IReadOnlyList<ProlotherapyInjection> Injections)
{
    /// <summary>Total injected volume (mL), checked decimal sum.</summary>
    public decimal TotalVolumeMl => Injections.Aggregate(0m, (sum, i) => checked(sum + i.VolumeMl));

    /// <summary>Total lidocaine (mg): 1% w/v = 10 mg/mL, so mg = % × 10 × mL per row.</summary>
    public decimal TotalLidocaineMg => Injections.Aggregate(0m, (sum, i) => checked(sum + (i.Solution.LidocainePercent * 10m * i.VolumeMl)));
}

/// <summary>Prolotherapy limits (*configurable*; clinical-reference §3 prolotherapy: dextrose 10–25%, extra-articular
/// 12.5–15% typical, intra-articular up to 25%, 0.5–6 mL per site).</summary>
public sealed record ProlotherapyLimits(
    string Version,
    decimal MinDextrosePercent,
    decimal MaxDextrosePercent,
    decimal TypicalMaxExtraArticularDextrosePercent,
    decimal MinVolumePerSiteMl,
    decimal MaxVolumePerSiteMl)
{
    public const string Source = "clinical-reference §3, prolotherapy solutions (Rabago et al., Ann Fam Med 2013;11:229-37)";

    public static ProlotherapyLimits Default { get; } = new("prolo-limits-2026-1", 10m, 25m, 15m, 0.5m, 6m);
}

public static class ProlotherapyChecks
{
    /// <summary>Checks every row: entries (positive volume, dextrose &gt; 0, lidocaine ≥ 0, a side), then limits on both
    /// sides (dextrose 10–25%, volume 0.5–6 mL per site). Finding codes carry the row index
    /// (<c>prolo.injection[2].volume.above-max</c>) so each can be overridden on its own.</summary>
    public static IReadOnlyList<ProcedureFinding> CheckSession(ProlotherapySessionRecord session, ProlotherapyLimits limits)
    {
        var findings = new List<ProcedureFinding>();
        if (session.Injections.Count == 0)
        {
            findings.Add(new("prolo.injections.empty", FindingKind.InvalidEntry, "injections", "Record at least one injection site."));
        }

        for (var i = 0; i < session.Injections.Count; i++)
        {
            CheckInjection(session.Injections[i], $"injection[{i}]", limits, findings);
        }

        return findings;
    }

    private static void CheckInjection(ProlotherapyInjection row, string at, ProlotherapyLimits limits, List<ProcedureFinding> findings)
    {
        var v = row.VolumeMl;
        if (v <= 0)
        {
            findings.Add(new($"prolo.{at}.volume.not-positive", FindingKind.InvalidEntry, $"{at}.volume", "Volume must be greater than 0 mL."));
        }
        else if (v > limits.MaxVolumePerSiteMl)
        {
            findings.Add(new($"prolo.{at}.volume.above-max", FindingKind.LimitBreach, $"{at}.volume",
                $"Volume {v} mL is above {limits.MaxVolumePerSiteMl} mL per site.", $"≤ {limits.MaxVolumePerSiteMl} mL", ProlotherapyLimits.Source));
        }
        else if (v < limits.MinVolumePerSiteMl)
        {
            findings.Add(new($"prolo.{at}.volume.below-min", FindingKind.LimitBreach, $"{at}.volume",
                $"Volume {v} mL is below {limits.MinVolumePerSiteMl} mL per site.", $"≥ {limits.MinVolumePerSiteMl} mL", ProlotherapyLimits.Source));
        }

        var d = row.Solution.DextrosePercent;
        if (d <= 0)
        {
            findings.Add(new($"prolo.{at}.dextrose.not-positive", FindingKind.InvalidEntry, $"{at}.dextrose", "Dextrose % must be greater than 0."));
        }
        else if (d > limits.MaxDextrosePercent)
        {
            findings.Add(new($"prolo.{at}.dextrose.above-max", FindingKind.LimitBreach, $"{at}.dextrose",
                $"Dextrose {d}% is above {limits.MaxDextrosePercent}%.", $"≤ {limits.MaxDextrosePercent}%", ProlotherapyLimits.Source));
        }
        else if (d < limits.MinDextrosePercent)
        {
            findings.Add(new($"prolo.{at}.dextrose.below-min", FindingKind.LimitBreach, $"{at}.dextrose",
                $"Dextrose {d}% is below {limits.MinDextrosePercent}%.", $"≥ {limits.MinDextrosePercent}%", ProlotherapyLimits.Source));
        }
        else if (row.Placement == InjectionPlacement.ExtraArticular && d > limits.TypicalMaxExtraArticularDextrosePercent)
        {
            findings.Add(new($"prolo.{at}.dextrose.extra-articular-above-typical", FindingKind.Caution, $"{at}.dextrose",
                $"Dextrose {d}% extra-articular: 12.5–{limits.TypicalMaxExtraArticularDextrosePercent}% is typical outside the joint.",
                $"typical ≤ {limits.TypicalMaxExtraArticularDextrosePercent}%", ProlotherapyLimits.Source));
        }

        if (row.Solution.LidocainePercent < 0)
        {
            findings.Add(new($"prolo.{at}.lidocaine.negative", FindingKind.InvalidEntry, $"{at}.lidocaine", "Lidocaine % cannot be negative (0 when none)."));
        }

        if (row.Side == BodySide.NotApplicable && row.Region != InjectionRegion.LumbarSacroiliac)
        {
            findings.Add(new($"prolo.{at}.side.missing", FindingKind.InvalidEntry, $"{at}.side", "Record the side (left, right or bilateral)."));
        }
    }
}
