using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Outcomes;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Outcomes;

/// <summary>Builds outcome data straight into the test app's database: patients with a planned course, sessions and scores.</summary>
internal static partial class OutcomeWorld
{
    private static int bookedPatients;

    /// <summary>A patient with an active course of <paramref name="therapy"/> for <paramref name="condition"/>, four sessions
    /// from 60 days ago, and a baseline and end-of-course NRS when given.</summary>
    public static async Task<(Guid PatientId, Guid CourseId)> PlannedPatientAsync(ClinicAppFactory app, string family, string therapy, string condition,
        double? baselineNrs = null, double? endNrs = null, string language = "en", bool withPlan = true)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var time = scope.ServiceProvider.GetRequiredService<ClinicTime>();
        var (now, today) = (time.Now, time.Today);
        var site = db.Sites.OrderBy(s => s.Code).First();
        var room = db.Rooms.OrderBy(r => r.Name).First();
        var patient = Patient.Register(new PatientDetails(family, "Test", new LocalDate(1960, 5, 5), Sex.Female, PreferredLanguage: language),
            "T" + Guid.NewGuid().ToString("N")[..10], site.Id, "test", now, today);
        db.Patients.Add(patient);
        var start = today.PlusDays(-60);
        var course = TreatmentCourse.Prescribe(patient.Id, site.Id, therapy, "test-protocol", 4, SessionPattern.Interval(7, 14), start, start, 2, "Less pain.", "Dr. Test", now);
        course.LinkScreening(Guid.NewGuid());
        course.LinkConsent(Guid.NewGuid());
        course.Activate();
        db.Courses.Add(course);
        var slot = Interlocked.Increment(ref bookedPatients) % 600;
        for (var i = 0; i < 4; i++)
        {
            // Each test patient its own start: the room's (RoomId, Start) index refuses a second booking of one slot.
            var at = time.ToInstant(start.PlusDays(7 * i) + new LocalTime(7, 0).PlusMinutes(slot));
            var appointment = Appointment.Book(patient.Id, site.Id, therapy, null, room.Id, new Interval(at, at + Duration.FromMinutes(30)), "test", now);
            appointment.AssignToCourse(course.Id, i + 1);
            db.Appointments.Add(appointment);
        }
        if (withPlan) db.MeasurementPlans.Add(CourseMeasurementPlan.Create(course.Id, patient.Id, condition, ["nrs"], 2, "Dr. Test", now));
        if (baselineNrs is { } b)
            db.OutcomeScores.Add(OutcomeScore.Record(patient.Id, "nrs", [(int)b], time.ToInstant(start + new LocalTime(8, 0)), OutcomeSource.Staff, course.Id, "baseline", null, "test", now));
        if (endNrs is { } e)
            db.OutcomeScores.Add(OutcomeScore.Record(patient.Id, "nrs", [(int)e], time.ToInstant(start.PlusDays(21) + new LocalTime(10, 0)), OutcomeSource.Staff, course.Id, "end-of-course", null, "test", now));
        await db.SaveChangesAsync();
        return (patient.Id, course.Id);
    }

    /// <summary>Stores a link issued <paramref name="issuedDaysAgo"/> days ago, valid for <paramref name="validDays"/>; returns its token.</summary>
    public static async Task<string> LinkAsync(ClinicAppFactory app, Guid patientId, int issuedDaysAgo, int validDays)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var time = scope.ServiceProvider.GetRequiredService<ClinicTime>();
        var token = OutcomeTokens.NewToken();
        db.QuestionnaireLinks.Add(QuestionnaireLink.Issue(OutcomeTokens.Hash(token), patientId, null, null, ["nrs"], "en",
            Duration.FromDays(validDays), "test", time.Now - Duration.FromDays(issuedDaysAgo)));
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>The hidden fields of the first post form on a page (antiforgery token and Blazor's handler name).</summary>
    public static Dictionary<string, string> HiddenFields(string page)
    {
        var form = FormPattern().Matches(page).Select(m => m.Value)
            .First(f => !f.Contains("action=\"/culture\"", StringComparison.Ordinal) && !f.Contains("action=\"/signout\"", StringComparison.Ordinal));
        return HiddenPattern().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
