using System.Linq.Expressions;
using Expression = System.Linq.Expressions.Expression;
using ChamberKind = RegenClinic.Domain.Clinic.ChamberKind;
using Hl7.Fhir.Model;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Domain.Patients;
using RegenClinic.Staff;
using PatientCodes = RegenClinic.Domain.Patients.Codes;

namespace RegenClinic.Fhir;

#pragma warning disable CA1862 // a StringComparison overload does not translate to SQL; ToUpper does, on both providers

/// <summary>The types served from several records (Location, Observation, Procedure, AdverseEvent, DocumentReference), Consent and
/// the Questionnaire catalogue.</summary>
public static partial class FhirRegistry
{
    // ---- Location: sites, chambers, rooms --------------------------------------------------------------------------------

    private static FhirCompositeType LocationType() =>
        new("Location", Policies.Demographics, null, "Clinic sites, their hyperbaric chambers and treatment rooms (partOf the site)",
        [
            Part<Site>("Location", db => db.Sites, x => x.Id, s => s.ToFhir(), _ => null)
                .Param("name", SearchParamType.String, NameDoc, (q, v) => { var k = Key(v); return q.Where(x => x.Name.ToUpper().StartsWith(k)); })
                .FixedToken("type", TypeDoc, LocationFhir.TypeSystem, LocationFhir.SiteType)
                .FixedToken("status", LocationStatusDoc, null, "active")
                .SortBy("name", x => x.Name),
            Part<Chamber>("Location", db => db.Chambers, x => x.Id, c => c.ToFhir(), _ => null)
                .Param("name", SearchParamType.String, NameDoc, (q, v) => { var k = Key(v); return q.Where(x => x.Name.ToUpper().StartsWith(k)); })
                .Param("type", SearchParamType.Token, TypeDoc, (q, v) =>
                {
                    var kinds = Named<ChamberKind>(v, LocationFhir.TypeSystem, LocationFhir.TypeCode);
                    return q.Where(x => kinds.Contains(x.Kind));
                })
                .Param("status", SearchParamType.Token, LocationStatusDoc, (q, v) =>
                {
                    var statuses = Named<EquipmentStatus>(v, null, s => FhirCode(LocationFhir.LocationStatus(s)));
                    return q.Where(x => statuses.Contains(x.Status));
                })
                .SortBy("name", x => x.Name),
            Part<Room>("Location", db => db.Rooms, x => x.Id, r => r.ToFhir(), _ => null)
                .Param("name", SearchParamType.String, NameDoc, (q, v) => { var k = Key(v); return q.Where(x => x.Name.ToUpper().StartsWith(k)); })
                .FixedToken("type", TypeDoc, LocationFhir.TypeSystem, LocationFhir.RoomType)
                .FixedToken("status", LocationStatusDoc, null, "active")
                .SortBy("name", x => x.Name),
        ],
        [("name", r => ((Location)r).Name)]);

    private const string NameDoc = "Start of the name (case-insensitive)";
    private const string LocationStatusDoc = "active, suspended, inactive";
    private const string TypeDoc = "site, monoplace-chamber, multiplace-chamber, treatment-room (" + LocationFhir.TypeSystem + ")";

    // ---- Observation: chart vitals and labs, outcome scores, imaging stages -------------------------------------------

