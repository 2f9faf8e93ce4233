using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Fhir;

/// <summary>The outcome instruments (NRS, ODI, KOOS JR, HOOS JR, Harris Hip, PGIC) as canonical Questionnaires, the definitions every
/// QuestionnaireResponse names. Items carry their answer values; their wording only where the clinic may publish it: shipped free
/// text, or licensed text the clinic loaded (then with the licence holder in the copyright). Otherwise the item has no text.</summary>
public static class QuestionnaireFhir
{
    public static string Canonical(string instrumentId) => $"urn:regenclinic:questionnaire:{instrumentId}";

    public static Questionnaire ToFhir(this Instrument instrument, LicensedItemText? licensed)
    {
        var questionnaire = new Questionnaire
        {
            Id = instrument.Id,
            Url = Canonical(instrument.Id),
            Name = string.Concat(instrument.Id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])),
            Title = instrument.Name,
            Status = PublicationStatus.Active,
            SubjectType = [ResourceType.Patient],
            Publisher = "RegenClinic",
            Description = instrument.Source,
            Purpose = instrument.Completion == Respondent.Patient ? "Completed by the patient." : "Completed by the clinician.",
            Copyright = licensed is null ? instrument.LicenceNotice : $"{instrument.LicenceNotice} Item text published under the licence held by {licensed.LicenceHolder}.",
            Code = [.. instrument.LoincCodes.Select(c => new Coding(Domain.Patients.Codes.LoincSystem, c.Code, c.Display))],
        };
        if (instrument.LoincCodes.Count == 0) questionnaire.Code.Add(new Coding(OutcomeScore.InstrumentSystem, instrument.Id, instrument.Name));
        for (var i = 0; i < instrument.Items.Count; i++)
        {
            var item = instrument.Items[i];
            questionnaire.Item.Add(new Questionnaire.ItemComponent
            {
                LinkId = item.Key,
                Prefix = item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Text = instrument.ItemTextShipped ? item.Text : licensed?.ItemTexts[i],
                Type = Questionnaire.QuestionnaireItemType.Integer,
                AnswerOption = [.. item.AllowedAnswers.Select(a => new Questionnaire.AnswerOptionComponent { Value = new Integer(a) })],
            });
        }
        return questionnaire;
    }

    /// <summary>Every instrument with the licensed text currently loaded for it, if any.</summary>
    public static async Task<IReadOnlyList<Resource>> AllAsync(ClinicDb db, CancellationToken ct)
    {
        var loaded = await db.LicensedItemTexts.AsNoTracking().Where(t => t.RetiredAt == null).ToListAsync(ct);
        return [.. Instruments.All.Select(i => i.ToFhir(loaded.Where(t => t.InstrumentId == i.Id).OrderByDescending(t => t.LoadedAt).FirstOrDefault()?.ToText()))];
    }
}

/// <summary>A type served from a small list computed per request (the instrument catalogue): filters and sort keys run in memory.</summary>
public sealed class FhirCatalogueType(string name, string readPolicy, string documentation, Func<ClinicDb, CancellationToken, Task<IReadOnlyList<Resource>>> load)
    : FhirResourceType(name, readPolicy, null, documentation)
{
    private readonly List<(FhirSearchParameter Parameter, Func<Resource, string, bool> Matches)> parameters = [];
    private readonly List<(string Name, Func<Resource, string?> Key)> sorts = [];

    public override bool PerPatient => false;
    public override IReadOnlyList<FhirSearchParameter> SearchParameters => [.. parameters.Select(p => p.Parameter)];
    public override IReadOnlyList<string> SortParameters => [.. sorts.Select(s => s.Name)];

    public FhirCatalogueType Param(string parameter, SearchParamType type, string documentation, Func<Resource, string, bool> matches)
    {
        parameters.Add((new FhirSearchParameter(parameter, type, documentation), matches));
        return this;
    }

    public FhirCatalogueType SortBy(string parameter, Func<Resource, string?> key)
    {
        sorts.Add((parameter, key));
        return this;
    }

    /// <summary>The catalogue is definitions with no change time: a full export carries it, an export of changes does not.</summary>
    public override async IAsyncEnumerable<FhirMatch> ExportAsync(ClinicDb db, NodaTime.Instant? since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (since is not null) yield break;
        foreach (var resource in await load(db, ct)) yield return new FhirMatch(resource, null);
    }

    public override async Task<FhirMatch?> ReadAsync(ClinicDb db, string id, CancellationToken ct) =>
        (await load(db, ct)).FirstOrDefault(r => r.Id == id) is { } resource ? new FhirMatch(resource, null) : null;

    public override async Task<(IReadOnlyList<FhirMatch> Page, int Total)> SearchAsync(ClinicDb db, FhirSearchPlan plan, CancellationToken ct)
    {
        IEnumerable<Resource> rows = await load(db, ct);
        foreach (var (parameterName, value) in plan.Filters)
        {
            var matches = parameters.First(p => p.Parameter.Name == parameterName).Matches;
            rows = rows.Where(r => matches(r, value)).ToList();
        }
        var list = rows.ToList();
        IEnumerable<Resource> ordered = list;
        if (plan.Sort.Count > 0)
        {
            var comparer = Comparer<Resource>.Create((a, b) =>
            {
                foreach (var (sortName, descending) in plan.Sort)
                {
                    var key = sorts.First(s => s.Name == sortName).Key;
                    var c = string.CompareOrdinal(key(a), key(b));
                    if (c != 0) return descending ? -c : c;
                }
                return string.CompareOrdinal(a.Id, b.Id);
            });
            ordered = list.Order(comparer);
        }
        return ([.. ordered.Skip(plan.Offset).Take(plan.Count).Select(r => new FhirMatch(r, null))], list.Count);
    }

    public override Task<IReadOnlyList<Resource>> ForPatientAsync(ClinicDb db, Guid patientId, CancellationToken ct) =>
        System.Threading.Tasks.Task.FromResult<IReadOnlyList<Resource>>([]);
}
