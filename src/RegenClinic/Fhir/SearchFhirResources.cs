using System.Globalization;
using Hl7.Fhir.Model;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

/// <summary>GET /fhir/{type}?...: a searchset page with self/next/previous links. Unknown parameters are refused by the type's plan.
/// One audit entry per search names the parameters used (not their values) and the patient, when the search is for one.</summary>
public sealed class SearchFhirResources(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Bundle> HandleAsync(FhirResourceType type, IReadOnlyList<KeyValuePair<string, string>> parameters, string baseUrl, CancellationToken ct = default)
    {
        var plan = type.Plan(parameters, time.Zone);
        var (page, total) = await type.SearchAsync(db, plan, ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "Fhir" + type.Name + "Search", null, plan.Patient,
            $"fhir search [{string.Join(",", parameters.Select(p => p.Key).Distinct())}]: {total} found"));
        await db.SaveChangesAsync(ct);

        var bundle = new Bundle
        {
            Id = Guid.CreateVersion7().ToString(),
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Timestamp = time.Now.ToDateTimeOffset(),
        };
        var kept = parameters.Where(p => p.Key is not ("_count" or "_offset")).ToList();
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = PageUrl(baseUrl, type.Name, kept, plan.Count, plan.Offset) });
        if (plan.Offset + plan.Count < total)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(baseUrl, type.Name, kept, plan.Count, plan.Offset + plan.Count) });
        if (plan.Offset > 0)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = PageUrl(baseUrl, type.Name, kept, plan.Count, Math.Max(0, plan.Offset - plan.Count)) });
        foreach (var match in page)
        {
            FhirJson.Stamp(match.Resource);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{type.Name}/{match.Resource.Id}",
                Resource = match.Resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }
        return bundle;
    }

    private static string PageUrl(string baseUrl, string type, List<KeyValuePair<string, string>> kept, int count, int offset)
    {
        var query = kept.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")
            .Append($"_count={count.ToString(CultureInfo.InvariantCulture)}")
            .Append($"_offset={offset.ToString(CultureInfo.InvariantCulture)}");
        return $"{baseUrl}/{type}?{string.Join('&', query)}";
    }
}
