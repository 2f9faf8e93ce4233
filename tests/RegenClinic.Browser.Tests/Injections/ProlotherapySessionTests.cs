using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Patients;
using RegenClinic.Browser.Tests.TestKit;

namespace RegenClinic.Browser.Tests.Injections;

public sealed class ProlotherapySessionTests(RunningClinic clinic) : IClassFixture<RunningClinic>
{
    /// <summary>An active prolotherapy course with a decided, eligible screening and a signed consent (built through the
    /// domain factories: the screening and consent screens are another feature).</summary>
    private async Task<(Guid PatientId, Guid CourseId)> ActiveCourseAsync()
    {
        using var scope = clinic.Services.CreateScope();
        var s = scope.ServiceProvider;
        var time = s.GetRequiredService<ClinicTime>();
        var db = s.GetRequiredService<ClinicDb>();
        var patient = await s.GetRequiredService<RegisterPatient>().HandleAsync(new PatientDetails("Prolo", "Paula", new LocalDate(1957, 6, 2), Sex.Female,
            null, null, null, "en", null));
        var result = new ScreeningResult(TherapyId.Prolotherapy, Verdict.Eligible,
            [new("M17.0", "knee-osteoarthritis", new Evidence(EvidenceGrade.RctSupported, "Rabago 2013", "test"), "condition", null, true)], [], "test-rules");
        var screening = ScreeningRecord.Store(patient.Id, result, time.Today, RegenClinic.Eligibility.ScreeningJson.Write(result), "{}", "Dr. Test", time.Now);
        screening.Decide(result, [], false, "Dr. Test", time.Now);
        var consent = ConsentRecord.Sign(patient.Id, "prolotherapy", screening.Id, "en", "v1", "Consent.", 3, "Paula Prolo", "Eva Visser", time.Today, "nurse",
            time.Now, time.Today);
        var course = TreatmentCourse.Prescribe(patient.Id, db.Sites.First().Id, "prolotherapy", "prolo-knee-oa-rabago-2013", 3, SessionPattern.Interval(28, 28),
            time.Today, null, 2, "Climb stairs without pain.", "Dr. Test", time.Now);
        course.LinkScreening(screening.Id);
        course.LinkConsent(consent.Id);
        course.Activate();
        db.AddRange(screening, consent, course);
        await db.SaveChangesAsync();
        return (patient.Id, course.Id);
    }

    [Fact]
    public async Task Nurse_ChartsThreeSiteProlotherapySession_SeesBodyDiagramAndCompletesFollowUp()
    {
        var (patientId, courseId) = await ActiveCourseAsync();
        var page = await clinic.SignedInPageAsync("nurse@regenclinic.demo");
        await page.GotoAsync($"/patients/{patientId}/courses/{courseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chart the next session" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chart a prolotherapy session");

        (string Side, string Placement, string Volume, string Guidance, string? Dextrose)[] rows =
            [("Left", "ExtraArticular", "0.5", "Landmark", null), ("Left", "ExtraArticular", "0.5", "Landmark", null), ("Left", "IntraArticular", "6", "Ultrasound", "25")];
        for (var i = 0; i < rows.Length; i++)
        {
            await page.Locator($"#region-{i}").SelectOptionAsync("knee");
            await page.Locator($"#side-{i}").SelectOptionAsync(rows[i].Side);
            await page.Locator($"#placement-{i}").SelectOptionAsync(rows[i].Placement);
            await page.Locator($"#volume-{i}").FillAsync(rows[i].Volume);
            await page.Locator($"#guidance-{i}").SelectOptionAsync(rows[i].Guidance);
            if (rows[i].Dextrose is { } d) await page.Locator($"#rowDextrose-{i}").FillAsync(d);
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("prolotherapy-form"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the session" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/patients/{patientId}/courses/{courseId}"));

        await Assertions.Expect(page.Locator("table.procedures")).ToContainTextAsync("3 sites, 7 mL");
        var leftKnee = page.Locator("figure.body-diagram g.site[data-region=knee][data-side=left]");
        await Assertions.Expect(leftKnee).ToHaveAttributeAsync("data-count", "3");
        await Assertions.Expect(page.Locator("tr.follow-up")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("prolotherapy-course-body-diagram"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Mark done" }).ClickAsync();
        await page.GetByLabel("What did the call or visit find?").FillAsync("Called on day 2: mild ache, settling; no signs of infection.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/patients/{patientId}/courses/{courseId}"));
        await Assertions.Expect(page.Locator("tr.follow-up.status-done")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tr.follow-up")).ToContainTextAsync("no signs of infection");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RunningClinic.ScreenshotPath("prolotherapy-follow-up-done"), FullPage = true });
    }
}
