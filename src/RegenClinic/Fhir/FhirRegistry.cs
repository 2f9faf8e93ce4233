using Hl7.Fhir.Model;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Staff;
using DomainPatient = RegenClinic.Domain.Patients.Patient;
using DomainAppointment = RegenClinic.Domain.Clinic.Appointment;

using PatientCodes = RegenClinic.Domain.Patients.Codes;

namespace RegenClinic.Fhir;

/// <summary>Every resource type the FHIR interface serves, with its search parameters and sort keys. The endpoints route by it
/// and /fhir/metadata is generated from it.</summary>
public static partial class FhirRegistry
{
    public static readonly IReadOnlyList<FhirResourceType> Types =
    [
        PatientType(),
        Chart<ConditionEntry>("Condition", e => e.ToFhir(), create: true)
            .Param("code", SearchParamType.Token, "ICD-10-CM code (http://hl7.org/fhir/sid/icd-10-cm|M87.05)",
                (q, v) => { var codes = FhirTokens.CodesIn(v, PatientCodes.Icd10CmSystem, upper: true); return q.Where(x => codes.Contains(x.Code)); })
            .Param("clinical-status", SearchParamType.Token, "active, recurrence, relapse, inactive, remission, resolved",
                (q, v) => { var s = Enums<ClinicalStatus>(v, ChartFhir.ConditionClinical, "clinical-status"); return q.Where(x => s.Contains(x.ClinicalStatus)); })
            .Param("onset-date", SearchParamType.Date, "Onset date, with prefixes eq, ge, gt, le, lt",
                (q, v) => FhirDateSearch.OnNullableDate(q, v, x => x.Onset))
            .SortBy("onset-date", x => x.Onset),
        Chart<MedicationEntry>("MedicationStatement", e => e.ToFhir(), create: true)
            .Param("code", SearchParamType.Token, "ATC code (http://www.whocc.no/atc|M05BA08)",
                (q, v) => { var codes = FhirTokens.CodesIn(v, PatientCodes.AtcSystem, upper: true); return q.Where(x => codes.Contains(x.AtcCode)); })
            .Param("status", SearchParamType.Token, "active, intended, on-hold, completed, stopped",
                (q, v) => { var s = Enums<MedicationStatus>(v, null, "status"); return q.Where(x => s.Contains(x.Status) && x.VoidedAt == null); })
            .SortBy("effective", x => x.Start),
        Chart<AllergyEntry>("AllergyIntolerance", e => e.ToFhir(), create: true, subject: false)
            .Param("code", SearchParamType.Token, "ATC code of the substance",
                (q, v) => { var codes = FhirTokens.CodesIn(v, PatientCodes.AtcSystem, upper: true); return q.Where(x => x.AtcCode != null && codes.Contains(x.AtcCode)); })
            .Param("date", SearchParamType.Date, "Date recorded, with prefixes eq, ge, gt, le, lt",
                (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.RecordedAt))
            .SortBy("date", x => x.RecordedAt),
        ObservationType(Chart<ObservationEntry>("Observation", e => e.ToFhir(), create: true)
            .Param("code", SearchParamType.Token, "LOINC code (http://loinc.org|8480-6)",
                (q, v) => { var codes = FhirTokens.CodesIn(v, PatientCodes.LoincSystem); return q.Where(x => codes.Contains(x.LoincCode)); })
            .Param("category", SearchParamType.Token, "vital-signs, laboratory, survey",
                (q, v) =>
                {
                    var codes = FhirTokens.CodesIn(v, ChartFhir.ObservationCategorySystem);
                    var categories = Enum.GetValues<Domain.Patients.ObservationCategory>().Where(c => codes.Contains(ChartFhir.CategoryCode(c))).ToList();
                    return q.Where(x => categories.Contains(x.Category));
                })
            .Param("date", SearchParamType.Date, "Effective time, with prefixes eq, ge, gt, le, lt; a date covers its day in the clinic's zone",
                (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.EffectiveAt))
            .Param("status", SearchParamType.Token, "final, amended, entered-in-error", (q, v) =>
            {
                var s = FhirTokens.CodesIn(v, null);
                bool final = s.Contains("final"), amended = s.Contains("amended"), voided = s.Contains("entered-in-error");
                return q.Where(x => (final && x.VoidedAt == null && x.Amends == null) || (amended && x.VoidedAt == null && x.Amends != null) || (voided && x.VoidedAt != null));
            })
            .SortBy("date", x => x.EffectiveAt)),
        ProcedureType(),
        AdverseEventType(),
        ConsentType(),
        DocumentReferenceType(),
        QuestionnaireType(),
        Chart<OutcomeScore>("QuestionnaireResponse", e => e.ToFhirQuestionnaireResponse(), create: false)
            .Param("authored", SearchParamType.Date, "When answered, with prefixes eq, ge, gt, le, lt",
                (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.EffectiveAt))
            .SortBy("authored", x => x.EffectiveAt),
        new FhirResourceType<TreatmentCourse>("CarePlan", Policies.ClinicalRead, null, "Treatment courses (HBOT, injections, cell therapy)",
                db => db.Courses, (q, ids) => q.Where(In<TreatmentCourse, Guid>(x => x.Id, Guids(ids))),
                q => q.OrderBy(x => x.Id), q => q.ThenBy(x => x.Id), c => c.ToFhir(), c => c.PatientId)
            .WithId()
            .ForPatient((q, p) => q.Where(x => x.PatientId == p))
            .Param("status", SearchParamType.Token, "draft, active, on-hold, completed, revoked", (q, v) =>
            {
                var codes = FhirTokens.CodesIn(v, null);
                var statuses = Enum.GetValues<CourseStatus>().Where(s => codes.Contains(ClinicFhir.CarePlanStatus(s).ToString().ToLowerInvariant().Replace("onhold", "on-hold", StringComparison.Ordinal))).ToList();
                return q.Where(x => statuses.Contains(x.Status));
            })
            .Param("date", SearchParamType.Date, "Planned start (earliest start), with prefixes eq, ge, gt, le, lt", (q, v) => FhirDateSearch.OnDate(q, v, x => x.EarliestStart))
            .SortBy("date", x => x.EarliestStart),
        new FhirResourceType<DomainAppointment>("Appointment", Policies.Demographics, null, "Booked sessions in chambers and rooms",
                db => db.Appointments, (q, ids) => q.Where(In<DomainAppointment, Guid>(x => x.Id, Guids(ids))),
                q => q.OrderBy(x => x.Start).ThenBy(x => x.Id), q => q.ThenBy(x => x.Id), a => a.ToFhir(), a => a.PatientId)
            .WithId()
            .ForPatient((q, p) => q.Where(x => x.PatientId == p), subject: false)
            .Param("date", SearchParamType.Date, "Start time, with prefixes eq, ge, gt, le, lt; a date covers its day in the clinic's zone",
                (q, v, zone) => FhirDateSearch.OnInstant(q, v, zone, x => x.Start))
            .Param("status", SearchParamType.Token, "booked, arrived, fulfilled, cancelled, noshow", (q, v) =>
            {
                var codes = FhirTokens.CodesIn(v, null);
                var statuses = Enum.GetValues<Domain.Clinic.AppointmentStatus>().Where(s => codes.Contains(ClinicFhir.AppointmentStatus(s).ToString().ToLowerInvariant())).ToList();
                return q.Where(x => statuses.Contains(x.Status));
            })
            .SortBy("date", x => x.Start),
        new FhirResourceType<StaffUser>("Practitioner", Policies.Demographics, null, "Clinic staff",
                db => db.Users, (q, ids) => q.Where(x => ids.Contains(x.Id)),
                q => q.OrderBy(x => x.DisplayName).ThenBy(x => x.Id), q => q.ThenBy(x => x.Id), u => u.ToFhir(), _ => null)
            .WithId()
            .Param("name", SearchParamType.String, "Start of the display name (case-insensitive)",
                (q, v) =>
                {
                    var key = v.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // a StringComparison overload does not translate to SQL; ToUpper does, on both providers
                    return q.Where(x => x.DisplayName.ToUpper().StartsWith(key));
#pragma warning restore CA1862
                })
            .SortBy("name", x => x.DisplayName),
        LocationType(),
    ];

