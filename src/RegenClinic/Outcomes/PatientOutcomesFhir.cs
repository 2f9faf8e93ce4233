using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Fhir;

namespace RegenClinic.Outcomes;

/// <summary>A patient's outcome scores as a FHIR R4 collection Bundle: per score one Observation and one QuestionnaireResponse
/// (<see cref="OutcomeFhir"/>). Current versions only; an amended score is the amending row (status amended). Audited read.</summary>
public sealed class PatientOutcomesFhir(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Bundle> HandleAsync(Guid patientId, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct)) throw new DomainException("patient.not-found", "No patient with this id.", "id");
        var scores = (await db.OutcomeScores.AsNoTracking()
                .Where(s => s.PatientId == patientId && s.VoidedAt == null && s.SupersededAt == null).ToListAsync(ct))
            .OrderBy(s => s.EffectiveAt).ToList();
        db.AuditEntries.Add(AuditEntry.Create(actor, time.Now, AuditActions.Read, "OutcomesFhir", patientId.ToString(), patientId, $"{scores.Count} scores"));
        await db.SaveChangesAsync(ct);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = time.Now.ToDateTimeOffset(), Id = Guid.NewGuid().ToString() };
        foreach (var score in scores)
        {
            // No fullUrl: the two resources share the score's id, and a collection Bundle does not need one (bdl-7 only asks it be unique).
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = score.ToFhirObservation() });
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = score.ToFhirQuestionnaireResponse() });
        }
        return bundle;
    }

    public static string ToJson(Bundle bundle) => new FhirJsonSerializer().SerializeToString(bundle);
}
