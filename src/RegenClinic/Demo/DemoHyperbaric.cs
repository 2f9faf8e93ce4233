using Microsoft.EntityFrameworkCore;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Demo;

/// <summary>Demo HBOT courses: the patients booked into the monoplace chambers get a 2.4-90 course of 20 sessions with today's
/// order signed, so the chamber-side checklist and dive log can be walked at once.</summary>
internal static class DemoHyperbaric
{
    public static async Task SeedAsync(ClinicDb db, ClinicTime time, CancellationToken ct)
    {
        var patients = await db.Appointments.Where(a => a.Therapy == "hbot").Select(a => a.PatientId).Distinct().Take(4).ToListAsync(ct);
        foreach (var id in patients)
        {
            var patient = await db.Patients.FirstAsync(p => p.Id == id, ct);
            var course = TreatmentCourse.Prescribe(patient.Id, patient.SiteId, "hbot", TreatmentTables.Elective24.Id, 20, SessionPattern.Weekdays(),
                time.Today, null, 2, "Demo: wound healing of a diabetic foot ulcer (Wagner 3) within 8 weeks", "Dr. Pieter Jansen", time.Now);
            db.Courses.Add(course);
            db.HbotDailyOrders.Add(HbotDailyOrder.Sign(course.Id, patient.Id, time.Today, "2.4-90 as prescribed", "Dr. Pieter Jansen", time.Now));
        }

        await db.SaveChangesAsync(ct);
    }
}