    public static FhirResourceType? Find(string name) => Types.FirstOrDefault(t => t.Name == name);

    private static FhirResourceType<DomainPatient> PatientType() =>
        new FhirResourceType<DomainPatient>("Patient", Policies.Demographics, Policies.Registration, "Patients and their demographics",
                db => db.Patients, (q, ids) => q.Where(In<DomainPatient, Guid>(x => x.Id, Guids(ids))),
                q => q.OrderBy(x => x.Id), q => q.ThenBy(x => x.Id), p => p.ToFhir(), p => p.Id)
            { CanCreate = true, CanUpdate = true }
            .WithId()
            .Param("identifier", SearchParamType.Token, $"Record number ({PatientFhir.RecordNumberSystem}|RC-0000001)",
                (q, v) => q.Where(In<DomainPatient, string>(x => x.RecordNumber, FhirTokens.CodesIn(v, PatientFhir.RecordNumberSystem, upper: true))))
            .Param("name", SearchParamType.String, "Start of the family or given name (case- and accent-insensitive)", (q, v) =>
            {
                var key = DomainPatient.SearchKey(v);
                var inner = " " + key;
                return q.Where(x => x.SearchName.StartsWith(key) || x.SearchName.Contains(inner));
            })
            .Param("birthdate", SearchParamType.Date, "Birth date, with prefixes eq, ge, gt, le, lt", (q, v) => FhirDateSearch.OnDate(q, v, x => x.BirthDate))
            .Param("gender", SearchParamType.Token, "female, male, other, unknown", (q, v) =>
            {
                var codes = FhirTokens.CodesIn(v, null);
                var sexes = Enum.GetValues<Sex>().Where(s => codes.Contains(s.ToString().ToLowerInvariant())).ToList();
                return q.Where(x => sexes.Contains(x.Sex));
            })
            .SortBy("name", x => x.SearchName)
            .SortBy("birthdate", x => x.BirthDate)
            .SortBy("identifier", x => x.RecordNumber);

