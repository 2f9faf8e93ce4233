using System.Text.RegularExpressions;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>One period at treatment pressure: an oxygen period or an air break.</summary>
public sealed record TablePeriod(BreathingGas Gas, double Minutes);

/// <summary>A new elective treatment table as a physician enters it: pressure, compression and decompression minutes, and the
/// oxygen periods and air breaks at pressure. <see cref="Build"/> validates it and returns the table as data.</summary>
/// <param name="CompressionGas">What the patient breathes during compression: oxygen in a monoplace (compressed with O2),
/// air in a multiplace (hoods go on at depth), as in the reference's tables.</param>
/// <remarks>
/// Limits, with where they come from: pressure above 1.4 ATA (hbot is "~100% O2 at &gt; 1.4 ATA", clinical-reference §1) and at
/// most 3.0 ATA (a product limit: the reference's elective tables are 2.0–2.5 ATA; deeper tables are recompression tables, not
/// entered here); compression and decompression 10–30 minutes ("about 10–15 minutes", 10 the fastest allowed, §4); the
/// periods at pressure start and end on oxygen and alternate O2 and air (US Navy TT9 pattern, §4); an O2 period 5–60 minutes,
/// an air break 1–15 minutes (product limits around the reference's 30 and 5 minutes); the planned pulmonary dose at most
/// the 850 OTU/day working maximum (§4), since one session must fit a day.
/// </remarks>
public sealed record TreatmentTableDefinition(
    string Id,
    string Name,
    double PressureAta,
    double CompressionMinutes,
    double DecompressionMinutes,
    IReadOnlyList<TablePeriod> Periods,
    BreathingGas CompressionGas,
    string Source,
    string? Note = null)
{
    public const double MinimumPressureAta = 1.4;
    public const double MaximumPressureAta = 3.0;
    public const double MinimumTravelMinutes = 10;
    public const double MaximumTravelMinutes = 30;
    public const double MaximumPlannedOtu = 850;

    private static readonly Regex IdPattern = new("^[a-z0-9][a-z0-9.-]{1,39}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Reads periods written as "O2 30, air 5, O2 30" (comma, semicolon or new line between them; O2/oxygen or air, then
    /// minutes). A token that is neither is refused with its position.</summary>
    public static IReadOnlyList<TablePeriod> ParsePeriods(string? text)
    {
        var tokens = (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var periods = new List<TablePeriod>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var parts = tokens[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            BreathingGas? gas = parts.Length == 2 ? parts[0].ToUpperInvariant() switch { "O2" or "OXYGEN" => BreathingGas.Oxygen, "AIR" => BreathingGas.Air, _ => null } : null;
            if (gas is null || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes))
                throw new DomainException("treatment-table.period-format", $"Period {i + 1} ('{tokens[i]}'): write O2 or air, then minutes, like 'O2 30, air 5, O2 30'.", "periods");
            periods.Add(new TablePeriod(gas.Value, minutes));
        }

        return periods;
    }

    public TreatmentTable Build()
    {
        var id = Require.Text(Id, "id", 40).ToLowerInvariant();
        if (!IdPattern.IsMatch(id))
            throw new DomainException("treatment-table.id-format", "The id is 2–40 lower-case letters, digits, dots or dashes (like 2.2-90).", "id");
        var name = Require.Text(Name, "name", 200);
        var source = Require.Text(Source, "source", 500);
        if (!double.IsFinite(PressureAta) || PressureAta <= MinimumPressureAta || PressureAta > MaximumPressureAta)
            throw new DomainException("treatment-table.pressure-range", $"Treatment pressure must be above {MinimumPressureAta:0.0} and at most {MaximumPressureAta:0.0} ATA.", "pressure");
        Travel(CompressionMinutes, "compressionMinutes", "Compression");
        Travel(DecompressionMinutes, "decompressionMinutes", "Decompression");
        Require.Defined(CompressionGas, "compressionGas");
        if (Periods is null || Periods.Count == 0)
            throw new DomainException("treatment-table.no-periods", "A table needs at least one oxygen period at pressure.", "periods");
        if (Periods[0].Gas != BreathingGas.Oxygen || Periods[^1].Gas != BreathingGas.Oxygen)
            throw new DomainException("treatment-table.periods-order", "The periods at pressure start and end with an oxygen period.", "periods");
        for (var i = 0; i < Periods.Count; i++)
        {
            var p = Periods[i];
            Require.Defined(p.Gas, "periods");
            if (i > 0 && Periods[i - 1].Gas == p.Gas)
                throw new DomainException("treatment-table.periods-alternate", $"Period {i + 1}: oxygen periods and air breaks alternate.", "periods");
            var (min, max, what) = p.Gas == BreathingGas.Oxygen ? (5.0, 60.0, "An oxygen period") : (1.0, 15.0, "An air break");
            if (!double.IsFinite(p.Minutes) || p.Minutes < min || p.Minutes > max)
                throw new DomainException("treatment-table.period-minutes", $"Period {i + 1}: {what.ToLowerInvariant()} lasts {min:0}–{max:0} minutes.", "periods");
        }

        var pressure = new Ata(Math.Round(PressureAta, 2));
        var steps = new List<TableStep> { new(CompressionMinutes, pressure, CompressionGas) };
        steps.AddRange(Periods.Select(p => new TableStep(p.Minutes, pressure, p.Gas)));
        steps.Add(new TableStep(DecompressionMinutes, Ata.Surface, BreathingGas.Oxygen));
        var table = new TreatmentTable(id, name, pressure, steps,
            FastestCompressionMinutes: MinimumTravelMinutes,
            FastestDecompressionAtaPerMinute: (pressure.Value - Ata.Surface.Value) / MinimumTravelMinutes,
            EmergencyOnly: false,
            Source: source,
            Note: Require.OptionalText(Note, "note", 1000));
        var otu = OxygenDose.Otu(table.PlannedProfile()).Value;
        if (otu > MaximumPlannedOtu)
            throw new DomainException("treatment-table.dose-too-high", $"The planned dose is {otu:0} OTU, above the {MaximumPlannedOtu:0} OTU/day working maximum ({OxygenDoseLimits.Source}).", "periods");
        return table;
    }

    private static void Travel(double minutes, string field, string what)
    {
        if (!double.IsFinite(minutes) || minutes < MinimumTravelMinutes || minutes > MaximumTravelMinutes)
            throw new DomainException("treatment-table.travel-minutes", $"{what} takes {MinimumTravelMinutes:0}–{MaximumTravelMinutes:0} minutes.", field);
    }
}
