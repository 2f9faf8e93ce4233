using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>The items signed before pressurisation (clinical-reference §4, plus the day's screening re-run).</summary>
public enum ChecklistItem
{
    Vitals,
    Temperature,
    EarsAndSinuses,
    Glucose,
    ProhibitedItems,
    CottonGarments,
    ConsentOnFile,
    SignedDailyOrder,
    CourseWithinPrescription,
    ScreeningRerunClean,
}

/// <summary>Categories of items that must not enter the chamber (clinical-reference §4).</summary>
public enum ProhibitedItem
{
    EnergySource,
    FireOrFlashpoint,
    PressureSensitive,
    PharmacologicalPatch,
}

/// <summary>Vital signs as taken by the nurse. The reference gives no numeric limits for them, so the product encodes
/// none: the item passes when they are recorded and the nurse judges them acceptable.</summary>
public sealed record Vitals(int SystolicMmHg, int DiastolicMmHg, int HeartRatePerMinute, int SpO2Percent, bool JudgedAcceptable);

/// <summary>The day's re-run of the hbot screening: clean means no contraindication and no finding new since the course started.</summary>
public sealed record ScreeningRerun(LocalDate RunOn, bool Clean, string? Summary = null);

/// <summary>What the chamber nurse enters before a session. Null means "not checked", which fails the item.</summary>
public sealed record PreDiveChecklistInput(
    LocalDate SessionDate,
    Vitals? Vitals,
    decimal? TemperatureCelsius,
    bool? EarsAndSinusesClear,
    bool IsDiabetic,
    int? GlucoseMgPerDl,
    IReadOnlyCollection<ProhibitedItem>? ProhibitedItemsFound,
    bool? CottonGarments,
    bool ConsentOnFile,
    bool DailyOrderSigned,
    int SessionsCompleted,
    int SessionsPrescribed,
    ScreeningRerun? Screening);

/// <summary>Clinic-tunable thresholds (clinical-reference §4, *configurable*).</summary>
/// <param name="FeverCelsius">Temperature at or above this blocks (fever ≥ 38.0 °C, clinical-reference §3 hbot).</param>
/// <param name="DiabeticGlucoseMinimumMgPerDl">A diabetic's glucose below this blocks (default 120 mg/dL; 150 mg/dL predicted
/// later hypoglycaemia at Mayo, clinical-reference §4).</param>
public sealed record PreDiveChecklistSettings(decimal FeverCelsius = 38.0m, int DiabeticGlucoseMinimumMgPerDl = 120)
{
    public static PreDiveChecklistSettings Default { get; } = new();
}

/// <summary>A physician's override of a failed item; recorded with who, when and why.</summary>
public sealed record PhysicianOverride(ChecklistItem Item, string PhysicianId, string Reason, Instant At);

public sealed record ChecklistItemResult(ChecklistItem Item, bool Passed, string Reason, string Source, PhysicianOverride? Override = null)
{
    /// <summary>A failed item blocks the dive unless a physician has overridden it.</summary>
    public bool Blocks => !Passed && Override is null;
}

public sealed record PreDiveChecklistResult(IReadOnlyList<ChecklistItemResult> Items)
{
    public bool CanPressurise => Items.All(i => !i.Blocks);

    public IReadOnlyList<ChecklistItemResult> Blocking => Items.Where(i => i.Blocks).ToList();

    public ChecklistItemResult this[ChecklistItem item] => Items.Single(i => i.Item == item);

    /// <summary>Records a physician override of a failed item. Overriding a passed item, or without a reason, is refused.</summary>
    public PreDiveChecklistResult WithOverride(PhysicianOverride physicianOverride)
    {
        if (string.IsNullOrWhiteSpace(physicianOverride.Reason))
        {
            throw new DomainException("checklist.override-reason-required", "A physician override needs a reason.", "reason");
        }

        if (string.IsNullOrWhiteSpace(physicianOverride.PhysicianId))
        {
            throw new DomainException("checklist.override-physician-required", "A physician override needs the physician.", "physicianId");
        }

        var target = this[physicianOverride.Item];
        if (target.Passed)
        {
            throw new DomainException("checklist.override-not-needed", $"{physicianOverride.Item} passed; there is nothing to override.", "item");
        }

        return new PreDiveChecklistResult(Items.Select(i => i.Item == physicianOverride.Item ? i with { Override = physicianOverride } : i).ToList());
    }
}

/// <summary>Pure pre-dive checklist rules: each item pass or fail with its reason.</summary>
public static class PreDiveChecklist
{
    private const string Section4 = "clinical-reference §4 (pre-session checklist)";

    public static PreDiveChecklistResult Evaluate(PreDiveChecklistInput input, PreDiveChecklistSettings? settings = null)
    {
        settings ??= PreDiveChecklistSettings.Default;
        return new PreDiveChecklistResult(
        [
            VitalsItem(input.Vitals),
            Temperature(input.TemperatureCelsius, settings),
            Check(ChecklistItem.EarsAndSinuses, input.EarsAndSinusesClear, "Ears and sinuses clear", "Ears or sinuses not clear: barotrauma risk on compression", "Ears and sinuses not checked"),
            Glucose(input, settings),
            Prohibited(input.ProhibitedItemsFound),
            Check(ChecklistItem.CottonGarments, input.CottonGarments, "Cotton garments", "Garments are not cotton: static and fire risk", "Garments not checked"),
            Check(ChecklistItem.ConsentOnFile, input.ConsentOnFile, "Consent on file", "No consent on file", null),
            Check(ChecklistItem.SignedDailyOrder, input.DailyOrderSigned, "Daily order signed", "No signed order for today", null),
            Course(input),
            Screening(input),
        ]);
    }

    private static ChecklistItemResult VitalsItem(Vitals? vitals) => vitals switch
    {
        null => new(ChecklistItem.Vitals, false, "Vitals not recorded", Section4),
        { JudgedAcceptable: false } => new(ChecklistItem.Vitals, false,
            $"Vitals judged not acceptable (BP {vitals.SystolicMmHg}/{vitals.DiastolicMmHg}, HR {vitals.HeartRatePerMinute}, SpO2 {vitals.SpO2Percent}%)", Section4),
        _ => new(ChecklistItem.Vitals, true,
            $"Vitals recorded and acceptable (BP {vitals.SystolicMmHg}/{vitals.DiastolicMmHg}, HR {vitals.HeartRatePerMinute}, SpO2 {vitals.SpO2Percent}%)", Section4),
    };

    private static ChecklistItemResult Temperature(decimal? celsius, PreDiveChecklistSettings settings)
    {
        const string source = "clinical-reference §3 hbot (fever ≥ 38.0 °C) and §4";
        if (celsius is null)
        {
            return new(ChecklistItem.Temperature, false, "Temperature not taken", source);
        }

        return celsius.Value >= settings.FeverCelsius
            ? new(ChecklistItem.Temperature, false, $"Fever: {celsius.Value:0.0} °C is at or above {settings.FeverCelsius:0.0} °C (lowers the seizure threshold)", source)
            : new(ChecklistItem.Temperature, true, $"{celsius.Value:0.0} °C is below {settings.FeverCelsius:0.0} °C", source);
    }

    private static ChecklistItemResult Glucose(PreDiveChecklistInput input, PreDiveChecklistSettings settings)
    {
        const string source = "clinical-reference §4 (glucose for diabetics, default 120 mg/dL, configurable)";
        if (!input.IsDiabetic)
        {
            return new(ChecklistItem.Glucose, true, "Not diabetic: no glucose check needed", source);
        }

        if (input.GlucoseMgPerDl is not { } glucose)
        {
            return new(ChecklistItem.Glucose, false, "Diabetic: glucose not measured", source);
        }

        return glucose < settings.DiabeticGlucoseMinimumMgPerDl
            ? new(ChecklistItem.Glucose, false, $"Glucose {glucose} mg/dL is below {settings.DiabeticGlucoseMinimumMgPerDl} mg/dL: hypoglycaemia risk under pressure", source)
            : new(ChecklistItem.Glucose, true, $"Glucose {glucose} mg/dL is at or above {settings.DiabeticGlucoseMinimumMgPerDl} mg/dL", source);
    }

    private static ChecklistItemResult Prohibited(IReadOnlyCollection<ProhibitedItem>? found) => found switch
    {
        null => new(ChecklistItem.ProhibitedItems, false, "Prohibited items not checked", Section4),
        { Count: > 0 } => new(ChecklistItem.ProhibitedItems, false, $"Prohibited items found: {string.Join(", ", found.Distinct())}", Section4),
        _ => new(ChecklistItem.ProhibitedItems, true, "No prohibited items (energy sources, fire and flashpoint, pressure-sensitive, pharmacological patches)", Section4),
    };

    private static ChecklistItemResult Course(PreDiveChecklistInput input) =>
        input.SessionsCompleted < input.SessionsPrescribed
            ? new(ChecklistItem.CourseWithinPrescription, true, $"Session {input.SessionsCompleted + 1} of {input.SessionsPrescribed} prescribed", Section4)
            : new(ChecklistItem.CourseWithinPrescription, false, $"Course complete: {input.SessionsCompleted} of {input.SessionsPrescribed} prescribed sessions done", Section4);

    private static ChecklistItemResult Screening(PreDiveChecklistInput input)
    {
        const string source = "clinical-reference §3 hbot (screening rules), re-run on the session day";
        return input.Screening switch
        {
            null => new(ChecklistItem.ScreeningRerunClean, false, "Screening not re-run today", source),
            { } s when s.RunOn != input.SessionDate => new(ChecklistItem.ScreeningRerunClean, false, $"Screening last run {s.RunOn:uuuu-MM-dd}, not on the session day {input.SessionDate:uuuu-MM-dd}", source),
            { Clean: false } s => new(ChecklistItem.ScreeningRerunClean, false, "Today's screening is not clean" + (s.Summary is null ? "" : $": {s.Summary}"), source),
            _ => new(ChecklistItem.ScreeningRerunClean, true, "Today's screening is clean", source),
        };
    }

    private static ChecklistItemResult Check(ChecklistItem item, bool? value, string passed, string failed, string? missing) => value switch
    {
        true => new(item, true, passed, Section4),
        false => new(item, false, failed, Section4),
        null => new(item, false, missing ?? failed, Section4),
    };
}
