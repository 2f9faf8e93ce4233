using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Data;

namespace RegenClinic.Fhir;

public enum FhirInteraction { Read, Search, Create, Update }

public sealed record FhirSearchParameter(string Name, SearchParamType Type, string Documentation);

/// <summary>One resource as served, with the patient it belongs to (for the audit trail and the patient compartment).</summary>
public sealed record FhirMatch(Resource Resource, Guid? PatientId);

/// <summary>A validated search: filters by supported parameter, sort keys from the allow-list, page size and offset.</summary>
public sealed record FhirSearchPlan(
    IReadOnlyList<(string Name, string Value)> Filters, IReadOnlyList<(string Name, bool Descending)> Sort, int Count, int Offset, DateTimeZone Zone)
{
    /// <summary>The patient the search is limited to (patient= or subject=), for the audit trail.</summary>
    public Guid? Patient => Filters.Where(f => f.Name is "patient" or "subject").Select(f => FhirReferences.PatientId(f.Value)).FirstOrDefault(id => id is not null);
}

/// <summary>A resource type the interface serves. The registry of these routes requests and writes the CapabilityStatement,
/// so that what /fhir/metadata says and what the server does cannot drift apart.</summary>
public abstract class FhirResourceType(string name, string readPolicy, string? writePolicy, string documentation)
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;

    /// <summary>Result parameters every search accepts.</summary>
    public static readonly IReadOnlyList<string> ResultParameters = ["_count", "_offset", "_sort", "_format"];

    public string Name { get; } = name;
    /// <summary>Staff policy that may read and search this type (clients need <c>system/{Name}.read</c>).</summary>
    public string ReadPolicy { get; } = readPolicy;
    /// <summary>Staff policy that may create (and update) this type; null when the type is read-only here.</summary>
    public string? WritePolicy { get; } = writePolicy;
    public string Documentation { get; } = documentation;
    public bool CanCreate { get; init; }
    public bool CanUpdate { get; init; }
    /// <summary>In the patient compartment: part of Patient/$everything and patient-level export.</summary>
    public abstract bool PerPatient { get; }
    public abstract IReadOnlyList<FhirSearchParameter> SearchParameters { get; }
    public abstract IReadOnlyList<string> SortParameters { get; }

    public bool Supports(FhirInteraction interaction) => interaction switch
    {
        FhirInteraction.Create => CanCreate,
        FhirInteraction.Update => CanUpdate,
        _ => true,
    };

    /// <summary>Checks every parameter against what this type supports; an unknown parameter or sort key is refused, not ignored.</summary>
    public FhirSearchPlan Plan(IEnumerable<KeyValuePair<string, string>> parameters, DateTimeZone zone)
    {
        var filters = new List<(string, string)>();
        var sort = new List<(string, bool)>();
        int count = DefaultCount, offset = 0;
        foreach (var (key, value) in parameters)
        {
            switch (key)
            {
                case "_count":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount)
                        throw FhirException.Invalid("_count", $"_count must be a whole number from 1 to {MaxCount}.");
                    break;
                case "_offset":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
                        throw FhirException.Invalid("_offset", "_offset must be a whole number of at least 0.");
                    break;
                case "_format":
                    if (value is not ("json" or "application/json" or FhirJson.MediaType))
                        throw FhirException.NotSupported("_format", "Only JSON is served (_format=json).");
                    break;
                case "_sort":
                    foreach (var keyName in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var descending = keyName.StartsWith('-');
                        var bare = descending ? keyName[1..] : keyName;
                        if (!SortParameters.Contains(bare))
                            throw FhirException.NotSupported("_sort", $"{Name} cannot be sorted by '{bare}'; allowed: {string.Join(", ", SortParameters)}.");
                        sort.Add((bare, descending));
                    }
                    break;
                default:
                    if (key.Contains(':', StringComparison.Ordinal))
                        throw FhirException.NotSupported(key, $"Search modifiers are not supported ('{key}').");
                    if (SearchParameters.All(p => p.Name != key))
                        throw FhirException.NotSupported(key, $"Unknown search parameter '{key}' for {Name}; supported: {string.Join(", ", SearchParameters.Select(p => p.Name).Concat(ResultParameters))}.");
                    if (string.IsNullOrWhiteSpace(value)) throw FhirException.Invalid(key, $"Search parameter '{key}' has no value.");
                    filters.Add((key, value));
                    break;
            }
        }
        return new FhirSearchPlan(filters, sort, count, offset, zone);
    }

    public abstract Task<FhirMatch?> ReadAsync(ClinicDb db, string id, CancellationToken ct);

    public abstract Task<(IReadOnlyList<FhirMatch> Page, int Total)> SearchAsync(ClinicDb db, FhirSearchPlan plan, CancellationToken ct);

    /// <summary>Every current resource of this type for one patient (Patient/$everything, export); empty when not per patient.</summary>
    public abstract Task<IReadOnlyList<Resource>> ForPatientAsync(ClinicDb db, Guid patientId, CancellationToken ct);

    /// <summary>Bulk export ($export): every resource a search of this type sees, with its patient; with <paramref name="since"/>, only
    /// those recorded, voided or superseded after it or created or updated after it according to the audit trail.</summary>
    public abstract IAsyncEnumerable<FhirMatch> ExportAsync(ClinicDb db, NodaTime.Instant? since, CancellationToken ct);
}

