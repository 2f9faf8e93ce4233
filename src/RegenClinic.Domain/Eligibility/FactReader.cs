using NodaTime;

namespace RegenClinic.Domain.Eligibility;

/// <summary>Reads a patient's facts the way clinical reference §1 says, on a given screening date. Facts dated after the
/// screening date are ignored by every dated rule (they had not happened yet).</summary>
internal sealed class FactReader(PatientFacts facts, LocalDate date, ScreeningSettings settings)
{
    public const string PhysiotherapySnomed = "91251008";
    public const string ChestDrainSnomed = "264957007";
    public const string PregnancyStatusLoinc = "82810-3";
    public const string PregnantSnomed = "77386006";
    public const string BodyTemperatureLoinc = "8310-5";
    public const string LvefLoinc = "10230-1";
    public const string PlateletsLoinc = "777-3";

    public ScreeningSettings Settings => settings;

    /// <summary>ICD-10-CM conditions matching any pattern; <paramref name="current"/> = only active/recurrence/relapse/unrecorded,
    /// otherwise any status ("history of" rules).</summary>
    public List<ConditionFact> Conditions(IEnumerable<string> patterns, bool current)
    {
        var list = patterns.ToList();
        return facts.Conditions
            .Where(c => c.Code.System == CodeSystems.Icd10Cm && IcdCode.MatchesAny(c.Code.Code, list))
            .Where(c => !current || c.IsCurrent)
            .ToList();
    }

    /// <summary>ATC medications by prefix. Current = §1 current statuses, plus (when <paramref name="recentEndDays"/> is set)
    /// a completed/stopped course that ended on or after date − that many days (e.g. doxorubicin stopped less than 24 h ago).</summary>
    public List<MedicationFact> Medications(IEnumerable<string> atcPrefixes, bool current, int? recentEndDays)
    {
        var prefixes = atcPrefixes.ToList();
        return facts.Medications
            .Where(m => m.Code.System == CodeSystems.Atc && prefixes.Any(p => Atc(m.Code.Code).StartsWith(p, StringComparison.Ordinal)))
            .Where(m => !current || m.IsCurrent
                || (recentEndDays is { } days && m.End is { } end && end >= date.PlusDays(-days)))
            .ToList();
    }

