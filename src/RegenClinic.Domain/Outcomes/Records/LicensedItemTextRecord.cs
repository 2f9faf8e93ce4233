using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes.Records;

/// <summary>Item wording a licensed clinic loaded for an instrument whose text RegenClinic does not ship (the ODI).
/// The newest active row is used; older rows are retired, not deleted, so the audit shows what patients were shown.</summary>
public sealed class LicensedItemTextRecord
{
    private LicensedItemTextRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string InstrumentId { get; private set; } = "";
    public string LicenceHolder { get; private set; } = "";
    /// <summary>The item texts, one per line, in item order.</summary>
    public string ItemTexts { get; private set; } = "";
    public string LoadedBy { get; private set; } = "";
    public Instant LoadedAt { get; private set; }
    public Instant? RetiredAt { get; private set; }

    public LicensedItemText ToText() => new(InstrumentId, LicenceHolder, ItemTexts.Split('\n'));

    public static LicensedItemTextRecord Load(string instrumentId, string fileContent, string by, Instant at)
    {
        var text = LicensedItemText.Parse(Outcomes.Instruments.Get(instrumentId), fileContent);
        return new LicensedItemTextRecord
        {
            InstrumentId = text.InstrumentId, LicenceHolder = Require.Text(text.LicenceHolder, "licenceHolder", 200),
            ItemTexts = string.Join('\n', text.ItemTexts), LoadedBy = Require.Text(by, "by", 200), LoadedAt = at,
        };
    }

    public void Retire(Instant at) => RetiredAt ??= at;
}
