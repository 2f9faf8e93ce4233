using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Eligibility;

/// <summary>Builds the consent for one therapy from the patient's latest screening, in the patient's language (English or Dutch),
/// with the planned sessions (given, or from the patient's draft course of that therapy) and the site's regulatory notices.</summary>
public sealed class GenerateConsent(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<ConsentDocument> HandleAsync(Guid patientId, string therapy, int? plannedSessions, CancellationToken ct = default)
    {
        var document = await BuildAsync(db, patientId, therapy, plannedSessions, ct);
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "ConsentDocument", document.ScreeningId.ToString(), patientId,
            $"{therapy} {document.Language} {document.TextVersion}"));
        await db.SaveChangesAsync(ct);
        return document;
    }

    internal static async Task<ConsentDocument> BuildAsync(ClinicDb db, Guid patientId, string therapy, int? plannedSessions, CancellationToken ct)
    {
        var id = TherapyId.All.FirstOrDefault(t => t.Value == therapy);
        if (id.Value is null) throw new DomainException("eligibility.unknown-therapy", $"Unknown therapy '{therapy}'.", "therapy");
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct)
            ?? throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        var screening = await db.Screenings.AsNoTracking().Where(s => s.PatientId == patientId && s.Therapy == therapy)
            .OrderByDescending(s => s.ScreenedAt).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("consent.no-screening", "Screen the patient before preparing a consent.", "therapy");
        var sessions = plannedSessions ?? await db.Courses.AsNoTracking()
            .Where(c => c.PatientId == patientId && c.Therapy == therapy && (c.Status == CourseStatus.Draft || c.Status == CourseStatus.Active))
            .OrderByDescending(c => c.PrescribedAt).Select(c => (int?)c.Sessions).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("consent.sessions-required", "Give the planned number of sessions, or prescribe the course first.", "plannedSessions");
        if (sessions is < 1 or > 60) throw new DomainException("consent.sessions", "Planned sessions must be 1 to 60.", "plannedSessions");
        var jurisdiction = await db.Sites.AsNoTracking().Where(s => s.Id == patient.SiteId).Select(s => s.Jurisdiction).FirstOrDefaultAsync(ct) ?? "";
        var language = ConsentTemplate.LanguageFor(patient.PreferredLanguage);
        var result = ScreeningJson.ReadResult(screening.ResultJson);
        return new ConsentDocument(patient.Id, $"{patient.FamilyName}, {patient.GivenName}", patient.RecordNumber, id, screening.Id, language,
            ConsentTemplate.TextVersion(KnowledgeBase.Default.RuleSetVersion), sessions, ConsentText.For(result, language),
            ConsentTemplate.Notices(id, jurisdiction, language), ConsentTemplate.Headings(language), patient.PreferredLanguage);
    }
}

public sealed record SignConsentRequest(string SignedBy, string WitnessedBy, NodaTime.LocalDate SignedOn, int? PlannedSessions = null);

/// <summary>Records the patient's signature on the consent as generated now (the server rebuilds the text; it never trusts a
/// posted copy), with who signed, who witnessed, the date and the text version.</summary>
public sealed class SignConsent(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(Guid patientId, string therapy, SignConsentRequest request, CancellationToken ct = default)
    {
        var document = await GenerateConsent.BuildAsync(db, patientId, therapy, request.PlannedSessions, ct);
        var consent = ConsentRecord.Sign(patientId, therapy, document.ScreeningId, document.Language, document.TextVersion, document.ToPlainText(),
            document.PlannedSessions, request.SignedBy, request.WitnessedBy, request.SignedOn, actor.Name, time.Now, time.Today);
        db.Consents.Add(consent);
        await db.SaveChangesAsync(ct);
        return consent.Id;
    }
}
