using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Eligibility;

/// <summary>Screens a patient for a therapy on a date: pure, deterministic, and every rule's finding is reported.
/// The rules are data (<see cref="KnowledgeBase"/>); this class holds the matchers they name.</summary>
public static class Screening
{
    public static ScreeningResult Screen(PatientFacts facts, TherapyId therapy, LocalDate date, ScreeningSettings settings) =>
        Screen(facts, therapy, date, settings, KnowledgeBase.Default);

    public static IReadOnlyList<ScreeningResult> ScreenAll(PatientFacts facts, LocalDate date, ScreeningSettings settings) =>
        TherapyId.All.Select(t => Screen(facts, t, date, settings)).ToList();

    public static ScreeningResult Screen(PatientFacts facts, TherapyId therapy, LocalDate date, ScreeningSettings settings, KnowledgeBase kb)
    {
        var info = kb.Therapy(therapy);
        var context = new FactReader(facts, date, settings);
        var indications = FindIndications(context, info, therapy, kb);
        var blocked = new HashSet<IndicationMatch>();
        var findings = new List<Finding>();

        foreach (var rule in kb.RulesFor(therapy))
        {
            var matched = rule.FindingKind == FindingKind.PrerequisiteUnmet || rule.Match.Type == "arco-missing"
                ? EvaluatePerIndication(rule, indications, context, blocked)
                : Evaluate(rule, context, indications);
            if (matched.Count > 0)
            {
                findings.Add(new Finding(rule.Id, rule.FindingKind, rule.Reason, matched.Distinct().ToList(), rule.Source));
            }
        }

        var finalIndications = indications.Select(i => i with { PrerequisitesMet = !blocked.Contains(i) }).ToList();
        var ordered = findings.OrderBy(f => f.Kind).ToList(); // stable: rule order within a kind
        return new ScreeningResult(therapy, VerdictOf(ordered, finalIndications), finalIndications, ordered, kb.RuleSetVersion);
    }

    /// <summary>Strongest first (§3): absolute → contraindicated; no indication whose prerequisites are met → not indicated;
    /// any relative contraindication or precaution → eligible with precautions; else eligible.</summary>
    public static Verdict VerdictOf(IReadOnlyList<Finding> findings, IReadOnlyList<IndicationMatch> indications)
    {
        if (findings.Any(f => f.Kind == FindingKind.AbsoluteContraindication)) return Verdict.Contraindicated;
        if (!indications.Any(i => i.PrerequisitesMet)) return Verdict.NotIndicated;
        if (findings.Any(f => f.Kind is FindingKind.RelativeContraindication or FindingKind.Precaution)) return Verdict.EligibleWithPrecautions;
        return Verdict.Eligible;
    }

    private static List<IndicationMatch> FindIndications(FactReader context, TherapyInfo info, TherapyId therapy, KnowledgeBase kb)
    {
        var result = new List<IndicationMatch>();
        foreach (var groupId in info.IndicationGroups)
        {
            var group = kb.Group(groupId);
            if (group.RequiresHistoryCodes is { Count: > 0 } required && context.Conditions(required, current: false).Count == 0) continue;
            foreach (var condition in context.Conditions(group.Codes, current: true))
            {
                result.Add(new IndicationMatch(condition.Code.Code, group.Id, kb.EvidenceFor(therapy, group.Id), condition.Label, condition.Stage, PrerequisitesMet: true));
            }
        }
        return result;
    }

