using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Outcomes;

public sealed record LicensedTextStatus(Instrument Instrument, string? LicenceHolder, string? LoadedBy, NodaTime.Instant? LoadedAt);

/// <summary>An administrator loads the item wording of a licensed instrument (the ODI) from the clinic's own licensed copy;
/// the previous version is retired. Without it the form shows section numbers only.</summary>
public sealed class LoadLicensedItemText(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task HandleAsync(string instrumentId, string fileContent, CancellationToken ct = default)
    {
        var now = time.Now;
        var record = LicensedItemTextRecord.Load(instrumentId, fileContent, actor.Name, now);
        foreach (var old in await db.LicensedItemTexts.Where(t => t.InstrumentId == record.InstrumentId && t.RetiredAt == null).ToListAsync(ct))
            old.Retire(now);
        db.LicensedItemTexts.Add(record);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The wording to show for <paramref name="instrument"/>: shipped text, the clinic's loaded licensed text, or null (section numbers only).</summary>
    public async Task<(IReadOnlyList<string>? Texts, string? LicenceHolder)> TextsForAsync(Instrument instrument, CancellationToken ct = default)
    {
        if (instrument.ItemTextShipped) return (instrument.Items.Select(i => i.Text ?? "").ToArray(), null);
        var loaded = (await db.LicensedItemTexts.AsNoTracking().Where(t => t.InstrumentId == instrument.Id && t.RetiredAt == null).ToListAsync(ct))
            .OrderByDescending(t => t.LoadedAt).FirstOrDefault();
        return (loaded?.ToText().ItemTexts, loaded?.LicenceHolder);
    }

    public async Task<IReadOnlyList<LicensedTextStatus>> StatusAsync(CancellationToken ct = default)
    {
        var loaded = await db.LicensedItemTexts.AsNoTracking().Where(t => t.RetiredAt == null).ToListAsync(ct);
        return Instruments.All.Where(i => !i.ItemTextShipped).Select(i =>
        {
            var t = loaded.Where(x => x.InstrumentId == i.Id).OrderByDescending(x => x.LoadedAt).FirstOrDefault();
            return new LicensedTextStatus(i, t?.LicenceHolder, t?.LoadedBy, t?.LoadedAt);
        }).ToArray();
    }
}
