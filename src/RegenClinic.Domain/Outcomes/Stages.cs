using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes;

/// <summary>An ordered staging scale: stages from least to most severe.</summary>
public sealed record StageScale(string Id, string Name, IReadOnlyList<StageDefinition> Stages, string Source)
{
    public Stage Parse(string label)
    {
        var index = Stages.ToList().FindIndex(s => string.Equals(s.Label, label.Trim(), StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? new Stage(Id, index, Stages[index].Label)
            : throw new DomainException("outcomes.unknown-stage",
                $"'{label}' is not a {Name} stage ({string.Join(", ", Stages.Select(s => s.Label))}).", "stage");
    }
}

public sealed record StageDefinition(string Label, string Description);

/// <summary>A stage on one scale. <see cref="Severity"/> orders stages: higher is worse.</summary>
public readonly record struct Stage(string ScaleId, int Severity, string Label) : IComparable<Stage>
{
    public int CompareTo(Stage other)
    {
        if (!string.Equals(ScaleId, other.ScaleId, StringComparison.Ordinal))
        {
            throw new DomainException("outcomes.stage-scale-mismatch", $"Cannot compare a {ScaleId} stage with a {other.ScaleId} stage.", "stage");
        }
        return Severity.CompareTo(other.Severity);
    }

    public bool IsWorseThan(Stage other) => CompareTo(other) > 0;

    public bool IsBetterThan(Stage other) => CompareTo(other) < 0;

    public static bool operator <(Stage left, Stage right) => left.CompareTo(right) < 0;

    public static bool operator >(Stage left, Stage right) => left.CompareTo(right) > 0;

    public static bool operator <=(Stage left, Stage right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Stage left, Stage right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}

public enum StageChange
{
    Better,
    Unchanged,
    Worse,
}

public static class StageScales
{
    /// <summary>ARCO 2019 staging of femoral head osteonecrosis (clinical-reference §5).</summary>
    public static StageScale Arco2019 { get; } = new(
        "arco-2019",
        "ARCO 2019 femoral head osteonecrosis stage",
        [
            new("I", "Radiographs normal; MRI shows osteonecrosis"),
            new("II", "Radiographs abnormal (sclerosis, osteolysis, focal osteoporosis) without subchondral fracture or collapse"),
            new("IIIA", "Subchondral fracture or femoral head depression ≤ 2 mm"),
            new("IIIB", "Femoral head depression > 2 mm"),
            new("IV", "Osteoarthritis: joint space narrowing, acetabular changes"),
        ],
        "Yoon BH et al., J Arthroplasty 2020;35:933-940 (ARCO 2019 revision); clinical-reference §5");

    /// <summary>AAOMS 2022 staging of medication-related osteonecrosis of the jaw (clinical-reference §5).</summary>
    public static StageScale Aaoms2022 { get; } = new(
        "aaoms-2022",
        "AAOMS 2022 MRONJ stage",
        [
            new("at-risk", "Treated with antiresorptive or antiangiogenic drugs; no apparent necrotic bone"),
            new("0", "No clinical evidence of necrotic bone; non-specific symptoms or clinical and radiographic findings"),
            new("1", "Exposed necrotic bone or fistula probing to bone; asymptomatic, no infection"),
            new("2", "Exposed necrotic bone or fistula probing to bone with infection: pain and erythema"),
            new("3", "As stage 2 with extension beyond alveolar bone, pathological fracture, extra-oral fistula, oro-antral or oro-nasal communication, or osteolysis to the inferior border or sinus floor"),
        ],
        "Ruggiero SL et al., J Oral Maxillofac Surg 2022;80:920-943 (AAOMS position paper 2022); clinical-reference §5");

    public static IReadOnlyList<StageScale> All { get; } = [Arco2019, Aaoms2022];

    /// <summary>Change from an earlier to a later stage on the same scale.</summary>
    public static StageChange Compare(Stage earlier, Stage later) => later.CompareTo(earlier) switch
    {
        < 0 => StageChange.Better,
        0 => StageChange.Unchanged,
        _ => StageChange.Worse,
    };
}

/// <summary>A stage recorded on a date (from imaging or examination).</summary>
public readonly record struct StageObservation(NodaTime.LocalDate Date, Stage Stage);

/// <summary>How a stage developed over a series of observations: first and latest, the worst reached, the overall
/// direction (first → latest) and each change between consecutive observations.</summary>
public sealed record StageCourse(
    StageObservation First,
    StageObservation Latest,
    Stage Worst,
    StageChange Overall,
    IReadOnlyList<StageTransition> Transitions);

public sealed record StageTransition(StageObservation From, StageObservation To, StageChange Change);

public static class StageHistory
{
    /// <summary>Summarises observations on one scale, ordered by date (same-day observations keep their given order).</summary>
    public static StageCourse Summarise(IReadOnlyList<StageObservation> observations)
    {
        if (observations.Count == 0)
        {
            throw new DomainException("outcomes.no-stages", "At least one stage observation is needed.", "observations");
        }
        var ordered = observations.OrderBy(o => o.Date).ToArray();
        var transitions = ordered.Zip(ordered.Skip(1), (from, to) => new StageTransition(from, to, StageScales.Compare(from.Stage, to.Stage))).ToArray();
        return new StageCourse(ordered[0], ordered[^1], ordered.Select(o => o.Stage).Max(),
            StageScales.Compare(ordered[0].Stage, ordered[^1].Stage), transitions);
    }
}