    public List<AllergyFact> Allergies(IReadOnlyList<string> atcPrefixes, IReadOnlyList<string> terms) =>
        facts.Allergies.Where(a =>
                a.Substance.Any(s => s.System == CodeSystems.Atc && atcPrefixes.Any(p => Atc(s.Code).StartsWith(p, StringComparison.Ordinal)))
                || terms.Any(t => a.Text.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>§1: an active Z33.1 or O-chapter (O00–O9A) condition, or the latest pregnancy-status observation answering pregnant.
    /// Z34 (supervision of normal pregnancy) and Z3A (weeks of gestation) also say "pregnant"; they are added on the safe side.</summary>
    public List<string> Pregnancy()
    {
        var result = Conditions(["Z33.1", "Z34", "Z3A", "O00-O9A"], current: true).Select(c => c.Label).ToList();
        var latest = Latest(PregnancyStatusLoinc, o => o.CodedValue is not null);
        if (latest is { CodedValue: { System: CodeSystems.Snomed, Code: PregnantSnomed } })
        {
            result.Add(latest.Label);
        }
        return result;
    }

    public List<ConditionFact> Pneumothoraces() => Conditions(["J93"], current: false);

    /// <summary>§1: treated when a chest drain (SNOMED 264957007) was performed on or after the onset (and not after the
    /// screening date). With no onset recorded, any dated drain up to the screening date counts.</summary>
    public bool DrainedAfterOnset(ConditionFact pneumothorax) =>
        facts.Procedures.Any(p => p.Code is { System: CodeSystems.Snomed, Code: ChestDrainSnomed }
            && p.Performed is { } performed && performed <= date
            && (pneumothorax.Onset is not { } onset || performed >= onset));

    /// <summary>Conservative care (§1): physiotherapy or an NSAID (M01A) / analgesic (N02) MedicationStatement started on or
    /// before date − <paramref name="atLeast"/>. Undated care does not count: it cannot show the required time.</summary>
    public List<string> ConservativeCareSince(Period atLeast)
    {
        var latestStart = date - atLeast;
        var physio = facts.Procedures
            .Where(p => p.Code is { System: CodeSystems.Snomed, Code: PhysiotherapySnomed } && p.Performed <= latestStart)
            .Select(p => p.Label);
        var drugs = facts.Medications
            .Where(m => m.FromStatement && m.Code.System == CodeSystems.Atc
                && (Atc(m.Code.Code).StartsWith("M01A", StringComparison.Ordinal) || Atc(m.Code.Code).StartsWith("N02", StringComparison.Ordinal))
                && m.Start <= latestStart)
            .Select(m => m.Label);
        return [.. physio, .. drugs];
    }

    /// <summary>"Within 24 h": a body temperature dated on the screening date or the configured days before, at or above the threshold.</summary>
    public List<string> Fever()
    {
        var from = date.PlusDays(-settings.FeverLookbackDays);
        return Observations(BodyTemperatureLoinc)
            .Where(o => o.Effective is { } d && d >= from && d <= date && Celsius(o) is { } c && c >= settings.FeverCelsius)
            .Select(o => o.Label)
            .ToList();
    }

    public List<string> HeartFailureWithLvef(bool low)
    {
        var failure = Conditions(["I50"], current: true);
        var lvef = Latest(LvefLoinc, o => o.Value is not null);
        if (failure.Count == 0 || lvef is null || !(lvef.Value < settings.MinimumLvefPercent == low)) return [];
        return [.. failure.Select(f => f.Label), lvef.Label];
    }

    public List<string> HeartFailureWithoutLvef() =>
        Latest(LvefLoinc, o => o.Value is not null) is null ? Conditions(["I50"], current: true).Select(f => f.Label).ToList() : [];

    /// <summary>The latest platelet count on or before the date, when strictly below the configured minimum (×10⁹/L).</summary>
    public List<string> LowPlatelets()
    {
        var latest = Latest(PlateletsLoinc, o => PerNanoliter(o) is not null);
        return latest is not null && PerNanoliter(latest) < settings.MinimumPlateletsPerNanoliter ? [latest.Label] : [];
    }

    /// <summary>Conditions in any status whose onset (or, lacking it, recorded date — later than onset, so conservative) lies in
    /// [date − window, date]; a current one with no date at all also counts (an active acute code is recent by definition).</summary>
    public List<ConditionFact> WithinWindow(IEnumerable<string> patterns, Period window)
    {
        var from = date - window;
        return Conditions(patterns, current: false)
            .Where(c => (c.Onset ?? c.RecordedDate) is { } d ? d >= from && d <= date : c.IsCurrent)
            .ToList();
    }

    /// <summary>Current conditions not coded in ICD-10-CM and current medications not coded in ATC: no rule can read them.</summary>
    public (List<ConditionFact> Conditions, List<MedicationFact> Medications) Uncoded() =>
        (facts.Conditions.Where(c => c.IsCurrent && c.Code.System != CodeSystems.Icd10Cm).ToList(),
         facts.Medications.Where(m => m.IsCurrent && m.Code.System != CodeSystems.Atc).ToList());

    private IEnumerable<ObservationFact> Observations(string loinc) =>
        facts.Observations.Where(o => o.Code.System == CodeSystems.Loinc && o.Code.Code == loinc);

    /// <summary>The latest dated observation on or before the screening date that satisfies <paramref name="usable"/>.</summary>
    private ObservationFact? Latest(string loinc, Func<ObservationFact, bool> usable) =>
        Observations(loinc)
            .Where(o => o.Effective is { } d && d <= date && usable(o))
            .OrderBy(o => o.Effective).ThenBy(o => o.EffectiveInstant ?? Instant.MinValue)
            .LastOrDefault();

    private static string Atc(string code) => code.Trim().ToUpperInvariant();

    /// <summary>UCUM Cel (or no unit) as is; [degF] converted.</summary>
    private static decimal? Celsius(ObservationFact o) => o.Value is not { } v ? null : o.Unit switch
    {
        "[degF]" or "degF" or "°F" or "F" => (v - 32m) * 5m / 9m,
        _ => v,
    };

    /// <summary>Platelets in ×10⁹/L: 10*9/L and 10*3/uL are the same number; per µL or mm³ divides by 1000.</summary>
    private static decimal? PerNanoliter(ObservationFact o) => o.Value is not { } v ? null : o.Unit switch
    {
        "/uL" or "1/uL" or "/mm3" or "/µL" => v / 1000m,
        _ => v,
    };
}