    /// <summary>A chart entry type: clinical-read to read, clinical-write to create; searches see current versions and voided
    /// entries (as entered-in-error), not superseded ones, which stay readable by id.</summary>
    private static FhirResourceType<T> Chart<T>(string name, Func<T, Resource> toFhir, bool create, bool subject = true) where T : ChartEntry =>
        new FhirResourceType<T>(name, Policies.ClinicalRead, create ? Policies.ClinicalWrite : null, $"Chart entries ({typeof(T).Name})",
                db => db.Set<T>(), (q, ids) => q.Where(In<T, Guid>(x => x.Id, Guids(ids))),
                q => q.OrderBy(x => x.Id), q => q.ThenBy(x => x.Id), e => ChartFhir.WithReplaces(toFhir(e), e), e => e.PatientId)
            { CanCreate = create, CanUpdate = create }
            .Searching(q => q.Where(x => x.SupersededAt == null))
            .WithId()
            .ForPatient((q, p) => q.Where(x => x.PatientId == p), subject);

    private static List<Guid> Guids(IReadOnlyList<string> ids) => [.. ids.Select(FhirReferences.IdOf).OfType<Guid>()];

    private static List<TEnum> Enums<TEnum>(string value, string? system, string parameter) where TEnum : struct, Enum
    {
        var codes = FhirTokens.CodesIn(value, system);
        var result = new List<TEnum>();
        foreach (var code in codes)
        {
            var match = Enum.GetValues<TEnum>().Where(e => FhirTokens.Kebab(e.ToString()) == code).ToList();
            if (match.Count == 0) throw FhirException.Invalid(parameter, $"'{code}' is not a {parameter} code.");
            result.AddRange(match);
        }
        return result;
    }