    private static FhirCompositeType ObservationType(FhirResourceType chart) =>
        new("Observation", Policies.ClinicalRead, Policies.ClinicalWrite,
            "Vital signs and laboratory results from the chart (created and amended here), outcome scores (survey) and imaging stages (imaging)",
        [
            chart,
            ChartPart<OutcomeScore>("Observation", db => db.OutcomeScores, s => s.ToFhirObservation())
                .Param("code", SearchParamType.Token, CodeDoc, (q, v) =>
                {
                    var loinc = FhirTokens.CodesIn(v, PatientCodes.LoincSystem);
                    var local = FhirTokens.CodesIn(v, OutcomeScore.InstrumentSystem);
                    return q.Where(x => (x.CodeSystem == PatientCodes.LoincSystem && loinc.Contains(x.Code)) || (x.CodeSystem == OutcomeScore.InstrumentSystem && local.Contains(x.Code)));
                })
                .FixedToken("category", CategoryDoc, ChartFhir.ObservationCategorySystem, "survey")
                .Param("date", SearchParamType.Date, DateDoc, (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.EffectiveAt))
                .Param("status", SearchParamType.Token, StatusDoc, ChartStatus<OutcomeScore>)
                .SortBy("date", x => x.EffectiveAt),
            ChartPart<ImagingStudyEntry>("Observation", db => db.ImagingStudies.Where(x => x.Stage != null), e => e.ToStageObservation())
                .FixedToken("code", CodeDoc, SessionFhir.LocalObservationSystem, SessionFhir.ImagingStageCode)
                .FixedToken("category", CategoryDoc, ChartFhir.ObservationCategorySystem, "imaging")
                .Param("date", SearchParamType.Date, DateDoc, (q, v) => FhirDateSearch.OnDate(q, v, x => x.Date))
                .Param("status", SearchParamType.Token, StatusDoc, ChartStatus<ImagingStudyEntry>)
                .SortBy("date", x => x.Date),
        ],
        [("date", r => FhirCompositeType.DateKey(((Observation)r).Effective))])
        { CanCreate = true, CanUpdate = true };

    private const string CodeDoc = "LOINC code (http://loinc.org|8480-6); outcome instruments without LOINC in " + OutcomeScore.InstrumentSystem
        + "; imaging stage " + SessionFhir.LocalObservationSystem + "|" + SessionFhir.ImagingStageCode;
    private const string CategoryDoc = "vital-signs, laboratory, survey, imaging";
    private const string DateDoc = "Effective time, with prefixes eq, ge, gt, le, lt; a date covers its day in the clinic's zone";
    private const string StatusDoc = "final, amended, entered-in-error";

    /// <summary>final = current, amended = current amendment, entered-in-error = voided.</summary>
    private static IQueryable<T> ChartStatus<T>(IQueryable<T> q, string v) where T : ChartEntry
    {
        var s = FhirTokens.CodesIn(v, null);
        bool final = s.Contains("final"), amended = s.Contains("amended"), voided = s.Contains("entered-in-error");
        return q.Where(x => (final && x.VoidedAt == null && x.Amends == null) || (amended && x.VoidedAt == null && x.Amends != null) || (voided && x.VoidedAt != null));
    }

    // ---- Procedure: chart history, HBOT sessions, injections and cell therapy -----------------------------------------

    private static FhirCompositeType ProcedureType() =>
        new("Procedure", Policies.ClinicalRead, Policies.ClinicalWrite,
            "Procedures from the chart history (SNOMED CT; created here), HBOT sessions from the dive log and charted ozone, prolotherapy and cell-therapy procedures",
        [
            ChartPart<ProcedureEntry>("Procedure", db => db.Procedures, e => e.ToFhir())
                .Param("code", SearchParamType.Token, ProcedureCodeDoc, (q, v) => { var codes = FhirTokens.CodesIn(v, PatientCodes.SnomedSystem); return q.Where(x => codes.Contains(x.Code)); })
                .Param("date", SearchParamType.Date, PerformedDoc, (q, v) => FhirDateSearch.OnDate(q, v, x => x.Performed))
                .Param("status", SearchParamType.Token, ProcedureStatusDoc, (q, v) =>
                {
                    var s = FhirTokens.CodesIn(v, null);
                    bool completed = s.Contains("completed"), voided = s.Contains("entered-in-error");
                    return q.Where(x => (completed && x.VoidedAt == null) || (voided && x.VoidedAt != null));
                })
                .SortBy("date", x => x.Performed),
            Part<DiveSession>("Procedure", DiveSessions, x => x.Checklist.Id, s => s.ToFhir(), s => s.Checklist.PatientId)
                .ForPatient((q, p) => q.Where(x => x.Checklist.PatientId == p))
                .FixedToken("code", ProcedureCodeDoc, ClinicFhir.TherapySystem, SessionFhir.Hbot)
                .Param("date", SearchParamType.Date, PerformedDoc, (q, v) => FhirDateSearch.OnDate(q, v, x => x.Dive.Date))
                .Param("status", SearchParamType.Token, ProcedureStatusDoc, (q, v) =>
                {
                    var statuses = Named<DiveStatus>(v, null, s => FhirCode(SessionFhir.DiveStatus(s)));
                    return q.Where(x => statuses.Contains(x.Dive.Status));
                })
                .SortBy("date", x => x.Dive.Date),
            Part<ProcedureRecord>("Procedure", db => db.ProcedureRecords, x => x.Id, p => p.ToFhir(), p => p.PatientId)
                .Searching(q => q.Where(x => x.SupersededAt == null))
                .ForPatient((q, p) => q.Where(x => x.PatientId == p))
                .Param("code", SearchParamType.Token, ProcedureCodeDoc, (q, v) => { var codes = FhirTokens.CodesIn(v, ClinicFhir.TherapySystem); return q.Where(x => codes.Contains(x.Therapy)); })
                .Param("date", SearchParamType.Date, PerformedDoc, (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.PerformedAt))
                .Param("status", SearchParamType.Token, ProcedureStatusDoc, (q, v) =>
                {
                    var s = FhirTokens.CodesIn(v, null);
                    bool completed = s.Contains("completed"), voided = s.Contains("entered-in-error");
                    return q.Where(x => (completed && x.VoidedAt == null) || (voided && x.VoidedAt != null));
                })
                .SortBy("date", x => x.PerformedAt),
        ],
        [("date", r => FhirCompositeType.DateKey(((Procedure)r).Performed))])
        { CanCreate = true };

