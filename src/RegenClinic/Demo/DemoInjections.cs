using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Plans;
using RegenClinic.Injections;
using Inj = RegenClinic.Domain.Injections;

namespace RegenClinic.Demo;

/// <summary>
/// Demo injection courses so the treatment timeline, body diagram and follow-up list show something: two knee-OA patients
/// on the Rabago 2013 prolotherapy preset and one lumbar disc patient on paravertebral ozone, each with an eligible screening,
/// a signed consent and one charted session (follow-ups overdue, due and not yet due). Demo data, not clinical advice.
/// </summary>
public sealed class DemoInjections(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    private const string By = "Dr. Pieter Jansen";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await InjectionLimitStore.SeedMissingAsync(db, By, time.Now, ct);
        if (!await db.Presets.AnyAsync(ct)) db.Presets.AddRange(Inj.ProtocolPresets.BuiltIn.Select(p => Inj.StoredPreset.FromBuiltIn(p, time.Now)));
        var knees = await db.Conditions.Where(c => c.Code == "M17.0").Select(c => c.PatientId).Distinct().Take(2).ToListAsync(ct);
        var discs = await db.Conditions.Where(c => c.Code == "M51.16").Select(c => c.PatientId).Distinct().Take(1).ToListAsync(ct);
        var rabago = Inj.ProtocolPresets.Find("prolo-knee-oa-rabago-2013")!.ToPrescription();
        var plans = new List<(Guid Patient, Guid Course, object Details, int DaysAgo)>();
        for (var i = 0; i < knees.Count; i++)
        {
            var course = await CourseAsync(knees[i], "prolotherapy", "M17.0", rabago.ProtocolId, rabago.Sessions, SessionPattern.Interval(28, 28), ct);
            var side = i == 0 ? Inj.BodySide.Right : Inj.BodySide.Bilateral;
            Inj.ProlotherapySolution extra = new(15m, 0m), intra = new(25m, 0m);
            plans.Add((knees[i], course, new Inj.ProlotherapySessionRecord(time.Today, [
                new(Inj.InjectionRegion.Knee, side, Inj.InjectionPlacement.ExtraArticular, 0.5m, Inj.InjectionGuidance.Landmark, extra, "medial collateral ligament"),
                new(Inj.InjectionRegion.Knee, side, Inj.InjectionPlacement.ExtraArticular, 0.5m, Inj.InjectionGuidance.Landmark, extra, "pes anserinus"),
                new(Inj.InjectionRegion.Knee, side, Inj.InjectionPlacement.IntraArticular, 6m, Inj.InjectionGuidance.Ultrasound, intra),
            ]), i == 0 ? 4 : 2));
        }
        foreach (var patient in discs)
        {
            var course = await CourseAsync(patient, "ozone-injection", "M51.16", "paravertebral-ozone-lumbar (demo clinic protocol)", 6, SessionPattern.Interval(7, 14), ct);
            plans.Add((patient, course, new Inj.OzoneProcedureRecord(Inj.OzoneRoute.Paravertebral, Inj.InjectionRegion.LumbarSacroiliac, "L4-L5",
                Inj.BodySide.Left, "OZ-GEN-01", time.Today.PlusDays(-30), time.Today, 20m, 15m), 1));
        }
        await db.SaveChangesAsync(ct);
        var chart = new ChartProcedure(db, actor, time);
        foreach (var (patient, course, details, daysAgo) in plans)
        {
            var at = time.ToInstant(time.Today.PlusDays(-daysAgo).At(new LocalTime(10, 0)));
            var result = await chart.HandleAsync(new ChartProcedureRequest(patient, course, at, details, []), actorIsPhysician: true, ct);
            if (!result.Saved)
                throw new InvalidOperationException("Demo session refused: " + string.Join("; ", result.Refusals.Select(r => r.Code).Concat(result.Unresolved.Select(f => f.Code))));
        }
    }

    private async Task<Guid> CourseAsync(Guid patientId, string therapy, string condition, string protocol, int sessions, SessionPattern pattern, CancellationToken ct)
    {
        var (now, today) = (time.Now, time.Today);
        var siteId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.SiteId).FirstAsync(ct);
        var result = new ScreeningResult(new TherapyId(therapy), Verdict.Eligible,
            [new(condition, condition.StartsWith("M17", StringComparison.Ordinal) ? "knee-osteoarthritis" : "lumbar-disc-herniation", new Evidence(EvidenceGrade.MixedRcts, "demo", "demo"), "condition", null, true)], [], "demo");
        var screening = ScreeningRecord.Store(patientId, result, today.PlusDays(-10), Eligibility.ScreeningJson.Write(result), "{}", By, now);
        screening.Decide(result, [], false, By, now);
        var consent = ConsentRecord.Sign(patientId, therapy, screening.Id, "nl", "demo", "Demo consent text.", sessions, "Patient", "Eva Visser",
            today.PlusDays(-9), By, now, today);
        var course = TreatmentCourse.Prescribe(patientId, siteId, therapy, protocol, sessions, pattern, today.PlusDays(-8), null, 2,
            "Less pain, better function (demo).", By, now);
        course.LinkScreening(screening.Id);
        course.LinkConsent(consent.Id);
        course.Activate();
        db.AddRange(screening, consent, course);
        return course.Id;
    }
}
