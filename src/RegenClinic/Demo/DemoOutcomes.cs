using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Demo;

/// <summary>
/// Past treatment courses with measurement plans, sessions and outcome scores for demo patients, so the analytics page
/// shows real figures on first start: up to <see cref="PerGroup"/> patients per therapy × condition, chosen by their
/// conditions. Scores are invented and deterministic for a seed; they demonstrate the screens, not any therapy's effect.
/// </summary>
public static class DemoOutcomes
{
    public const int PerGroup = 12;

    private sealed record Group(string Prefix, string Condition, string Therapy, string Protocol, int Sessions, int EveryDays, string[] Instruments);

    private static readonly Group[] Groups =
    [
        new("M17", "knee-oa", "prolotherapy", "prolotherapy-knee", 4, 21, [Instruments.PainNrsId, Instruments.KoosJrId]),
        new("M51.1", "lumbar-disc-herniation", "ozone-injection", "ozone-paravertebral", 3, 7, [Instruments.PainNrsId, Instruments.OswestryId]),
        new("M87.05", "femoral-head-avn", "hbot", "2.4-90", 20, 1, [Instruments.PainNrsId, Instruments.HoosJrId]),
        new("M87.180", "mronj", "hbot", "2.4-90", 20, 1, [Instruments.PainNrsId]),
    ];