    private const string ProcedureCodeDoc = "SNOMED CT code (chart history) or therapy code (" + ClinicFhir.TherapySystem + "|hbot, |ozone-injection, …)";
    private const string PerformedDoc = "Date performed, with prefixes eq, ge, gt, le, lt";
    private const string ProcedureStatusDoc = "preparation, in-progress, completed, entered-in-error";

    private static IQueryable<DiveSession> DiveSessions(ClinicDb db) =>
        from c in db.PreDiveChecklists
        where c.DiveId != null
        join d in db.HbotDives on c.DiveId equals (Guid?)d.Id
        select new DiveSession { Checklist = c, Dive = d };

    // ---- AdverseEvent: HBOT and injection events ----------------------------------------------------------------------

    private static FhirCompositeType AdverseEventType() =>
        new("AdverseEvent", Policies.ClinicalRead, Policies.ClinicalWrite,
            "Adverse events during or after a dive (suspectEntity CarePlan/{course}) and after an injection or cell therapy (suspectEntity Procedure/{id}); created here",
        [
            Part<HbotAdverseEventRecord>("AdverseEvent", db => db.HbotAdverseEvents, x => x.Id, r => r.ToFhir(), r => r.PatientId)
                .ForPatient((q, p) => q.Where(x => x.PatientId == p))
                .Param("event", SearchParamType.Token, EventDoc, (q, v) =>
                {
                    var types = Named<HyperbaricAdverseEventType>(v, AdverseEventFhir.HbotEventSystem, t => FhirTokens.Kebab(t.ToString()));
                    return q.Where(x => types.Contains(x.Type));
                })
                .Param("date", SearchParamType.Date, OnsetDoc, (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.OccurredAt))
                .SortBy("date", x => x.OccurredAt),
            Part<AdverseEventRecord>("AdverseEvent", db => db.AdverseEvents, x => x.Id, r => r.ToFhir(), r => r.PatientId)
                .ForPatient((q, p) => q.Where(x => x.PatientId == p))
                .Param("event", SearchParamType.Token, EventDoc, (q, v) => { var codes = FhirTokens.CodesIn(v, AdverseEventFhir.InjectionEventSystem); return q.Where(x => codes.Contains(x.EventCode)); })
                .Param("date", SearchParamType.Date, OnsetDoc, (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.OnsetAt))
                .SortBy("date", x => x.OnsetAt),
        ],
        [("date", r => FhirCompositeType.DateKey(((AdverseEvent)r).DateElement))])
        { CanCreate = true };

    private const string OnsetDoc = "When it began, with prefixes eq, ge, gt, le, lt";
    private const string EventDoc = "Event code (" + AdverseEventFhir.HbotEventSystem + "|seizure, " + AdverseEventFhir.InjectionEventSystem + "|infection)";

