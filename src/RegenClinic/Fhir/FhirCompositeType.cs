using Hl7.Fhir.Model;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

/// <summary>One FHIR resource type served from several tables (Procedure: chart history, dives and injections; Location: sites,
/// chambers and rooms). Each part is a table-backed type with the same name; a search asks every part that knows all the
/// parameters used, and pages across them: in part order without _sort, merged by the sort keys with it.</summary>
public sealed class FhirCompositeType : FhirResourceType
{
    private readonly IReadOnlyList<FhirResourceType> parts;
    private readonly IReadOnlyList<(string Name, Func<Resource, IComparable?> Key)> sorts;

    public FhirCompositeType(string name, string readPolicy, string? writePolicy, string documentation,
        IReadOnlyList<FhirResourceType> parts, IReadOnlyList<(string Name, Func<Resource, IComparable?> Key)> sorts)
        : base(name, readPolicy, writePolicy, documentation)
    {
        this.parts = parts;
        this.sorts = sorts;
        // A sort key every part can order by, or the merge would compare pages ordered differently.
        foreach (var (sortName, _) in sorts)
        {
            if (parts.Any(p => !p.SortParameters.Contains(sortName)))
                throw new InvalidOperationException($"{name}: every part must sort by '{sortName}'.");
        }
    }

    public override bool PerPatient => parts.Any(p => p.PerPatient);

    public override IReadOnlyList<FhirSearchParameter> SearchParameters =>
        [.. parts.SelectMany(p => p.SearchParameters).DistinctBy(p => p.Name)];

    public override IReadOnlyList<string> SortParameters => [.. sorts.Select(s => s.Name)];

    public override async IAsyncEnumerable<FhirMatch> ExportAsync(ClinicDb db, NodaTime.Instant? since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var part in parts)
        {
            await foreach (var match in part.ExportAsync(db, since, ct)) yield return match;
        }
    }

    public override async Task<FhirMatch?> ReadAsync(ClinicDb db, string id, CancellationToken ct)
    {
        foreach (var part in parts)
        {
            if (await part.ReadAsync(db, id, ct) is { } match) return match;
        }
        return null;
    }

    public override async Task<(IReadOnlyList<FhirMatch> Page, int Total)> SearchAsync(ClinicDb db, FhirSearchPlan plan, CancellationToken ct)
    {
        var asked = parts.Where(p => plan.Filters.All(f => p.SearchParameters.Any(s => s.Name == f.Name))).ToList();
        var total = 0;
        var page = new List<FhirMatch>();
        if (plan.Sort.Count == 0)
        {
            // Concatenated: each part's slice of the window [offset, offset + count).
            foreach (var part in asked)
            {
                var offset = Math.Max(0, plan.Offset - total);
                var take = plan.Count - page.Count;
                var (rows, partTotal) = await part.SearchAsync(db, plan with { Offset = offset, Count = Math.Max(take, 1) }, ct);
                if (take > 0) page.AddRange(rows.Take(take));
                total += partTotal;
            }
            return (page, total);
        }
        // Merged: the first offset + count of each part, in the requested order, then the window of the merge.
        var window = plan.Offset + plan.Count;
        var candidates = new List<FhirMatch>();
        foreach (var part in asked)
        {
            var (rows, partTotal) = await part.SearchAsync(db, plan with { Offset = 0, Count = window }, ct);
            candidates.AddRange(rows);
            total += partTotal;
        }
        var comparer = Comparer<FhirMatch>.Create((a, b) =>
        {
            foreach (var (sortName, descending) in plan.Sort)
            {
                var key = sorts.First(s => s.Name == sortName).Key;
                var c = Compare(key(a.Resource), key(b.Resource));
                if (c != 0) return descending ? -c : c;
            }
            return string.CompareOrdinal(a.Resource.Id, b.Resource.Id);
        });
        return ([.. candidates.Order(comparer).Skip(plan.Offset).Take(plan.Count)], total);
    }

    private static int Compare(IComparable? a, IComparable? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => a.CompareTo(b),
    };

    public override async Task<IReadOnlyList<Resource>> ForPatientAsync(ClinicDb db, Guid patientId, CancellationToken ct)
    {
        var all = new List<Resource>();
        foreach (var part in parts) all.AddRange(await part.ForPatientAsync(db, patientId, ct));
        return all;
    }

    /// <summary>Sort key of a date-like element as an instant (dates at the start of their day, UTC), comparable across parts.</summary>
    public static IComparable? DateKey(DataType? value) => value switch
    {
        FhirDateTime d when d.TryToDateTimeOffset(out var at) => at.UtcDateTime,
        Date d when DateTimeOffset.TryParse(d.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) => at.UtcDateTime,
        Period p when p.StartElement is { } s && s.TryToDateTimeOffset(out var at) => at.UtcDateTime,
        Hl7.Fhir.Model.Instant i when i.Value is { } at => at.UtcDateTime,
        _ => null,
    };
}
