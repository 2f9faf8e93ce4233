using NodaTime;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Daily pulmonary-dose limits (clinical-reference §4, *configurable*): 1500 OTU/day maximum, 850 OTU/day working
/// maximum, about 300 OTU/day for many consecutive days. "Many" is not a number in the reference: the default of 5 consecutive
/// days is a product choice, tune it per clinic.</summary>
public sealed record OxygenDoseLimits(
    double DailyMaximumOtu = 1500,
    double DailyWorkingMaximumOtu = 850,
    double SustainedDailyOtu = 300,
    int SustainedConsecutiveDays = 5)
{
    public static OxygenDoseLimits Default { get; } = new();
    public const string Source = "clinical-reference §4 (Bardin & Lambertsen 1970 UPTD limits)";
}

public enum DoseWarningKind
{
    /// <summary>Day above the 1500 OTU daily maximum.</summary>
    DailyMaximumExceeded,

    /// <summary>Day above the 850 OTU working maximum (and not above the daily maximum).</summary>
    WorkingMaximumExceeded,

    /// <summary>Day above ~300 OTU within a run of consecutive days above it.</summary>
    SustainedDoseExceeded,
}

public sealed record DoseWarning(DoseWarningKind Kind, LocalDate Date, Otu Dose, double LimitOtu, string Message);

/// <summary>One session's dose, dated by the clinic's local date.</summary>
public sealed record SessionDose(LocalDate Date, Otu Dose);

public sealed record DailyDose(LocalDate Date, Otu Dose, int Sessions);

public sealed record CumulativeDoseReport(IReadOnlyList<DailyDose> Days, Otu CourseTotal, IReadOnlyList<DoseWarning> Warnings)
{
    public bool HasWarnings => Warnings.Count > 0;
}

/// <summary>Daily and course cumulative oxygen dose, with warnings above the configured limits.</summary>
public static class CumulativeOxygenDose
{
    public static CumulativeDoseReport Evaluate(IEnumerable<SessionDose> sessions, OxygenDoseLimits? limits = null)
    {
        limits ??= OxygenDoseLimits.Default;
        var days = sessions
            .GroupBy(s => s.Date)
            .OrderBy(g => g.Key)
            .Select(g => new DailyDose(g.Key, new Otu(g.Sum(s => s.Dose.Value)), g.Count()))
            .ToList();

        var warnings = new List<DoseWarning>();
        foreach (var day in days)
        {
            if (day.Dose.Value > limits.DailyMaximumOtu)
            {
                warnings.Add(new(DoseWarningKind.DailyMaximumExceeded, day.Date, day.Dose, limits.DailyMaximumOtu,
                    $"{day.Date:uuuu-MM-dd}: {day.Dose} exceeds the daily maximum of {limits.DailyMaximumOtu} OTU."));
            }
            else if (day.Dose.Value > limits.DailyWorkingMaximumOtu)
            {
                warnings.Add(new(DoseWarningKind.WorkingMaximumExceeded, day.Date, day.Dose, limits.DailyWorkingMaximumOtu,
                    $"{day.Date:uuuu-MM-dd}: {day.Dose} exceeds the working maximum of {limits.DailyWorkingMaximumOtu} OTU/day."));
            }
        }

        // A run of consecutive calendar days each above the sustained level: warn on every day of the run once it is long enough.
        var run = new List<DailyDose>();
        foreach (var day in days)
        {
            if (day.Dose.Value > limits.SustainedDailyOtu && (run.Count == 0 || run[^1].Date.PlusDays(1) == day.Date))
            {
                run.Add(day);
            }
            else
            {
                AddSustained(run, limits, warnings);
                run = day.Dose.Value > limits.SustainedDailyOtu ? [day] : [];
            }
        }

        AddSustained(run, limits, warnings);
        var total = new Otu(days.Sum(d => d.Dose.Value));
        return new CumulativeDoseReport(days, total, warnings.OrderBy(w => w.Date).ThenBy(w => w.Kind).ToList());
    }

    private static void AddSustained(List<DailyDose> run, OxygenDoseLimits limits, List<DoseWarning> warnings)
    {
        if (run.Count < limits.SustainedConsecutiveDays)
        {
            return;
        }

        foreach (var day in run.Skip(limits.SustainedConsecutiveDays - 1))
        {
            warnings.Add(new(DoseWarningKind.SustainedDoseExceeded, day.Date, day.Dose, limits.SustainedDailyOtu,
                $"{day.Date:uuuu-MM-dd}: day {run.IndexOf(day) + 1} in a row above {limits.SustainedDailyOtu} OTU/day (sustained limit)."));
        }
    }
}