    private static List<string> EvaluatePerIndication(ScreeningRule rule, List<IndicationMatch> indications, FactReader context, HashSet<IndicationMatch> blocked)
    {
        var applicable = indications.Where(i => rule.Groups is null || rule.Groups.Contains(i.Group)).ToList();
        var facts = new List<string>();
        switch (rule.Match.Type)
        {
            case "conservative-care":
                if (applicable.Count == 0) break;
                var period = rule.Match.Setting == "prolotherapy" ? context.Settings.ProlotherapyConservativeCare : context.Settings.HbotConservativeCare;
                if (context.ConservativeCareSince(period).Count > 0) break;
                foreach (var i in applicable) { blocked.Add(i); facts.Add(i.Fact); }
                break;
            case "arco-post-collapse":
                foreach (var i in applicable)
                {
                    var stage = ArcoStage(i);
                    if (stage is "IIIB" or "IV") { blocked.Add(i); facts.Add($"{i.Fact} ARCO {stage}"); }
                }
                break;
            case "arco-missing":
                facts.AddRange(applicable.Where(i => ArcoStage(i) is null).Select(i => i.Fact));
                break;
            default:
                throw new DomainException("eligibility.unknown-matcher", $"Rule {rule.Id}: matcher '{rule.Match.Type}' is not per-indication.");
        }
        return facts;
    }

    private static List<string> Evaluate(ScreeningRule rule, FactReader c, List<IndicationMatch> indications)
    {
        var m = rule.Match;
        return m.Type switch
        {
            "no-indication" => indications.Count == 0 ? ["no active condition in this therapy's indication groups"] : [],
            "condition" => Labels(c.Conditions(Required(rule, m.Codes), current: m.Status != "any")),
            "medication" => Labels(c.Medications(Required(rule, m.Atc), m.Status != "any", m.RecentEndDays)),
            "allergy" => c.Allergies(m.Atc ?? [], m.Text ?? []).Select(a => a.Label).ToList(),
            "pregnancy" => c.Pregnancy(),
            "untreated-pneumothorax" => Labels(c.Pneumothoraces().Where(p => p.IsCurrent && !c.DrainedAfterOnset(p))),
            "pneumothorax-history" => Labels(c.Pneumothoraces().Where(p => !p.IsCurrent || c.DrainedAfterOnset(p))),
            "fever" => c.Fever(),
            "heart-failure-low-lvef" => c.HeartFailureWithLvef(low: true),
            "heart-failure-no-lvef" => c.HeartFailureWithoutLvef(),
            "low-platelets" => c.LowPlatelets(),
            "recent-mi" => Labels(c.WithinWindow(["I21"], c.Settings.MyocardialInfarctionWindow)),
            "mi-undated" => Labels(c.Conditions(["I21"], current: false).Where(x => !x.IsCurrent && x.Onset is null && x.RecordedDate is null)),
            "recent-fracture" => Labels(c.WithinWindow(FractureCategories, c.Settings.FractureWindow)),
            "diabetes" => [.. Labels(c.Conditions(["E08-E13"], current: true)), .. Labels(c.Medications(["A10"], current: true, null))],
            "uncoded" => [.. Labels(c.Uncoded().Conditions), .. Labels(c.Uncoded().Medications)],
            "bleeding-risk" => [.. Labels(c.Conditions(["D66-D68", "D69.4", "D69.5", "D69.6"], current: true)), .. c.LowPlatelets()],
            _ => throw new DomainException("eligibility.unknown-matcher", $"Rule {rule.Id}: unknown matcher '{m.Type}'."),
        };
    }

    private static string? ArcoStage(IndicationMatch indication) =>
        indication.Stage is { System: CodeSystems.Arco2019 } stage ? stage.Code.Trim().ToUpperInvariant() : null;

    /// <summary>ICD-10-CM categories whose title is "Fracture of ...".</summary>
    private static readonly string[] FractureCategories = ["S02", "S12", "S22", "S32", "S42", "S52", "S62", "S72", "S82", "S92"];

    private static IReadOnlyList<string> Required(ScreeningRule rule, IReadOnlyList<string>? list) =>
        list is { Count: > 0 } ? list : throw new DomainException("eligibility.rule-without-codes", $"Rule {rule.Id} lists no codes.");

    private static List<string> Labels(IEnumerable<ConditionFact> conditions) => conditions.Select(x => x.Label).ToList();

    private static List<string> Labels(IEnumerable<MedicationFact> medications) => medications.Select(x => x.Label).ToList();
}
