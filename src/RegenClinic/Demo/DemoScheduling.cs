using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Plans;
using PatientAvailability = RegenClinic.Scheduling.PatientAvailability;
using StaffShift = RegenClinic.Scheduling.StaffShift;
using RegenClinic.Staff;

namespace RegenClinic.Demo;

/// <summary>Demo scheduling: two more chamber operators (four monoplaces run at once), a part-time physician's shifts,
/// and active courses not yet booked (HBOT daily and twice daily, prolotherapy, ozone) so that a proposal fills next week's
/// board around the bookings <see cref="DemoClinic"/> made. One patient travels in for a stay and is away one day.</summary>
internal sealed class DemoScheduling(ClinicDb db, ClinicTime time, UserManager<StaffUser> users)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var site = await db.Sites.OrderBy(s => s.Code).FirstAsync(ct);
        foreach (var (email, name) in new[] { ("operator3@regenclinic.demo", "Daan Mulder"), ("operator4@regenclinic.demo", "Fatma Yilmaz") })
        {
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, SiteId = site.Id, Culture = "nl" };
            if (!(await users.CreateAsync(user, DemoClinic.DemoPassword)).Succeeded || !(await users.AddToRoleAsync(user, Roles.ChamberOperator)).Succeeded)
                throw new InvalidOperationException($"Could not create demo user {email}.");
        }
        // Dr. Bakker works weekdays 08:00–15:00 (the procedure-room hours); the others work the opening hours.
        var bakker = await db.Users.FirstAsync(u => u.Email == "physician2@regenclinic.demo", ct);
        foreach (var day in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday })
            db.StaffShifts.Add(StaffShift.Create(site.Id, bakker.Id, day, new LocalTime(8, 0), new LocalTime(15, 0)));

        var booked = db.Appointments.Select(a => a.PatientId);
        var withCourse = db.Courses.Select(c => c.PatientId);
        // Patients with no course yet, those without bookings first (a small demo has few of them).
        var free = await db.Patients.Where(p => !withCourse.Contains(p.Id)).OrderBy(p => booked.Contains(p.Id) ? 1 : 0).ThenBy(p => p.RecordNumber)
            .Select(p => p.Id).Take(12).ToListAsync(ct);
        var monday = time.Today.PlusDays(7 - ((int)time.Today.DayOfWeek - 1));
        (string Therapy, string Protocol, int Sessions, SessionPattern Pattern, int Priority, int Delay)[] plans =
        [
            ("hbot", "2.4-90", 20, SessionPattern.Weekdays(), 1, 0),
            ("hbot", "2.4-90", 20, SessionPattern.Weekdays(), 2, 0),
            ("hbot", "2.4-90", 15, SessionPattern.Weekdays(), 2, 1),
            ("hbot", "2.0-90", 20, SessionPattern.Weekdays(), 3, 0),
            ("hbot", "2.4-90", 20, SessionPattern.Weekdays(), 2, 2),
            ("hbot", "2.4-90", 10, SessionPattern.Weekdays(perDay: 2), 1, 0),
            ("hbot", "2.4-90", 20, SessionPattern.Weekdays(), 3, 0),
            ("prolotherapy", "prolo-dextrose-15", 3, SessionPattern.Interval(14, 28), 2, 0),
            ("prolotherapy", "prolo-dextrose-15", 3, SessionPattern.Interval(14, 28), 3, 1),
            ("ozone-injection", "ozone-knee-20", 4, SessionPattern.Interval(7, 10), 2, 0),
        ];
        for (var i = 0; i < plans.Length && i < free.Count; i++)
        {
            var (therapy, protocol, sessions, pattern, priority, delay) = plans[i];
            var patient = await db.Patients.FirstAsync(p => p.Id == free[i], ct);
            var course = TreatmentCourse.Prescribe(patient.Id, site.Id, therapy, protocol, sessions, pattern, monday.PlusDays(delay), monday.PlusDays(delay), priority,
                "Demo: planned course awaiting a schedule", "Dr. Pieter Jansen", time.Now);
            course.LinkScreening(Guid.CreateVersion7());
            course.LinkConsent(Guid.CreateVersion7());
            course.Activate();
            db.Courses.Add(course);
            if (i == 4)
            {
                // A patient travelling in: here for four weeks from next Monday, away on the second Wednesday, mornings only.
                var stay = PatientAvailability.For(patient.Id);
                stay.Set(new LocalTime(8, 0), new LocalTime(13, 0), [monday.PlusDays(9)], monday, monday.PlusDays(27));
                db.PatientAvailabilities.Add(stay);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
