using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

public sealed record CentreView(Guid Id, string Code, string Name, string City, string Country, IReadOnlyList<TherapyInfo> Therapies,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Accreditations, IReadOnlyList<PriceItem> Prices);

/// <summary>The public directory: each centre, what it treats, the languages spoken, its accreditations and its price list.
/// No patient data, so no read audit.</summary>
public sealed class ListCentres(ClinicDb db, Clinic.ClinicTime time)
{
    public async Task<IReadOnlyList<CentreView>> HandleAsync(CancellationToken ct = default)
    {
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var prices = PriceList.InEffect(await db.PriceItems.AsNoTracking().ToListAsync(ct), time.Today);
        var kb = KnowledgeBase.Default;
        return [.. sites.Select(s => new CentreView(s.Id, s.Code, s.Name, s.City, s.Jurisdiction,
            [.. kb.Therapies.Where(t => s.Therapies.Contains(t.Id))], s.Languages, s.Accreditations,
            [.. prices.Where(p => p.SiteId == s.Id).OrderBy(p => p.Kind).ThenBy(p => p.Code, StringComparer.Ordinal)]))];
    }
}
