using RegenClinic.Staff;

namespace RegenClinic.Web.Tests.Security;

/// <summary>One probe of a route: a URL with {placeholders} from <see cref="DemoIds"/>, the policy deciding it when it is not the
/// route's own (FHIR checks per resource type inside the route), and the status an allowed role gets.</summary>
internal sealed record Probe(string Url, string? Access = null, int Status = 200);

/// <summary>One endpoint: "PAGE" (a Razor page: GET and its form POSTs) or the HTTP method(s), the route pattern as the app
/// declares it, and the policy it must declare.</summary>
internal sealed record Route(string Method, string Pattern, string Policy, params Probe[] Probes)
{
    public string Key => $"{Method} {Pattern}";
    public bool IsRead => Method is "PAGE" || Method.Split(',').Contains("GET");
    public string[] WriteMethods => Method == "PAGE" ? ["POST"] : Method.Split(',').Where(m => m is not ("GET" or "HEAD" or "*")).ToArray();

    /// <summary>Write probes: the read probes of a page (the same URL posts its form), else the pattern with placeholder ids.</summary>
    public IEnumerable<Probe> WriteProbes => Probes.Length > 0 ? Probes : [new Probe(Generic(Pattern))];

    private static string Generic(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "\\{(?<n>[^}:]+)(:(?<t>[^}]+))?\\}",
        m => m.Groups["t"].Value switch { "guid" => "{any}", "int" => "0", _ => m.Groups["n"].Value switch { "therapy" => "hbot", "type" => "Condition", "kind" => "conditions", _ => "x" } });
}

/// <summary>
/// The expected authorization of every endpoint: the written matrix of docs/permissions.md as data. The roles of each policy
/// are written here, not read from the app, so that a change to a policy in WebSetup fails the test until the matrix changes too.
/// </summary>
internal static class RouteTable
{
    public const string Anonymous = "anonymous";
    public const string SignedIn = "signed-in";
    public const string None = "NONE";
    public const string Fhir = "fhir";

    public static readonly string[] Staff = ["admin", "physician", "nurse", "operator", "frontdesk"];