    public static async Task SeedAsync(ClinicDb db, ClinicTime time, int seed, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var today = time.Today;
        var now = time.Now;
        var by = "Dr. Pieter Jansen";
        var site = await db.Sites.OrderBy(s => s.Code).FirstAsync(ct);
        var chambers = await db.Chambers.Where(c => c.Kind == ChamberKind.Monoplace).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(ct);
        var rooms = await db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync(ct);
        var conditions = await db.Conditions.AsNoTracking().Select(c => new { c.PatientId, c.Code, c.Onset }).ToListAsync(ct);
        var booked = new Bookings();
        foreach (var group in Groups)
        {
            var hbot = group.Therapy == "hbot";
            var patients = conditions.Where(c => c.Code.StartsWith(group.Prefix, StringComparison.Ordinal))
                .DistinctBy(c => c.PatientId).OrderBy(c => c.PatientId).Take(PerGroup).ToArray();
            foreach (var (patientId, onset) in patients.Select(c => (c.PatientId, c.Onset ?? today.PlusMonths(-6))))
            {
                // The course starts a few weeks after diagnosis, and long enough ago for at least its end-of-course measurement.
                var start = onset.PlusDays(random.Next(14, 45));
                if (start > today.PlusDays(-50)) continue;
                while (start.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) start = start.PlusDays(1);
                var sessions = SessionDates(start, group.Sessions, group.EveryDays);
                // The same chamber or room at the same time on every session day, as the clinic would book a course; a course
                // with no such place free is left out rather than double-booked.
                var length = hbot ? 120 : 45;
                if (booked.Place(patientId, sessions, hbot ? chambers : rooms, hbot ? HbotStarts : InjectionStarts, length) is not { } chosen) continue;
                var (place, startTime) = chosen;
                var course = TreatmentCourse.Prescribe(patientId, site.Id, group.Therapy, group.Protocol, group.Sessions,
                    group.EveryDays == 1 ? SessionPattern.Weekdays() : SessionPattern.Interval(group.EveryDays, group.EveryDays + 7),
                    start, start, 2, "Less pain and better function (demo).", by, now);
                course.LinkScreening(Guid.CreateVersion7());
                course.LinkConsent(Guid.CreateVersion7());
                course.Activate();
                db.Courses.Add(course);
                foreach (var (date, index) in sessions.Select((d, i) => (d, i)))
                {
                    var from = time.ToInstant(date + startTime);
                    var appointment = Appointment.Book(patientId, site.Id, group.Therapy, hbot ? place : null, hbot ? null : place,
                        new Interval(from, from + Duration.FromMinutes(length)), by, now);
                    appointment.AssignToCourse(course.Id, index + 1);
                    db.Appointments.Add(appointment);
                }
                var end = sessions[^1];
                if (end < today) course.Complete();
                db.MeasurementPlans.Add(CourseMeasurementPlan.Create(course.Id, patientId, group.Condition, group.Instruments,
                    group.EveryDays == 1 ? 10 : 2, by, now));

                // Baseline on the first session; then each later point that has come round, most of them returned.
                var points = new MeasurementPlan(group.EveryDays == 1 ? 10 : 2).Schedule(new CourseDates(start, end, sessions))
                    .Where(p => p.DueOn <= today).ToArray();
                var response = random.NextDouble();
                foreach (var (point, index) in points.Select((p, i) => (p, i)))
                {
                    if (index > 0 && random.NextDouble() < 0.15) continue;
                    var at = time.ToInstant(point.DueOn + startTime.PlusMinutes(30));
                    if (at > now) continue;
                    var progress = index == 0 ? 0 : response;
                    foreach (var instrument in group.Instruments)
                    {
                        db.OutcomeScores.Add(OutcomeScore.Record(patientId, instrument, Answers(instrument, progress, random), at,
                            index == 0 ? OutcomeSource.Staff : OutcomeSource.PatientLink, course.Id, point.Key, null, index == 0 ? by : "patient (questionnaire link)", now));
                    }
                }
                if (group.Condition == "femoral-head-avn" && random.NextDouble() < 0.3)
                {
                    var surgery = end.PlusDays(random.Next(30, 200));
                    if (surgery < today)
                        db.SurgeryEvents.Add(SurgeryEvent.Record(patientId, surgery, "Total hip arthroplasty", true, course.Id, by, now, today));
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly LocalTime[] HbotStarts = [.. Enumerable.Range(0, 5).Select(i => new LocalTime(8, 0).PlusHours(2 * i))];
    private static readonly LocalTime[] InjectionStarts = [.. Enumerable.Range(0, 11).Select(i => new LocalTime(8, 30).PlusMinutes(45 * i))];

    private static List<LocalDate> SessionDates(LocalDate start, int count, int everyDays)
    {
        var dates = new List<LocalDate>();
        for (var date = start; dates.Count < count;)
        {
            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                date = date.PlusDays(1);
                continue;
            }
            dates.Add(date);
            date = date.PlusDays(everyDays);
        }
        return dates;
    }

    /// <summary>What the demo has booked so far, per day: no chamber, room or patient in two sessions at once.</summary>
    private sealed class Bookings
    {
        private readonly Dictionary<LocalDate, List<(Guid Place, Guid Patient, LocalTime From, LocalTime To)>> days = [];

        public (Guid Place, LocalTime Start)? Place(Guid patient, IReadOnlyList<LocalDate> dates, IReadOnlyList<Guid> places, IReadOnlyList<LocalTime> starts, int minutes)
        {
            foreach (var start in starts)
            {
                var end = start.PlusMinutes(minutes);
                foreach (var place in places)
                {
                    if (!dates.All(d => !days.TryGetValue(d, out var day) || !day.Any(b => (b.Place == place || b.Patient == patient) && b.From < end && start < b.To)))
                        continue;
                    foreach (var date in dates)
                    {
                        if (!days.TryGetValue(date, out var day)) days[date] = day = [];
                        day.Add((place, patient, start, end));
                    }
                    return (place, start);
                }
            }
            return null;
        }
    }

    /// <summary>Answers for a patient who has improved by <paramref name="progress"/> (0 none, 1 a lot) since baseline.</summary>
    private static int?[] Answers(string instrument, double progress, Random random)
    {
        int Level(int worst, int best) => Math.Clamp((int)Math.Round(worst - (worst - best) * progress + random.Next(-1, 2)), Math.Min(best, worst), Math.Max(best, worst));
        return instrument switch
        {
            Instruments.PainNrsId => [Math.Clamp((int)Math.Round(7 - 4 * progress) + random.Next(-1, 2), 0, 10)],
            Instruments.OswestryId => Enumerable.Range(0, 10).Select(_ => (int?)Math.Clamp(Level(3, 1), 0, 5)).ToArray(),
            Instruments.KoosJrId => Enumerable.Range(0, 7).Select(_ => (int?)Math.Clamp(Level(3, 1), 0, 4)).ToArray(),
            Instruments.HoosJrId => Enumerable.Range(0, 6).Select(_ => (int?)Math.Clamp(Level(3, 1), 0, 4)).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, "No demo answers for this instrument."),
        };
    }
}
