using Microsoft.EntityFrameworkCore;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Plans;
using RegenClinic.Eligibility;

namespace RegenClinic.Demo;

/// <summary>Demo HBOT courses: the patients booked into the monoplace chambers get a 2.4-90 course of 20 sessions with today's
/// order signed and an accepted hbot screening linked (as a real course has), so the chamber-side checklist, which re-runs the
/// screening against that decision, and the dive log can be walked at once. Patients with an absolute contraindication are skipped.</summary>
internal static class DemoHyperbaric
{
    public static async Task SeedAsync(ClinicDb db, ClinicTime time, CancellationToken ct)
    {
        // Demo equipment data: monoplaces judged by the reference's design life (10 years / 10,000 cycles); Mono 4 is near its end
        // so the warning can be seen. The multiplace's figure is a demo value standing in for its maker's.
        foreach (var chamber in await db.Chambers.ToListAsync(ct))
        {
            var (commissioned, years, cycles) = chamber.Name switch
            {
                "Mono 4" => (time.Today.PlusYears(-10).PlusMonths(3), (int?)null, (int?)null),
                _ when chamber.Kind == Domain.Clinic.ChamberKind.Monoplace => (time.Today.PlusYears(-3), null, null),
                _ => (time.Today.PlusYears(-6), 25, 50_000),
            };
            chamber.Configure(chamber.MaxAta, chamber.Tables, commissioned, years, cycles, time.Today);
        }

        var candidates = await db.Appointments.Where(a => a.Therapy == "hbot").Select(a => a.PatientId).Distinct().Take(20).ToListAsync(ct);
        var seeded = 0;
        foreach (var id in candidates)
        {
            if (seeded == 4) break;
            var patient = await db.Patients.FirstAsync(p => p.Id == id, ct);
            var facts = await PatientFactsFromChart.LoadAsync(db, patient.Id, time.Zone, ct);
            var result = Screening.Screen(facts, TherapyId.Hbot, time.Today, ScreeningSettings.Default);
            if (result.Verdict == Verdict.Contraindicated) continue;
            var screening = ScreeningRecord.Store(patient.Id, result, time.Today, ScreeningJson.Write(result), ScreeningJson.Write(facts), "Dr. Pieter Jansen", time.Now);
            screening.Decide(result, [], true, "Dr. Pieter Jansen", time.Now);
            db.Screenings.Add(screening);
            seeded++;
            var course = TreatmentCourse.Prescribe(patient.Id, patient.SiteId, "hbot", TreatmentTables.Elective24.Id, 20, SessionPattern.Weekdays(),
                time.Today, null, 2, "Demo: wound healing of a diabetic foot ulcer (Wagner 3) within 8 weeks", "Dr. Pieter Jansen", time.Now);
            course.LinkScreening(screening.Id);
            db.Courses.Add(course);
            db.HbotDailyOrders.Add(HbotDailyOrder.Sign(course.Id, patient.Id, time.Today, "2.4-90 as prescribed", "Dr. Pieter Jansen", time.Now));
        }

        await db.SaveChangesAsync(ct);
    }
}
