using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Travel;

public sealed class EnquiryPipelineTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private async Task<Guid> SubmittedAsync(string family)
    {
        var response = await EnquiryForms.PostAsync(app.Client(), EnquiryForms.Valid(family));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope) return await db.Enquiries.Where(e => e.FamilyName == family).Select(e => e.Id).SingleAsync();
    }

    [Theory]
    [InlineData("admin@regenclinic.demo")]
    [InlineData("nurse@regenclinic.demo")]
    [InlineData("operator@regenclinic.demo")]
    public async Task Enquiries_OtherRoles_Forbidden(string email)
    {
        var client = await app.SignedInAsync(email);
        var response = await client.GetAsync("/travel/enquiries");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enquiries_Anonymous_SentToSignIn()
    {
        var response = await app.Client().GetAsync("/travel/enquiries");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontDesk_SkipsToBooked_RefusedWithReason()
    {
        var id = await SubmittedAsync("Overslaan");
        var desk = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var response = await desk.SubmitFormAsync($"/travel/enquiries/{id}", new() { ["_handler"] = "move-enquiry", ["Moving.To"] = "Booked" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot go from New to Booked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EnquiryStatus.New, await app.InDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Pipeline_PreScreenQuoteDownloadAccept_PatientAndDraftCourse()
    {
        var id = await SubmittedAsync("Reiziger");
        var desk = await app.SignedInAsync("frontdesk@regenclinic.demo");
        var list = await desk.GetStringAsync("/travel/enquiries");
        Assert.Contains("Reiziger", list, StringComparison.Ordinal);

        // Front desk cannot pre-screen; the physician can.
        Assert.Equal(HttpStatusCode.Redirect, (await desk.GetAsync($"/travel/enquiries/{id}/prescreen")).StatusCode);
        var physician = await app.SignedInAsync("physician@regenclinic.demo");
        var screened = await physician.SubmitFormAsync($"/travel/enquiries/{id}/prescreen", new()
        {
            ["Posted.Therapy"] = "hbot", ["Posted.ConditionCodes"] = "M87.05", ["Posted.MedicationCodes"] = "M01AE01", ["Posted.InPersonChecks"] = "Review the MRI",
        });
        Assert.Equal(HttpStatusCode.Redirect, screened.StatusCode);
        var detail = await desk.GetStringAsync($"/travel/enquiries/{id}");
        Assert.Contains("id=\"prescreen-verdict\">eligible", detail, StringComparison.Ordinal);
        Assert.Contains("Review the MRI", detail, StringComparison.Ordinal);

        var quoted = await desk.SubmitFormAsync($"/travel/enquiries/{id}/quote", new()
        {
            ["Posted.Protocol"] = "HBOT 2.4 ATA 90 min (2.4-90), 30 weekday sessions", ["Posted.Sessions"] = "30", ["Posted.Pattern"] = "Weekdays",
            ["Posted.PerDay"] = "1", ["Posted.MinDays"] = "0", ["Posted.MaxDays"] = "0", ["Posted.Consultations"] = "2", ["Posted.ImagingStudies"] = "1",
            ["Posted.FollowUps"] = "1", ["Posted.Currency"] = "EUR", ["Posted.ValidUntil"] = EnquiryForms.From,
        });
        Assert.True(quoted.StatusCode == HttpStatusCode.Redirect, await quoted.Content.ReadAsStringAsync());
        var quotePath = quoted.Headers.Location!.ToString();
        var quotePage = await desk.GetStringAsync(quotePath);
        // Dutch enquirer: the quote is in Dutch. 30 × 180 + 2 × 150 + 120 + 60 = EUR 5.880,00; 6 weeks; evidence and risks.
        Assert.Contains("EUR 5.880,00", quotePage, StringComparison.Ordinal);
        Assert.Contains("6 weken", quotePage, StringComparison.Ordinal);
        Assert.Contains("gerandomiseerde", quotePage, StringComparison.Ordinal);
        Assert.Contains("Drukletsel", quotePage, StringComparison.Ordinal);
        var quoteId = Guid.Parse(quotePath.Split('/')[^1]);
        // "Send the quote" sent it: a message with the file is in the outbox, and the history says to whom, when and by whom.
        var outbox = app.Services.GetRequiredService<RegenClinic.Travel.TravelSettings>().OutboxFolder;
        var sent = await app.InDbAsync(db => db.EnquiryEvents.SingleAsync(e => e.EnquiryId == id && e.Kind == EnquiryEventKind.Sent));
        Assert.Equal("frontdesk@regenclinic.demo", sent.By);
        var messageFile = System.Text.RegularExpressions.Regex.Match(sent.Note!, @"outbox message (\S+\.eml)").Groups[1].Value;
        var message = await File.ReadAllTextAsync(Path.Combine(outbox, messageFile));
        Assert.Contains("To: marie@example.org", message, StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: attachment; filename=\"quote-TQ-", message, StringComparison.Ordinal);
        Assert.Contains("marie@example.org", await desk.GetStringAsync($"/travel/enquiries/{id}"), StringComparison.Ordinal);
        // Sending again to another address from the quote page.
        var again = await desk.SubmitFormAsync(quotePath, new() { ["_handler"] = "send-quote", ["Sending.To"] = "broer@example.org" });
        Assert.Contains("id=\"quote-sent\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.InDbAsync(db => db.EnquiryEvents.CountAsync(e => e.EnquiryId == id && e.Kind == EnquiryEventKind.Sent)));
        var file = await desk.GetAsync($"/api/travel/quotes/{quoteId}/file");
        Assert.Equal("text/html", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("EUR 5.880,00", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await desk.SubmitFormAsync($"/travel/enquiries/{id}", new() { ["_handler"] = "accept-quote" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var (patientId, courseId, status) = await app.InDbAsync(db => db.Enquiries.Where(e => e.Id == id).Select(e => ValueTuple.Create(e.PatientId, e.CourseId, e.Status)).SingleAsync());
        Assert.Equal(EnquiryStatus.Accepted, status);
        var patient = await app.InDbAsync(db => db.Patients.SingleAsync(p => p.Id == patientId));
        Assert.Equal(("Reiziger", "Dr. Jan Claes"), (patient.FamilyName, patient.HomePhysician?.Name));
        Assert.Equal(CourseStatus.Draft, await app.InDbAsync(db => db.Courses.Where(c => c.Id == courseId).Select(c => c.Status).SingleAsync()));
        // The draft course's 30 sessions are held on the schedule, each on its own day inside the patient's dates.
        var held = await app.InDbAsync(db => db.Appointments.Where(a => a.CourseId == courseId).Select(a => a.Start).ToListAsync());
        Assert.Equal(30, held.Count);
        Assert.Equal(30, held.Select(h => h.InUtc().Date).Distinct().Count());

        // The discharge letter to the home physician, in the patient's language; clinical staff only.
        Assert.Equal(HttpStatusCode.Redirect, (await desk.GetAsync($"/travel/courses/{courseId}/discharge-letter")).StatusCode);
        var letter = await physician.GetStringAsync($"/travel/courses/{courseId}/discharge-letter");
        Assert.Contains("Dr. Jan Claes", letter, StringComparison.Ordinal);
        Assert.Contains("Gegeven sessies: 0 van de 30 voorgeschreven", letter, StringComparison.Ordinal);
        Assert.Contains("id=\"no-adverse-events\"", letter, StringComparison.Ordinal);
        // Events and scores are named in the letter's language, not by their codes.
        var at = NodaTime.SystemClock.Instance.GetCurrentInstant();
        await app.InDbAsync(async db =>
        {
            db.HbotAdverseEvents.Add(RegenClinic.Domain.Hyperbaric.HbotAdverseEventRecord.Record(patientId!.Value, courseId!.Value, null, new RegenClinic.Domain.Hyperbaric.HyperbaricAdverseEvent(
                RegenClinic.Domain.Hyperbaric.HyperbaricAdverseEventType.SinusSqueeze, RegenClinic.Domain.Hyperbaric.AdverseEventTiming.DuringDive,
                RegenClinic.Domain.Hyperbaric.AdverseEventSeverity.Mild, at, "Slowed compression", "operator")));
            db.OutcomeScores.Add(RegenClinic.Domain.Outcomes.Records.OutcomeScore.Record(patientId.Value, "nrs", [6], at, RegenClinic.Domain.Outcomes.Records.OutcomeSource.Staff, courseId.Value, "baseline", null, "test", at));
            db.OutcomeScores.Add(RegenClinic.Domain.Outcomes.Records.OutcomeScore.Record(patientId.Value, "nrs", [4], at, RegenClinic.Domain.Outcomes.Records.OutcomeSource.Staff, courseId.Value, "month-3", null, "test", at));
            db.OutcomeScores.Add(RegenClinic.Domain.Outcomes.Records.OutcomeScore.Record(patientId.Value, "harris-hip", [44, 11, 11, 11, 4, 4, 5, 1, 4, 5], at, RegenClinic.Domain.Outcomes.Records.OutcomeSource.Staff, courseId.Value, "end-of-course", null, "test", at));
            return await db.SaveChangesAsync();
        });
        var named = await physician.GetStringAsync($"/travel/courses/{courseId}/discharge-letter");
        Assert.Contains("Sinusbarotrauma (licht)", named, StringComparison.Ordinal);
        Assert.DoesNotContain("SinusSqueeze", named, StringComparison.Ordinal);
        Assert.Contains("<td>Numerieke pijnschaal", named, StringComparison.Ordinal);
        Assert.Contains("<td>Beginmeting</td>", named, StringComparison.Ordinal);
        Assert.Contains("<td>3 maanden na de kuur</td>", named, StringComparison.Ordinal);
        Assert.Contains("<td>Einde van de kuur</td><td class=\"n\">100</td><td>uitstekend</td>", named, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>nrs</td>", named, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>baseline</td>", named, StringComparison.Ordinal);
        // The page around the letter stays in the reader's language.
        Assert.Contains("Discharge letter</h1>", named, StringComparison.Ordinal);

        // Reads of the enquiry and the quote are audited with who read them.
        Assert.True(await app.InDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "read" && a.EntityType == "Enquiry" && a.EntityId == id.ToString() && a.ActorName == "frontdesk@regenclinic.demo")));
        Assert.True(await app.InDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "read" && a.EntityType == "Quote" && a.EntityId == quoteId.ToString())));
    }
}