    public static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        [Anonymous] = ["anonymous", .. Staff],
        [SignedIn] = Staff,
        [Fhir] = Staff,
        [Policies.Demographics] = Staff,
        [Policies.Registration] = ["admin", "physician", "nurse", "frontdesk"],
        [Policies.ClinicalRead] = ["physician", "nurse", "operator"],
        [Policies.ClinicalWrite] = ["physician", "nurse"],
        [Policies.Prescribe] = ["physician"],
        [Policies.Presets] = ["admin", "physician"],
        [Policies.PhysicianDecision] = ["physician"],
        [Policies.Analytics] = ["admin", "physician", "nurse"],
        [Policies.HbotPhysician] = ["physician"],
        [Policies.TreatmentTables] = ["admin", "physician"],
        [Policies.ChamberOperations] = ["physician", "nurse", "operator"],
        [Policies.Travel] = ["physician", "frontdesk"],
        [Policies.Scheduling] = ["admin", "physician", "frontdesk"],
        [Policies.Admin] = ["admin"],
    };

    /// <summary>Static files and Blazor's own script endpoints: not application routes.</summary>
    public static bool IsFrameworkAsset(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private static Route Page(string pattern, string policy, params Probe[] probes) => new("PAGE", pattern, policy, probes);
    private static Route Get(string pattern, string policy, params Probe[] probes) => new("GET", pattern, policy, probes);
    private static Route Post(string pattern, string policy) => new("POST", pattern, policy);
    private static Probe P(string url, string? access = null, int status = 200) => new(url, access, status);

    public static readonly Route[] Rows =
    [
        // Account and public pages.
        Page("/signin", Anonymous, P("/signin")),
        // Without a password step just passed, the second-factor page sends the user back to the first.
        Page("/signin/2fa", Anonymous, P("/signin/2fa", status: 302)),
        Page("/access-denied", Anonymous, P("/access-denied")),
        Page("/not-found", Anonymous, P("/not-found")),
        Page("/account/authenticator", SignedIn, P("/account/authenticator")),
        Page("/centres", Anonymous, P("/centres")),
        Page("/enquire", Anonymous, P("/enquire")),
        Page("/enquire/sent", Anonymous, P("/enquire/sent")),
        Page("/q/{Token}", Anonymous, P("/q/not-a-real-token")),
        Page("/calendar/{Token}", Anonymous, P("/calendar/not-a-real-token")),
        Get("/calendar/{token}/feed.ics", Anonymous, P("/calendar/not-a-real-token/feed.ics", status: 404)),
        Post("/signout", SignedIn),
        Post("/culture", Anonymous),

        // Dashboard, patients, chart.
        Page("/", Policies.Demographics, P("/")),
        Page("/patients", Policies.Demographics, P("/patients")),
        Page("/patients/new", Policies.Registration, P("/patients/new")),
        Page("/patients/{Id:guid}", Policies.Demographics, P("/patients/{patient}")),
        Page("/patients/{Id:guid}/{Kind}/new", Policies.ClinicalWrite, P("/patients/{conditionPatient}/conditions/new")),
        Page("/patients/{Id:guid}/{Kind}/{EntryId:guid}/void", Policies.ClinicalWrite, P("/patients/{conditionPatient}/conditions/{condition}/void")),
        Page("/break-glass", Policies.Demographics, P("/break-glass")),

        // Screening, consent, courses.
        Page("/patients/{Id:guid}/consent/{Therapy}", Policies.ClinicalRead, P("/patients/{patient}/consent/hbot")),
        Page("/patients/{Id:guid}/courses/new", Policies.PhysicianDecision, P("/patients/{patient}/courses/new")),
        Page("/patients/{Id:guid}/courses/{CourseId:guid}/start", Policies.PhysicianDecision, P("/patients/{patient}/courses/{hbotCourse}/start")),
        Page("/patients/{Id:guid}/screenings/{ScreeningId:guid}/decide", Policies.PhysicianDecision, P("/patients/{screeningPatient}/screenings/{screening}/decide")),

        // Hyperbaric.
        Page("/patients/{PatientId:guid}/hbot/new", Policies.HbotPhysician, P("/patients/{patient}/hbot/new")),
        Page("/hyperbaric/chambers", Policies.Demographics, P("/hyperbaric/chambers")),
        Page("/hyperbaric/chambers/{Id:guid}", Policies.Demographics, P("/hyperbaric/chambers/{chamber}")),
        Page("/hyperbaric/tables", Policies.Demographics, P("/hyperbaric/tables")),
        Page("/hyperbaric/courses/{Id:guid}", Policies.ClinicalRead, P("/hyperbaric/courses/{hbotCourse}")),
        Page("/hyperbaric/courses/{CourseId:guid}/checklist", Policies.ChamberOperations, P("/hyperbaric/courses/{hbotCourse}/checklist")),
        Page("/hyperbaric/courses/{CourseId:guid}/adverse-events/new", Policies.ChamberOperations, P("/hyperbaric/courses/{hbotCourse}/adverse-events/new")),
        // The demo clinic has no dive, checklist, schedule run or quote yet: an allowed role gets the route's answer for an unknown
        // id (not found; a schedule run or enquiry file: 400 naming the id; the quote page says so itself).
        Page("/hyperbaric/checklists/{Id:guid}", Policies.ChamberOperations, P("/hyperbaric/checklists/{any}", status: 404)),
        Page("/hyperbaric/dives/{Id:guid}", Policies.ChamberOperations, P("/hyperbaric/dives/{any}", status: 404)),
        Page("/hyperbaric/dives/{Id:guid}/sheet", Policies.ChamberOperations, P("/hyperbaric/dives/{any}/sheet", status: 404)),

        // Injections and cell therapy.
        Page("/patients/{Id:guid}/injections/prescribe", Policies.Prescribe, P("/patients/{procedurePatient}/injections/prescribe")),
        Page("/patients/{Id:guid}/courses/{CourseId:guid}", Policies.ClinicalWrite, P("/patients/{procedurePatient}/courses/{procedureCourse}")),
        Page("/patients/{Id:guid}/courses/{CourseId:guid}/ozone/new", Policies.ClinicalWrite, P("/patients/{procedurePatient}/courses/{procedureCourse}/ozone/new")),
        Page("/patients/{Id:guid}/courses/{CourseId:guid}/prolotherapy/new", Policies.ClinicalWrite, P("/patients/{procedurePatient}/courses/{procedureCourse}/prolotherapy/new")),
        Page("/patients/{Id:guid}/courses/{CourseId:guid}/cell-therapy/new", Policies.ClinicalWrite, P("/patients/{procedurePatient}/courses/{procedureCourse}/cell-therapy/new")),
        Page("/patients/{Id:guid}/procedures/{ProcedureId:guid}/adverse-event", Policies.ClinicalWrite, P("/patients/{procedurePatient}/procedures/{procedure}/adverse-event")),
        Page("/patients/{Id:guid}/procedures/{ProcedureId:guid}/void", Policies.ClinicalWrite, P("/patients/{procedurePatient}/procedures/{procedure}/void")),
        Page("/injections/follow-ups", Policies.ClinicalWrite, P("/injections/follow-ups")),
        Page("/injections/follow-ups/{Id:guid}/done", Policies.ClinicalWrite, P("/injections/follow-ups/{followUp}/done")),
        Page("/injections/limits", Policies.Presets, P("/injections/limits")),
        Page("/injections/presets", Policies.Presets, P("/injections/presets")),
        Page("/injections/presets/{Id:guid}/copy", Policies.Presets, P("/injections/presets/{preset}/copy")),
        Page("/injections/presets/{Id:guid}/edit", Policies.Presets, P("/injections/presets/{preset}/edit")),
        Page("/injections/presets/{Id:guid}/retire", Policies.Presets, P("/injections/presets/{preset}/retire")),
        Page("/injections/room-air", Policies.ClinicalWrite, P("/injections/room-air")),

        // Outcomes.
        Page("/outcomes", Policies.Registration, P("/outcomes")),
        Page("/outcomes/link", Policies.Registration, P("/outcomes/link")),
        Page("/analytics", Policies.Analytics, P("/analytics")),
        Page("/patients/{Id:guid}/outcomes/new", Policies.ClinicalWrite, P("/patients/{patient}/outcomes/new")),
        Page("/patients/{Id:guid}/outcomes/plan", Policies.ClinicalWrite, P("/patients/{patient}/outcomes/plan")),
        Page("/patients/{Id:guid}/outcomes/surgery", Policies.ClinicalWrite, P("/patients/{patient}/outcomes/surgery")),
        Page("/admin/outcomes/item-text", Policies.Admin, P("/admin/outcomes/item-text")),

        // Scheduling.
        Page("/scheduling", Policies.Scheduling, P("/scheduling")),
        Page("/scheduling/book", Policies.Scheduling, P("/scheduling/book")),
        Page("/scheduling/appointments/{Id:guid}/move", Policies.Scheduling, P("/scheduling/appointments/{appointment}/move")),
        Page("/scheduling/repair", Policies.Scheduling, P("/scheduling/repair")),
        Page("/scheduling/staff", Policies.Scheduling, P("/scheduling/staff")),
        Page("/scheduling/staff/{Id}", Policies.Scheduling, P("/scheduling/staff/{staff}")),
        Page("/patients/{Id:guid}/availability", Policies.Scheduling, P("/patients/{patient}/availability")),
        Page("/scheduling/runs/{Id:guid}", Policies.Scheduling, P("/scheduling/runs/{any}", status: 400)),
        Page("/patients/{Id:guid}/calendar", Policies.Demographics, P("/patients/{patient}/calendar")),
        Page("/patients/{Id:guid}/calendar/print", Policies.Demographics, P("/patients/{patient}/calendar/print")),

        // Travel.
        Page("/travel/enquiries", Policies.Travel, P("/travel/enquiries")),
        Page("/travel/enquiries/{Id:guid}", Policies.Travel, P("/travel/enquiries/{enquiry}")),
        Page("/travel/enquiries/{Id:guid}/prescreen", Policies.PhysicianDecision, P("/travel/enquiries/{enquiry}/prescreen")),
        Page("/travel/enquiries/{Id:guid}/quote", Policies.Travel, P("/travel/enquiries/{enquiry}/quote")),
        Page("/travel/quotes/{Id:guid}", Policies.Travel, P("/travel/quotes/{any}")),
        Page("/travel/prices", Policies.Admin, P("/travel/prices")),
        Page("/travel/closures", Policies.Admin, P("/travel/closures")),
        Page("/travel/courses/{Id:guid}/discharge-letter", Policies.ClinicalRead, P("/travel/courses/{hbotCourse}/discharge-letter")),

        // Administration.
        Page("/admin/audit", Policies.Admin, P("/admin/audit")),
        Page("/admin/break-glass", Policies.Admin, P("/admin/break-glass")),
        Page("/admin/site-access", Policies.Admin, P("/admin/site-access")),
        Page("/admin/fhir-clients", Policies.Admin, P("/admin/fhir-clients")),

        // /api: patients and codes.
        Get("/api/patients/", Policies.Demographics, P("/api/patients?q=a")),
        Post("/api/patients/", Policies.Registration),
        Get("/api/patients/{id:guid}", Policies.Demographics, P("/api/patients/{patient}")),
        Post("/api/patients/{id:guid}/{kind}/{entryId:guid}/void", Policies.ClinicalWrite),
        .. ChartEntryRoutes(),
        Get("/api/codes/{system}", Policies.Demographics, P("/api/codes/icd10cm?q=M87")),

        // /api: screening, consent, courses.
        Post("/api/patients/{id:guid}/screenings", Policies.ClinicalWrite),
        Get("/api/patients/{id:guid}/screenings", Policies.ClinicalRead, P("/api/patients/{patient}/screenings")),
        Post("/api/patients/{id:guid}/screenings/{screeningId:guid}/decision", Policies.PhysicianDecision),
        Get("/api/patients/{id:guid}/consents/{therapy}", Policies.ClinicalRead, P("/api/patients/{screeningPatient}/consents/{screeningTherapy}")),
        Post("/api/patients/{id:guid}/consents/{therapy}", Policies.ClinicalWrite),
        Get("/api/patients/{id:guid}/courses", Policies.ClinicalRead, P("/api/patients/{patient}/courses")),
        Post("/api/patients/{id:guid}/courses", Policies.PhysicianDecision),
        Post("/api/courses/{courseId:guid}/start", Policies.PhysicianDecision),
        Post("/api/courses/{courseId:guid}/cancel", Policies.PhysicianDecision),

        // /api: hyperbaric.
        Post("/api/hyperbaric/prescriptions", Policies.HbotPhysician),
        Get("/api/hyperbaric/dives/{id:guid}", Policies.ChamberOperations, P("/api/hyperbaric/dives/{any}", status: 404)),
        Post("/api/hyperbaric/dives/{id:guid}/phases", Policies.ChamberOperations),
        Post("/api/hyperbaric/dives/{id:guid}/telemetry", Policies.ChamberOperations),
        Post("/api/hyperbaric/chambers/{id:guid}/status", Policies.Admin),

        // /api: injections.
        Post("/api/injections/prescriptions", Policies.Prescribe),
        Get("/api/injections/patients/{patientId:guid}/courses", Policies.ClinicalWrite, P("/api/injections/patients/{procedurePatient}/courses")),
        Get("/api/injections/patients/{patientId:guid}/courses/{courseId:guid}", Policies.ClinicalWrite, P("/api/injections/patients/{procedurePatient}/courses/{procedureCourse}")),
        Get("/api/injections/patients/{patientId:guid}/courses/{courseId:guid}/procedures", Policies.ClinicalWrite, P("/api/injections/patients/{procedurePatient}/courses/{procedureCourse}/procedures")),
        Get("/api/injections/patients/{patientId:guid}/procedures/{procedureId:guid}", Policies.ClinicalWrite, P("/api/injections/patients/{procedurePatient}/procedures/{procedure}")),
        Get("/api/injections/follow-ups", Policies.ClinicalWrite, P("/api/injections/follow-ups")),
        Post("/api/injections/follow-ups/{id:guid}/complete", Policies.ClinicalWrite),
        Get("/api/injections/limits", Policies.Presets, P("/api/injections/limits")),
        new("PUT", "/api/injections/limits", Policies.Presets),
        Post("/api/injections/patients/{patientId:guid}/courses/{courseId:guid}/procedures/ozone", Policies.ClinicalWrite),
        Post("/api/injections/patients/{patientId:guid}/courses/{courseId:guid}/procedures/prolotherapy", Policies.ClinicalWrite),
        Post("/api/injections/patients/{patientId:guid}/courses/{courseId:guid}/procedures/cell-therapy", Policies.ClinicalWrite),

        // /api: outcomes.
        Get("/api/patients/{id:guid}/outcomes/", Policies.ClinicalRead, P("/api/patients/{patient}/outcomes")),
        Get("/api/patients/{id:guid}/outcomes/fhir", Policies.ClinicalRead, P("/api/patients/{patient}/outcomes/fhir")),
        Get("/api/outcomes/analytics.csv", Policies.Analytics, P("/api/outcomes/analytics.csv")),
        Post("/api/outcomes/scores", Policies.ClinicalWrite),
        Get("/api/outcomes/due", Policies.Registration, P("/api/outcomes/due")),
        Post("/api/outcomes/links", Policies.Registration),

        // /api: scheduling and travel.
        Get("/api/patients/{id:guid}/calendar.ics", Policies.Demographics, P("/api/patients/{patient}/calendar.ics")),
        Get("/api/scheduling/runs/{id:guid}", Policies.Scheduling, P("/api/scheduling/runs/{any}", status: 400)),
        Get("/api/travel/enquiries/{id:guid}/files/{index:int}", Policies.Travel, P("/api/travel/enquiries/{enquiry}/files/0", status: 400)),
        Get("/api/travel/quotes/{id:guid}/file", Policies.Travel, P("/api/travel/quotes/{any}/file", status: 404)),
        Get("/api/travel/quotes/{id:guid}/pdf", Policies.Travel, P("/api/travel/quotes/{any}/pdf", status: 404)),

        // API documentation.
        Get("/openapi/{documentName}.json", SignedIn, P("/openapi/v1.json")),
        Get("/api/docs/{documentName?}", SignedIn, P("/api/docs/v1")),

        // API documentation's own script and icon (no data).
        Get("/api/docs/scalar.js", Anonymous, P("/api/docs/scalar.js")),
        Get("/api/docs/scalar.aspnetcore.js", Anonymous, P("/api/docs/scalar.aspnetcore.js")),
        Get("/api/docs/favicon.svg", Anonymous, P("/api/docs/favicon.svg")),

        // Framework endpoints without authorization metadata, by design: static files, Blazor's enhanced-navigation redirect
        // helper and the interactive-server hub (each component on a circuit is authorized by AuthorizeRouteView; a circuit
        // starts with no patient visible, ClosedCircuitScope). Listed so that no other route can be open by omission.
        new("GET", "{**path:file}", None),
        new("GET", "/_framework/opaque-redirect", None),
        new("*", "/_blazor", None),
        new("*", "/_blazor/negotiate", None),
        new("*", "/_blazor/disconnect/", None),
        new("*", "/_blazor/initializers/", None),

        // FHIR: the route needs a signed-in user or a bearer token; the resource type decides the role (FhirRegistry).
        Get("/fhir/metadata", Anonymous, P("/fhir/metadata")),
        Post("/fhir/token", Anonymous),
        new("POST", "/fhir/", Fhir, P("/fhir", Policies.ClinicalWrite)),
        Get("/fhir/Patient/{id}/$everything", Fhir, P("/fhir/Patient/{patient}/$everything", Policies.Demographics)),
        Get("/fhir/{type}", Fhir,
            P("/fhir/Patient?name=a", Policies.Demographics), P("/fhir/Appointment?patient={patient}", Policies.Demographics),
            P("/fhir/Practitioner", Policies.Demographics), P("/fhir/Condition?patient={patient}", Policies.ClinicalRead),
            P("/fhir/Observation?patient={patient}", Policies.ClinicalRead), P("/fhir/CarePlan?patient={patient}", Policies.ClinicalRead)),
        Get("/fhir/{type}/{id}", Fhir, P("/fhir/Patient/{patient}", Policies.Demographics), P("/fhir/Condition/{condition}", Policies.ClinicalRead)),
        new("POST", "/fhir/{type}", Fhir, P("/fhir/Patient", Policies.Registration), P("/fhir/Condition", Policies.ClinicalWrite)),
        new("PUT", "/fhir/{type}/{id}", Fhir, P("/fhir/Patient/{patient}", Policies.Registration)),
        // Bulk export: the route needs a signed-in user or a token; the handler admits only Admin or system/*.read (FhirBulkExportTests).
        // Without Prefer: respond-async an Admin gets 400; an unknown job 404.
        Get("/fhir/$export", Fhir, P("/fhir/$export", Policies.Admin, 400)),
        Get("/fhir/Patient/$export", Fhir, P("/fhir/Patient/$export", Policies.Admin, 400)),
        Get("/fhir/$export-status/{job:guid}", Fhir, P("/fhir/$export-status/{any}", Policies.Admin, 404)),
        new("DELETE", "/fhir/$export-status/{job:guid}", Fhir),
        Get("/fhir/$export-file/{job:guid}/{file:guid}", Fhir, P("/fhir/$export-file/{any}/{any}", Policies.Admin, 404)),
    ];

    private static IEnumerable<Route> ChartEntryRoutes() =>
        new[] { "conditions", "medications", "allergies", "observations", "imaging", "assessments", "procedures" }.SelectMany(kind => new[]
        {
            Post($"/api/patients/{{id:guid}}/{kind}", Policies.ClinicalWrite),
            Post($"/api/patients/{{id:guid}}/{kind}/{{entryId:guid}}/amend", Policies.ClinicalWrite),
        });
}