    // ---- Consent -----------------------------------------------------------------------------------------------------

    private static FhirResourceType<ConsentRecord> ConsentType() =>
        new FhirResourceType<ConsentRecord>("Consent", Policies.ClinicalRead, null, "Signed informed consents (language, signer, witness, date, therapy)",
                db => db.Consents, (q, ids) => q.Where(In<ConsentRecord, Guid>(x => x.Id, Guids(ids))),
                q => q.OrderBy(x => x.Id), q => q.ThenBy(x => x.Id), c => c.ToFhir(), c => c.PatientId)
            .WithId()
            .ForPatient((q, p) => q.Where(x => x.PatientId == p), subject: false)
            .Param("status", SearchParamType.Token, "active (signed), inactive (withdrawn)", (q, v) =>
            {
                var statuses = Named<ConsentStatus>(v, null, s => FhirCode(ConsentFhir.State(s)));
                return q.Where(x => statuses.Contains(x.Status));
            })
            .Param("date", SearchParamType.Date, "Date signed, with prefixes eq, ge, gt, le, lt", (q, v) => FhirDateSearch.OnDate(q, v, x => x.SignedOn))
            .SortBy("date", x => x.SignedOn);

    // ---- DocumentReference: consents, quotes, dive sheets ------------------------------------------------------------

    private static FhirCompositeType DocumentReferenceType() =>
        new("DocumentReference", Policies.ClinicalRead, null, "Signed consents (text inline), travel quotes and dive sheets, with the URL of their printable page",
        [
            Part<ConsentRecord>("DocumentReference", db => db.Consents, x => x.Id, c => c.ToDocument(), c => c.PatientId)
                .ForPatient((q, p) => q.Where(x => x.PatientId == p))
                .FixedToken("type", DocumentTypeDoc, PatientCodes.LoincSystem, ConsentFhir.ConsentDocumentLoinc)
                .Param("date", SearchParamType.Date, DocumentDateDoc, (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.RecordedAt))
                .FixedToken("status", DocumentStatusDoc, null, "current")
                .SortBy("date", x => x.RecordedAt),
            Part<QuoteDocument>("DocumentReference", Quotes, x => x.Quote.Id, q => q.Quote.ToDocument(q.PatientId), q => q.PatientId)
                .ForPatient((q, p) => q.Where(x => x.PatientId == p))
                .FixedToken("type", DocumentTypeDoc, ConsentFhir.DocumentTypeSystem, ConsentFhir.QuoteType)
                .Param("date", SearchParamType.Date, DocumentDateDoc, (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.Quote.CreatedAt))
                .Param("status", SearchParamType.Token, DocumentStatusDoc, (q, v) =>
                {
                    var s = FhirTokens.CodesIn(v, null);
                    bool current = s.Contains("current"), superseded = s.Contains("superseded");
                    return q.Where(x => (current && !x.Quote.Superseded) || (superseded && x.Quote.Superseded));
                })
                .SortBy("date", x => x.Quote.CreatedAt),
            Part<DiveSession>("DocumentReference", DiveSessions, x => x.Checklist.Id, s => s.ToDocument(), s => s.Checklist.PatientId)
                .ForPatient((q, p) => q.Where(x => x.Checklist.PatientId == p))
                .FixedToken("type", DocumentTypeDoc, ConsentFhir.DocumentTypeSystem, ConsentFhir.DiveSheetType)
                .Param("date", SearchParamType.Date, DocumentDateDoc, (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.Dive.PlannedAt))
                .FixedToken("status", DocumentStatusDoc, null, "current")
                .SortBy("date", x => x.Dive.PlannedAt),
        ],
        [("date", r => ((DocumentReference)r).Date?.UtcDateTime)]);

    private const string DocumentTypeDoc = "http://loinc.org|59284-0 (consent), " + ConsentFhir.DocumentTypeSystem + "|quote, |dive-sheet";
    private const string DocumentStatusDoc = "current, superseded";
    private const string DocumentDateDoc = "When the document was made, with prefixes eq, ge, gt, le, lt";

    private static IQueryable<QuoteDocument> Quotes(ClinicDb db) =>
        from q in db.Quotes
        join e in db.Enquiries on q.EnquiryId equals e.Id
        select new QuoteDocument { Quote = q, PatientId = e.PatientId };