/// <summary>A resource type backed by one table: search filters and sort keys are LINQ the database runs.</summary>
public sealed class FhirResourceType<T>(
    string name, string readPolicy, string? writePolicy, string documentation,
    Func<ClinicDb, IQueryable<T>> source,
    Func<IQueryable<T>, IReadOnlyList<string>, IQueryable<T>> byIds,
    Func<IQueryable<T>, IOrderedQueryable<T>> defaultOrder,
    Func<IOrderedQueryable<T>, IOrderedQueryable<T>> thenDefault,
    Func<T, Resource> toFhir,
    Func<T, Guid?> patientOf) : FhirResourceType(name, readPolicy, writePolicy, documentation)
    where T : class
{
    private readonly List<(FhirSearchParameter Parameter, Func<IQueryable<T>, string, DateTimeZone, IQueryable<T>> Apply)> parameters = [];
    private readonly List<(string Name, Func<IQueryable<T>, bool, IOrderedQueryable<T>> First, Func<IOrderedQueryable<T>, bool, IOrderedQueryable<T>> Then)> sorts = [];
    private Func<IQueryable<T>, Guid, IQueryable<T>>? byPatient;
    private Func<IQueryable<T>, IQueryable<T>> searchable = q => q;

    public override bool PerPatient => byPatient is not null;
    public override IReadOnlyList<FhirSearchParameter> SearchParameters => [.. parameters.Select(p => p.Parameter)];
    public override IReadOnlyList<string> SortParameters => [.. sorts.Select(s => s.Name)];

    public FhirResourceType<T> Param(string parameter, SearchParamType type, string documentation, Func<IQueryable<T>, string, DateTimeZone, IQueryable<T>> apply)
    {
        parameters.Add((new FhirSearchParameter(parameter, type, documentation), apply));
        return this;
    }

    public FhirResourceType<T> Param(string parameter, SearchParamType type, string documentation, Func<IQueryable<T>, string, IQueryable<T>> apply) =>
        Param(parameter, type, documentation, (q, v, _) => apply(q, v));

    /// <summary>A token every row of this type has the same value for (one part of a composite type): a search for that value
    /// sees all rows, for any other none.</summary>
    public FhirResourceType<T> FixedToken(string parameter, string documentation, string? system, string code) =>
        Param(parameter, SearchParamType.Token, documentation, (q, v) => FhirTokens.CodesIn(v, system).Contains(code) ? q : q.Where(_ => false));

    public FhirResourceType<T> SortBy<TKey>(string parameter, System.Linq.Expressions.Expression<Func<T, TKey>> key)
    {
        sorts.Add((parameter, (q, d) => d ? q.OrderByDescending(key) : q.OrderBy(key), (q, d) => d ? q.ThenByDescending(key) : q.ThenBy(key)));
        return this;
    }

    /// <summary>Puts the type in the patient compartment and adds the <c>patient</c> (and, with <paramref name="subject"/>, <c>subject</c>) parameters.</summary>
    public FhirResourceType<T> ForPatient(Func<IQueryable<T>, Guid, IQueryable<T>> filter, bool subject = true)
    {
        byPatient = filter;
        Param("patient", SearchParamType.Reference, "The patient (Patient/{id} or {id})", (q, v) => filter(q, FhirReferences.PatientId(v) ?? Guid.Empty));
        if (subject) Param("subject", SearchParamType.Reference, "The subject, a patient (Patient/{id} or {id})", (q, v) => filter(q, FhirReferences.PatientId(v) ?? Guid.Empty));
        return this;
    }

    /// <summary>Rows a search sees (e.g. not superseded versions; those stay readable by id).</summary>
    public FhirResourceType<T> Searching(Func<IQueryable<T>, IQueryable<T>> filter)
    {
        searchable = filter;
        return this;
    }

    public FhirResourceType<T> WithId() =>
        Param("_id", SearchParamType.Token, "Logical id; several separated by commas",
            (q, v) => byIds(q, v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    public override async Task<FhirMatch?> ReadAsync(ClinicDb db, string id, CancellationToken ct)
    {
        var row = await byIds(source(db).AsNoTracking(), [id]).FirstOrDefaultAsync(ct);
        return row is null ? null : new FhirMatch(toFhir(row), patientOf(row));
    }

    public override async Task<(IReadOnlyList<FhirMatch> Page, int Total)> SearchAsync(ClinicDb db, FhirSearchPlan plan, CancellationToken ct)
    {
        var q = searchable(source(db).AsNoTracking());
        foreach (var (parameterName, value) in plan.Filters)
        {
            q = parameters.First(p => p.Parameter.Name == parameterName).Apply(q, value, plan.Zone);
        }
        IOrderedQueryable<T> ordered;
        if (plan.Sort.Count == 0)
        {
            ordered = defaultOrder(q);
        }
        else
        {
            var first = sorts.First(s => s.Name == plan.Sort[0].Name);
            ordered = first.First(q, plan.Sort[0].Descending);
            foreach (var (sortName, descending) in plan.Sort.Skip(1)) ordered = sorts.First(s => s.Name == sortName).Then(ordered, descending);
            // A stable tie-break after the requested keys, so that pages neither repeat nor skip rows.
            ordered = thenDefault(ordered);
        }
        var rows = await ordered.Skip(plan.Offset).Take(plan.Count).ToListAsync(ct);
        // A page that is neither full nor past the end is the last one, and gives the total without a second query
        // (most searches, such as by identifier, find one page or less).
        var total = (rows.Count > 0 && rows.Count < plan.Count) || (rows.Count == 0 && plan.Offset == 0)
            ? plan.Offset + rows.Count
            : await q.CountAsync(ct);
        return ([.. rows.Select(r => new FhirMatch(toFhir(r), patientOf(r)))], total);
    }

    public override async Task<IReadOnlyList<Resource>> ForPatientAsync(ClinicDb db, Guid patientId, CancellationToken ct)
    {
        if (byPatient is null) return [];
        var rows = await defaultOrder(searchable(byPatient(source(db).AsNoTracking(), patientId))).ToListAsync(ct);
        return [.. rows.Select(toFhir)];
    }

    public override async IAsyncEnumerable<FhirMatch> ExportAsync(ClinicDb db, NodaTime.Instant? since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = searchable(source(db).AsNoTracking());
        if (since is { } after) rows = rows.Where(FhirExportChanges.After<T>(after));
        var seen = since is null ? null : new HashSet<string>(StringComparer.Ordinal);
        const int page = 1000;
        for (var offset = 0; ; offset += page)
        {
            var batch = await defaultOrder(rows).Skip(offset).Take(page).ToListAsync(ct);
            foreach (var row in batch)
            {
                var resource = toFhir(row);
                seen?.Add(resource.Id ?? "");
                yield return new FhirMatch(resource, patientOf(row));
            }
            if (batch.Count < page) break;
        }
        if (since is not { } changedAfter) yield break;
        // Changes no column records (demographics updated, a course or appointment whose status moved) are in the audit trail.
        var audited = await FhirExportChanges.AuditedIdsAsync(db, typeof(T).Name, changedAfter, ct);
        foreach (var chunk in audited.Where(id => !seen!.Contains(id)).Chunk(page))
        {
            foreach (var row in await defaultOrder(byIds(searchable(source(db).AsNoTracking()), chunk)).ToListAsync(ct))
                yield return new FhirMatch(toFhir(row), patientOf(row));
        }
    }
}
