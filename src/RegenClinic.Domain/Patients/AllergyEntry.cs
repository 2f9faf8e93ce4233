using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

public enum AllergyCriticality { Low, High, Unknown }

public sealed record AllergyDetails(string Substance, string? AtcCode = null, string? Reaction = null, AllergyCriticality Criticality = AllergyCriticality.Unknown);

/// <summary>An allergy or intolerance. Rules match it by ATC code of the substance or by its text (clinical-reference §1).</summary>
public sealed class AllergyEntry : ChartEntry
{
    private AllergyEntry() { }

    public string Substance { get; private set; } = "";
    public string? AtcCode { get; private set; }
    public string? Reaction { get; private set; }
    public AllergyCriticality Criticality { get; private set; }

    public static AllergyEntry Record(Guid patientId, AllergyDetails d, string by, Instant at)
    {
        var entry = new AllergyEntry
        {
            Substance = Require.Text(d.Substance, "substance", 200),
            AtcCode = string.IsNullOrWhiteSpace(d.AtcCode) ? null : Codes.Atc(d.AtcCode, "atcCode"),
            Reaction = Require.OptionalText(d.Reaction, "reaction", 300),
            Criticality = Require.Defined(d.Criticality, "criticality"),
        };
        entry.Stamp(patientId, by, at);
        return entry;
    }
}