    /// <summary>What /fhir/metadata answers: exactly the types, interactions, search parameters and operations above.</summary>
    public static CapabilityStatement CapabilityStatement(string baseUrl, string date)
    {
        var rest = new CapabilityStatement.RestComponent
        {
            Mode = Hl7.Fhir.Model.CapabilityStatement.RestfulCapabilityMode.Server,
            Documentation = "RegenClinic FHIR R4. Staff sign in with their account; other systems use client-credential tokens from /fhir/token with SMART-style system scopes.",
            Security = new Hl7.Fhir.Model.CapabilityStatement.SecurityComponent
            {
                Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR")],
                Description = "OAuth 2.0 client credentials (POST /fhir/token, grant_type=client_credentials); scopes system/{Type}.read, system/{Type}.write, system/*.read, system/*.write.",
            },
            Interaction =
            [
                new Hl7.Fhir.Model.CapabilityStatement.SystemInteractionComponent { Code = Hl7.Fhir.Model.CapabilityStatement.SystemRestfulInteraction.Transaction,
                    Documentation = "Transaction bundles of POSTs of Patient, Condition, MedicationStatement, AllergyIntolerance and Observation: all or nothing; urn:uuid references resolved." },
            ],
        };
        foreach (var type in Types)
        {
            var resource = new Hl7.Fhir.Model.CapabilityStatement.ResourceComponent
            {
                Type = type.Name,
                Documentation = type.Documentation,
                Versioning = Hl7.Fhir.Model.CapabilityStatement.ResourceVersionPolicy.Versioned,
                ReadHistory = false,
                UpdateCreate = false,
                ConditionalUpdate = false,
                ConditionalDelete = Hl7.Fhir.Model.CapabilityStatement.ConditionalDeleteStatus.NotSupported,
                Interaction = [Interaction(Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.Read), Interaction(Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.SearchType)],
                SearchParam = [.. type.SearchParameters.Select(p => new Hl7.Fhir.Model.CapabilityStatement.SearchParamComponent
                {
                    Name = p.Name, Type = p.Type, Documentation = p.Documentation,
                    Definition = p.Name.StartsWith('_') ? $"http://hl7.org/fhir/SearchParameter/Resource{p.Name.Replace("_", "-", StringComparison.Ordinal)}" : null,
                })],
            };
            if (type.CanCreate) resource.Interaction.Add(Interaction(Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.Create));
            if (type.CanUpdate)
            {
                resource.Interaction.Add(Interaction(Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction.Update));
                resource.Documentation += $". Update needs If-Match with the ETag from a read; a stale one answers 412. Sort keys: {string.Join(", ", type.SortParameters)}";
            }
            else
            {
                resource.Documentation += $". Sort keys (_sort): {string.Join(", ", type.SortParameters)}";
            }
            if (type.Name == "Patient")
                resource.Operation = [new Hl7.Fhir.Model.CapabilityStatement.OperationComponent { Name = "everything", Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything" }];
            if (type.Name == "Patient") resource.Operation.Add(FhirExportOperation("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export"));
            rest.Resource.Add(resource);
        }
        rest.Operation.Add(FhirExportOperation("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export"));
        return new CapabilityStatement
        {
            Id = "regenclinic",
            Url = baseUrl + "/metadata",
            Name = "RegenClinic",
            Title = "RegenClinic FHIR R4 interface",
            Status = PublicationStatus.Active,
            Date = date,
            Kind = Hl7.Fhir.Model.CapabilityStatementKind.Instance,
            Software = new Hl7.Fhir.Model.CapabilityStatement.SoftwareComponent { Name = "RegenClinic" },
            Implementation = new Hl7.Fhir.Model.CapabilityStatement.ImplementationComponent { Description = "RegenClinic", Url = baseUrl },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = [FhirJson.MediaType, "json"],
            Rest = [rest],
        };
    }

    /// <summary>Bulk Data $export (system/*.read or Admin; Prefer: respond-async; _type, _since, _outputFormat).</summary>
    private static Hl7.Fhir.Model.CapabilityStatement.OperationComponent FhirExportOperation(string definition) =>
        new() { Name = "export", Definition = definition, Documentation = "Bulk Data Access: asynchronous NDJSON export (Prefer: respond-async); parameters _type, _since, _outputFormat; needs system/*.read or Admin." };

    private static Hl7.Fhir.Model.CapabilityStatement.ResourceInteractionComponent Interaction(Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction code) => new() { Code = code };
}
