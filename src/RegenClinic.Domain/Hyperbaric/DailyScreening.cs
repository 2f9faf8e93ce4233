using NodaTime;
using RegenClinic.Domain.Eligibility;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>The pre-dive re-run of the hbot screening on the session day (clinical-reference §3 hbot rules, §4 checklist): today's
/// result from today's chart, compared with the screening the physician last decided on. A contraindication that was not
/// there then (a new fever, a new drug, a new cold) makes the item fail; one the physician already weighed does not.</summary>
public static class DailyScreening
{
    /// <param name="today">The screening engine's result for hbot on <paramref name="date"/>.</param>
    /// <param name="baseline">The last screening a physician decided on (the course's), or null when there is none: then every
    /// contraindication counts as new.</param>
    public static ScreeningRerun Compare(ScreeningResult today, ScreeningResult? baseline, LocalDate date)
    {
        var known = (baseline?.Findings ?? [])
            .SelectMany(f => f.Facts.DefaultIfEmpty("").Select(fact => (f.RuleId, fact)))
            .ToHashSet();
        var fresh = today.Findings
            .Where(f => f.Kind is FindingKind.AbsoluteContraindication or FindingKind.RelativeContraindication)
            .Select(f => (f.RuleId, Facts: f.Facts.DefaultIfEmpty("").Where(fact => !known.Contains((f.RuleId, fact))).ToList()))
            .Where(f => f.Facts.Count > 0)
            .ToList();
        var contraindicated = today.Verdict == Verdict.Contraindicated;
        if (fresh.Count == 0 && !contraindicated)
        {
            return new ScreeningRerun(date, true, $"hbot {today.Verdict.ToWire()} ({today.RuleSetVersion}); no new contraindication");
        }

        var items = fresh.Select(f => $"{f.RuleId} ({string.Join("; ", f.Facts.Where(x => x.Length > 0))})");
        var summary = $"hbot {today.Verdict.ToWire()} ({today.RuleSetVersion})"
            + (fresh.Count > 0 ? "; new since the last decided screening: " + string.Join(", ", items) : "; absolute contraindication");
        return new ScreeningRerun(date, false, summary);
    }
}