    // ---- Questionnaire -----------------------------------------------------------------------------------------------

    private static FhirCatalogueType QuestionnaireType() =>
        new FhirCatalogueType("Questionnaire", Policies.Demographics, "The outcome instruments; item text only where it is free or the clinic loaded its licensed text",
                QuestionnaireFhir.AllAsync)
            .Param("_id", SearchParamType.Token, "Logical id (the instrument: nrs, odi, koos-jr, hoos-jr, harris-hip, pgic)",
                (r, v) => r.Id is { } id && v.Split(',', StringSplitOptions.TrimEntries).Contains(id))
            .Param("url", SearchParamType.Uri, "Canonical URL (urn:regenclinic:questionnaire:{id})", (r, v) => ((Questionnaire)r).Url == v)
            .Param("code", SearchParamType.Token, "LOINC code of the instrument", (r, v) =>
            {
                var codes = FhirTokens.CodesIn(v, null);
                return ((Questionnaire)r).Code.Any(c => c.Code is { } code && codes.Contains(code));
            })
            .Param("status", SearchParamType.Token, "active", (r, v) => FhirTokens.CodesIn(v, null).Contains("active"))
            .SortBy("name", r => ((Questionnaire)r).Name);

    // ---- helpers -----------------------------------------------------------------------------------------------------

    /// <summary>A table-backed part keyed by a Guid id.</summary>
    private static FhirResourceType<T> Part<T>(string name, Func<ClinicDb, IQueryable<T>> source, Expression<Func<T, Guid>> id, Func<T, Resource> toFhir, Func<T, Guid?> patientOf)
        where T : class =>
        new FhirResourceType<T>(name, Policies.ClinicalRead, null, name, source, (q, ids) => q.Where(In(id, Guids(ids))),
                q => q.OrderBy(id), q => q.ThenBy(id), toFhir, patientOf)
            .WithId();

    /// <summary>Like <c>Chart</c>, over any source of chart entries: searches see current versions and voided ones.</summary>
    private static FhirResourceType<T> ChartPart<T>(string name, Func<ClinicDb, IQueryable<T>> source, Func<T, Resource> toFhir) where T : ChartEntry =>
        Part(name, source, x => x.Id, e => ChartFhir.WithReplaces(toFhir(e), e), e => e.PatientId)
            .Searching(q => q.Where(x => x.SupersededAt == null))
            .ForPatient((q, p) => q.Where(x => x.PatientId == p));

    /// <summary>Rows whose <paramref name="key"/> is one of <paramref name="values"/>. One value (a read by id, most token searches)
    /// is compared with <c>=</c>: a list parameter makes EF expand and re-process the SQL on every execution, a scalar one lets
    /// it reuse the cached command. Either way the values are read through a closure, so that the providers send them as
    /// parameters rather than inlining them.</summary>
    private static Expression<Func<T, bool>> In<T, TValue>(Expression<Func<T, TValue>> key, List<TValue> values)
    {
        Expression test;
        if (values.Count == 1)
        {
            var value = values[0];
            Expression<Func<TValue>> captured = () => value;
            test = Expression.Equal(key.Body, captured.Body);
        }
        else
        {
            Expression<Func<List<TValue>>> captured = () => values;
            test = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)], captured.Body, key.Body);
        }
        return Expression.Lambda<Func<T, bool>>(test, key.Parameters);
    }

    private static string Key(string value) => value.Trim().ToUpperInvariant();

    /// <summary>The members of <typeparamref name="TEnum"/> whose code the token value asks for.</summary>
    private static List<TEnum> Named<TEnum>(string value, string? system, Func<TEnum, string> code) where TEnum : struct, Enum
    {
        var codes = FhirTokens.CodesIn(value, system);
        return [.. Enum.GetValues<TEnum>().Where(e => codes.Contains(code(e)))];
    }

    /// <summary>The FHIR code of a Firely enum member (its [EnumLiteral]).</summary>
    private static string FhirCode<TEnum>(TEnum value) where TEnum : struct, Enum => Hl7.Fhir.Utility.EnumUtility.GetLiteral(value) ?? value.ToString();
}
