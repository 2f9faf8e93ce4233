using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Outcomes;

/// <summary>Creates a personal questionnaire link for a patient, in their language, valid for Outcomes:LinkValidDays
/// (14 by default). For a course measurement point, the plan's patient-completed instruments are offered.</summary>
public sealed class IssueQuestionnaireLink(ClinicDb db, ClinicActor actor, ClinicTime time, IConfiguration configuration)
{
    public const int DefaultValidDays = 14;

    public async Task<IssuedLink> HandleAsync(Guid patientId, Guid? courseId, string? measurementPoint, IReadOnlyList<string>? instruments = null,
        CancellationToken ct = default)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct)
            ?? throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        var chosen = instruments ?? [];
        if (courseId is { } id)
        {
            var plan = await db.MeasurementPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CourseId == id && p.PatientId == patientId, ct)
                ?? throw new DomainException("outcomes.no-plan", "This course has no measurement plan.", "courseId");
            if (string.IsNullOrWhiteSpace(measurementPoint))
                throw new DomainException("field.required", "measurementPoint is required for a course link.", "measurementPoint");
            if (await db.OutcomeScores.AnyAsync(s => s.CourseId == id && s.MeasurementPoint == measurementPoint && s.VoidedAt == null, ct))
                throw new DomainException("outcomes.point-completed", "This measurement point has already been completed.", "measurementPoint");
            if (chosen.Count == 0)
                chosen = plan.InstrumentIds.Where(i => Instruments.Get(i).Completion == Respondent.Patient).ToArray();
        }
        if (chosen.Count == 0) chosen = [Instruments.PainNrsId];
        var days = configuration.GetValue("Outcomes:LinkValidDays", DefaultValidDays);
        var token = OutcomeTokens.NewToken();
        var link = QuestionnaireLink.Issue(OutcomeTokens.Hash(token), patientId, courseId, measurementPoint, chosen, patient.PreferredLanguage,
            Duration.FromDays(days), actor.Name, time.Now);
        db.QuestionnaireLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return new IssuedLink(link.Id, token, $"/q/{token}", link.ExpiresAt, link.Language, link.InstrumentIds);
    }
}
