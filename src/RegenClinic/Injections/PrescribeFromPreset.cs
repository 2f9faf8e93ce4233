using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Injections;

/// <summary>A prescription without a preset (ozone and cell therapy have no built-in preset yet): protocol as text.</summary>
public sealed record CustomPrescription(string Therapy, string Protocol, int Sessions, int SpacingMinDays, int SpacingMaxDays);

/// <summary>Either <paramref name="PresetId"/> (a stored preset) or <paramref name="Custom"/>.</summary>
public sealed record PrescribeRequest(Guid PatientId, Guid? PresetId, LocalDate EarliestStart, string Goals, CustomPrescription? Custom = null);

/// <summary>A physician prescribes a course from a preset: a Draft <see cref="TreatmentCourse"/> with the preset's therapy,
/// id (as the protocol), sessions and spacing. Screening and consent are linked and the course started elsewhere.</summary>
public sealed class PrescribeFromPreset(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    public async Task<Guid> HandleAsync(PrescribeRequest request, CancellationToken ct = default)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PatientId, ct)
            ?? throw new DomainException("patient.not-found", "No patient with this id.", "patientId");
        if (request.EarliestStart < time.Today) throw new DomainException("course.start-in-past", "The course cannot start in the past.", "earliestStart");
        var prescription = await PrescriptionAsync(request, ct);
        var pattern = prescription.Sessions == 1 ? SessionPattern.Single : SessionPattern.Interval(Math.Max(1, prescription.SpacingMinDays), prescription.SpacingMaxDays);
        var course = TreatmentCourse.Prescribe(patient.Id, patient.SiteId, prescription.TherapyId, prescription.ProtocolId, prescription.Sessions, pattern,
            request.EarliestStart, null, 2, request.Goals, actor.Name, time.Now);
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        return course.Id;
    }

    private async Task<CoursePrescription> PrescriptionAsync(PrescribeRequest request, CancellationToken ct)
    {
        if (request.PresetId is { } presetId)
        {
            var stored = await db.Presets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == presetId, ct)
                ?? throw new DomainException("preset.not-found", "No such preset.", "presetId");
            if (stored.Retired) throw new DomainException("preset.retired", "This preset is retired; choose another.", "presetId");
            return stored.Preset.ToPrescription();
        }
        var custom = request.Custom ?? throw new DomainException("course.protocol-missing", "Choose a preset or describe the protocol.", "presetId");
        if (!TherapyId.All.Any(t => t.Value == custom.Therapy) || custom.Therapy == TherapyId.Hbot.Value)
            throw new DomainException("course.therapy-unknown", "Choose an ozone, prolotherapy or cell therapy.", "therapy");
        return new CoursePrescription(custom.Therapy, custom.Protocol, custom.Sessions, custom.SpacingMinDays, custom.SpacingMaxDays);
    }
}
