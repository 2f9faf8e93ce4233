using System.Text.RegularExpressions;
using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

public sealed record ProcedureDetails(string Code, string Display, LocalDate Performed, string? Note = null);

/// <summary>A procedure done (SNOMED CT): what screening reads is physiotherapy as conservative care (91251008) and a chest
/// drain that treats a pneumothorax (264957007), clinical-reference §1.</summary>
public sealed partial class ProcedureEntry : ChartEntry
{
    public const string Physiotherapy = "91251008";
    public const string PleuralDrain = "264957007";

    /// <summary>The procedures the rules read, for the entry form's list.</summary>
    public static readonly IReadOnlyList<(string Code, string Display)> Known =
        [(Physiotherapy, "Physical therapy procedure"), (PleuralDrain, "Insertion of pleural tube drain")];

    private ProcedureEntry() { }

    /// <summary>SNOMED CT concept id, e.g. 91251008.</summary>
    public string Code { get; private set; } = "";
    public string Display { get; private set; } = "";
    public LocalDate Performed { get; private set; }
    public string? Note { get; private set; }

    public static ProcedureEntry Record(Guid patientId, ProcedureDetails d, string by, Instant at, LocalDate today)
    {
        var code = Require.Text(d.Code, "code", 18);
        if (!SnomedPattern().IsMatch(code))
            throw new DomainException("code.invalid-snomed", $"'{code}' is not a SNOMED CT concept id (6 to 18 digits).", "code");
        var entry = new ProcedureEntry
        {
            Code = code,
            Display = Require.Text(d.Display, "display", 300),
            Performed = Dates.NotFuture(d.Performed, today, "performed")!.Value,
            Note = Require.OptionalText(d.Note, "note", 2000),
        };
        entry.Stamp(patientId, by, at);
        return entry;
    }

    [GeneratedRegex("^[1-9][0-9]{5,17}$")]
    private static partial Regex SnomedPattern();
}
