using NodaTime;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Design life of a chamber: whichever of years in service or pressurisation cycles comes first. The reference
/// gives a figure for monoplaces only (about 10 years or 10,000 cycles, clinical-reference §4, *configurable*);
/// a multiplace needs its maker's figure.</summary>
public sealed record ChamberDesignLife(int Years, int Cycles, double WarnAtFraction = 0.9)
{
    public static ChamberDesignLife Monoplace { get; } = new(10, 10_000);
    public const string Source = "clinical-reference §4 (monoplace design life about 10 years or 10,000 cycles)";
}

public enum ChamberLifeState
{
    WithinLife,
    ApproachingEndOfLife,
    BeyondDesignLife,
}

public sealed record ChamberLifeStatus(ChamberLifeState State, double UsedFraction, string Message);

public static class ChamberLife
{
    /// <summary>Each dive is one cycle; count them per chamber and judge against the design life.</summary>
    public static ChamberLifeStatus Evaluate(int cyclesCompleted, LocalDate commissioned, LocalDate today, ChamberDesignLife life)
    {
        var years = Period.Between(commissioned, today, PeriodUnits.Days).Days / 365.25;
        var used = Math.Max((double)cyclesCompleted / life.Cycles, years / life.Years);
        var state = used >= 1 ? ChamberLifeState.BeyondDesignLife : used >= life.WarnAtFraction ? ChamberLifeState.ApproachingEndOfLife : ChamberLifeState.WithinLife;
        var message = $"{cyclesCompleted} of {life.Cycles} cycles, {years:0.0} of {life.Years} years in service ({used:P0} of design life)";
        return new ChamberLifeStatus(state, used, message);
    }
}
