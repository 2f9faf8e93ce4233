using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Outcomes;

/// <summary>Staff enter a completed questionnaire at the desk; it is scored on the spot and stored, scored or with the reason it could not be.</summary>
public sealed class RecordOutcome(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<OutcomeScoreView> HandleAsync(RecordOutcomeRequest request, CancellationToken ct = default)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == request.PatientId, ct))
            throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        if (request.CourseId is { } courseId && !await db.Courses.AnyAsync(c => c.Id == courseId && c.PatientId == request.PatientId, ct))
            throw new DomainException("course.not-found", "No such course for this patient.", "courseId");
        var now = time.Now;
        // A form dated today is stamped now; an earlier paper form at noon of its day, so it sorts by its own date.
        var effective = request.EffectiveOn is { } date && date != time.Today ? time.ToInstant(date.At(new NodaTime.LocalTime(12, 0))) : now;
        var score = OutcomeScore.Record(request.PatientId, request.InstrumentId, request.Answers, effective, OutcomeSource.Staff,
            request.CourseId, request.CourseId is null ? null : request.MeasurementPoint, null, actor.Name, now);
        db.OutcomeScores.Add(score);
        await db.SaveChangesAsync(ct);
        return score.ToView(time);
    }
}

public static class OutcomeScoreMapping
{
    public static OutcomeScoreView ToView(this OutcomeScore s, ClinicTime time) =>
        new(s.Id, s.InstrumentId, time.Local(s.EffectiveAt).Date, s.Score, s.Interpretation, s.NotScoredBecause,
            s.Source == OutcomeSource.PatientLink ? "patient-link" : "staff", s.MeasurementPoint);
}
