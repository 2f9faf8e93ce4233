using System.Text;
using Hl7.Fhir.Model;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Fhir;

/// <summary>Signed informed consents as FHIR Consent (scope treatment, the therapy in provision.code, the signer as performer and the
/// witness as verification), and the clinic's documents as DocumentReference: the consent (its exact signed text inline and the
/// printable page), travel quotes and dive sheets (the printable pages).</summary>
public static class ConsentFhir
{
    public const string ConsentScopeSystem = "http://terminology.hl7.org/CodeSystem/consentscope";
    public const string ConsentTextSystem = "urn:regenclinic:consent-text";
    public const string DocumentTypeSystem = "urn:regenclinic:codesystem:document-type";
    public const string ConsentDocumentLoinc = "59284-0";
    public const string QuoteType = "quote";
    public const string DiveSheetType = "dive-sheet";

    public static Consent ToFhir(this ConsentRecord c) => new()
    {
        Id = c.Id.ToString(),
        Language = c.Language,
        Status = State(c.Status),
        Scope = new CodeableConcept(ConsentScopeSystem, "treatment", "Treatment"),
        Category = [new CodeableConcept(Domain.Patients.Codes.LoincSystem, ConsentDocumentLoinc, "Consent Document")],
        Patient = new ResourceReference($"Patient/{c.PatientId}"),
        DateTime = FhirDates.Date(c.SignedOn),
        Performer = [new ResourceReference { Display = c.SignedBy }],
        Source = new ResourceReference($"DocumentReference/{c.Id}"),
        Policy = [new Consent.PolicyComponent { Uri = $"{ConsentTextSystem}:{c.Therapy}:{c.TextVersion}" }],
        Verification =
        [
            new Consent.VerificationComponent
            {
                Verified = true,
                VerifiedWith = new ResourceReference { Display = c.WitnessedBy },
                VerificationDateElement = new FhirDateTime(FhirDates.Date(c.SignedOn)),
            },
        ],
        Provision = new Consent.provisionComponent
        {
            Type = Consent.ConsentProvisionType.Permit,
            Code = [new CodeableConcept(ClinicFhir.TherapySystem, c.Therapy) { Text = $"{c.Therapy}, {c.PlannedSessions} sessions" }],
        },
    };

    public static Consent.ConsentState State(ConsentStatus status) =>
        status == ConsentStatus.Signed ? Consent.ConsentState.Active : Consent.ConsentState.Inactive;

    public static DocumentReference ToDocument(this ConsentRecord c) => new()
    {
        Id = c.Id.ToString(),
        Status = DocumentReferenceStatus.Current,
        DocStatus = CompositionStatus.Final,
        Type = new CodeableConcept(Domain.Patients.Codes.LoincSystem, ConsentDocumentLoinc, "Consent Document"),
        Category = [new CodeableConcept(DocumentTypeSystem, "consent", "Informed consent")],
        Subject = new ResourceReference($"Patient/{c.PatientId}"),
        Date = c.RecordedAt.ToDateTimeOffset(),
        Author = [new ResourceReference { Display = c.RecordedBy }],
        Description = $"Informed consent for {c.Therapy} ({c.TextVersion}), signed {FhirDates.Date(c.SignedOn)}",
        Content =
        [
            new DocumentReference.ContentComponent
            {
                Attachment = new Attachment
                {
                    ContentType = "text/plain; charset=utf-8", Language = c.Language, Data = Encoding.UTF8.GetBytes(c.Text),
                    Title = $"Consent text {c.TextVersion}", CreationElement = new FhirDateTime(FhirDates.Date(c.SignedOn)),
                },
            },
            new DocumentReference.ContentComponent
            {
                Attachment = new Attachment
                {
                    ContentType = "text/html", Language = c.Language, Url = $"/patients/{c.PatientId}/consent/{c.Therapy}",
                    Title = "Printable consent page",
                },
            },
        ],
        Context = new DocumentReference.ContextComponent { Related = [new ResourceReference($"Consent/{c.Id}")] },
    };

    public static DocumentReference ToDocument(this Quote q, Guid? patientId)
    {
        var document = new DocumentReference
        {
            Id = q.Id.ToString(),
            Status = q.Superseded ? DocumentReferenceStatus.Superseded : DocumentReferenceStatus.Current,
            DocStatus = CompositionStatus.Final,
            Type = new CodeableConcept(DocumentTypeSystem, QuoteType, "Treatment quote"),
            Category = [new CodeableConcept(DocumentTypeSystem, QuoteType, "Treatment quote")],
            Subject = patientId is { } id ? new ResourceReference($"Patient/{id}") : null,
            Date = q.CreatedAt.ToDateTimeOffset(),
            Author = [new ResourceReference { Display = q.CreatedBy }],
            Description = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Quote v{q.Version}: {q.Therapy}, {q.Sessions} sessions, {q.Total} {q.Currency}, valid until {FhirDates.Date(q.ValidUntil)}"),
            Content = [new DocumentReference.ContentComponent
            {
                Attachment = new Attachment { ContentType = "text/html", Language = q.Language, Url = $"/travel/quotes/{q.Id}", Title = "Printable quote" },
            }],
        };
        return document;
    }

    public static DocumentReference ToDocument(this DiveSession s) => new()
    {
        Id = s.Checklist.Id.ToString(),
        Status = DocumentReferenceStatus.Current,
        DocStatus = s.Dive.Status == Domain.Hyperbaric.DiveStatus.Surfaced ? CompositionStatus.Final : CompositionStatus.Preliminary,
        Type = new CodeableConcept(DocumentTypeSystem, DiveSheetType, "Dive sheet"),
        Category = [new CodeableConcept(DocumentTypeSystem, DiveSheetType, "Dive sheet")],
        Subject = new ResourceReference($"Patient/{s.Checklist.PatientId}"),
        Date = s.Dive.PlannedAt.ToDateTimeOffset(),
        Author = [new ResourceReference { Display = s.Dive.Operator }],
        Description = $"Dive sheet {FhirDates.Date(s.Dive.Date)}, table {s.Dive.TableId}, session {s.Checklist.SessionNumber}",
        Content = [new DocumentReference.ContentComponent
        {
            Attachment = new Attachment { ContentType = "text/html", Url = $"/hyperbaric/dives/{s.Dive.Id}/sheet", Title = "Printable dive sheet" },
        }],
        Context = new DocumentReference.ContextComponent
        {
            Related = [new ResourceReference($"Procedure/{s.Checklist.Id}")],
            Period = new Period { Start = FhirDates.Date(s.Dive.Date) },
        },
    };
}

/// <summary>A quote with the patient its enquiry became, when it did.</summary>
public sealed class QuoteDocument
{
    public required Quote Quote { get; init; }
    public required Guid? PatientId { get; init; }
}
