using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Outcomes;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Outcomes;

/// <summary>The persisted outcome use cases against a real database and a fake clock (TestClinic.Start = Monday 2027-01-04 09:00 Amsterdam).</summary>
public sealed class OutcomeUseCaseTests
{
    private static readonly LocalDate Monday = new(2027, 1, 4);

    /// <summary>A patient with an active course of four weekly sessions from <paramref name="start"/> and an NRS plan every 2 sessions.</summary>
    private static async Task<(Guid Patient, Guid Course)> CourseAsync(TestClinic clinic, LocalDate start, string therapy = "prolotherapy", string condition = "knee-oa")
    {
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var now = clinic.Clock.GetCurrentInstant();
        var site = await db.Sites.FirstOrDefaultAsync() ?? Site.Create("AMS", "Test", "Europe/Amsterdam", "NL");
        if (db.Entry(site).State == EntityState.Detached) db.Sites.Add(site);
        var room = await db.Rooms.FirstOrDefaultAsync() ?? Room.Create(site.Id, "Room 1");
        if (db.Entry(room).State == EntityState.Detached) db.Rooms.Add(room);
        var patient = Patient.Register(new PatientDetails("Uitkomst", "Una", new LocalDate(1960, 1, 1), Sex.Female, PreferredLanguage: "nl"),
            "R" + Guid.NewGuid().ToString("N")[..8], site.Id, "test", now, Monday);
        db.Patients.Add(patient);
        var course = TreatmentCourse.Prescribe(patient.Id, site.Id, therapy, "p", 4, SessionPattern.Interval(7, 7), start, start, 2, "Goals.", "Dr. A", now);
        course.LinkScreening(Guid.NewGuid());
        course.LinkConsent(Guid.NewGuid());
        course.Activate();
        db.Courses.Add(course);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        for (var i = 0; i < 4; i++)
        {
            var at = start.PlusWeeks(i).At(new LocalTime(10, 0)).InZoneLeniently(zone).ToInstant();
            var a = Appointment.Book(patient.Id, site.Id, therapy, null, room.Id, new Interval(at, at + Duration.FromMinutes(30)), "test", now);
            a.AssignToCourse(course.Id, i + 1);
            db.Appointments.Add(a);
        }
        db.MeasurementPlans.Add(CourseMeasurementPlan.Create(course.Id, patient.Id, condition, ["nrs"], 2, "Dr. A", now));
        await db.SaveChangesAsync();
        return (patient.Id, course.Id);
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task QuestionnaireLink_DefaultFourteenDays_OpensJustBeforeAndIsRefusedAtExpiry(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var (patient, _) = await CourseAsync(clinic, Monday);
        IssuedLink link;
        await using (var scope = clinic.Scope())
            link = await scope.ServiceProvider.GetRequiredService<IssueQuestionnaireLink>().HandleAsync(patient, null, null, ["nrs", "pgic"]);
        Assert.Equal(TestClinic.Start + Duration.FromDays(14), link.ExpiresAt);
        Assert.Equal("nl", link.Language);

        clinic.Clock.Advance(Duration.FromDays(14) - Duration.FromSeconds(1));
        await using (var scope = clinic.Scope())
            Assert.Equal(2, (await scope.ServiceProvider.GetRequiredService<AnswerQuestionnaire>().OpenAsync(link.Token)).Forms.Count);

        clinic.Clock.Advance(Duration.FromSeconds(1));
        await using (var scope = clinic.Scope())
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<AnswerQuestionnaire>()
                .SubmitAsync(link.Token, new Dictionary<string, IReadOnlyList<int?>> { ["nrs"] = [4], ["pgic"] = [2] }));
            Assert.Equal("outcomes.link-expired", refused.Code);
        }
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task QuestionnaireLink_CoursePoint_RecordsAgainstThePointAndIsSpent(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var (patient, course) = await CourseAsync(clinic, Monday);
        IssuedLink link;
        await using (var scope = clinic.Scope("frontdesk"))
            link = await scope.ServiceProvider.GetRequiredService<IssueQuestionnaireLink>().HandleAsync(patient, course, "baseline");
        await using (var scope = clinic.Scope())
            await scope.ServiceProvider.GetRequiredService<AnswerQuestionnaire>().SubmitAsync(link.Token, new Dictionary<string, IReadOnlyList<int?>> { ["nrs"] = [6] });

        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var score = await db.OutcomeScores.SingleAsync();
            Assert.Equal((course, "baseline", 6.0, OutcomeSource.PatientLink), (score.CourseId!.Value, score.MeasurementPoint, score.Score!.Value, score.Source));
            var again = await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<AnswerQuestionnaire>().OpenAsync(link.Token));
            Assert.Equal("outcomes.link-used", again.Code);
            var second = await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<IssueQuestionnaireLink>().HandleAsync(patient, course, "baseline"));
            Assert.Equal("outcomes.point-completed", second.Code);
        }
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task DueList_Baseline_DueOnTheFirstSessionDayOverdueTheDayAfterAndGoneOnceMeasured(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var (patient, course) = await CourseAsync(clinic, Monday);

        async Task<IReadOnlyList<DueMeasurement>> DueAsync()
        {
            await using var scope = clinic.Scope();
            return await scope.ServiceProvider.GetRequiredService<ListDueMeasurements>().HandleAsync();
        }

        var today = Assert.Single(await DueAsync());
        Assert.Equal(("baseline", MeasurementStatus.Due, Monday), (today.PointKey, today.Status, today.DueOn));
        clinic.Clock.Advance(Duration.FromDays(1));
        Assert.Equal(MeasurementStatus.Overdue, Assert.Single(await DueAsync()).Status);

        await using (var scope = clinic.Scope())
            await scope.ServiceProvider.GetRequiredService<RecordOutcome>().HandleAsync(new RecordOutcomeRequest(patient, "nrs", [7], null, course, "baseline"));
        Assert.Empty(await DueAsync());
        // Two weeks on, the session-2 point (Monday + 7 days, open 7 days) is overdue and session 4 is the end of course, not yet due.
        clinic.Clock.Advance(Duration.FromDays(14));
        var later = Assert.Single(await DueAsync());
        Assert.Equal(("session-2", MeasurementStatus.Overdue), (later.PointKey, later.Status));
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task AnalyticsRecords_BaselineLatestFollowUpAndSurgery_AreTakenFromTheRecord(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var start = Monday.PlusDays(-364);
        var (patient, course) = await CourseAsync(clinic, start, "hbot", "femoral-head-avn");
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var now = clinic.Clock.GetCurrentInstant();
            var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
            Instant On(LocalDate d) => d.At(new LocalTime(9, 0)).InZoneLeniently(zone).ToInstant();
            db.OutcomeScores.Add(OutcomeScore.Record(patient, "nrs", [8], On(start), OutcomeSource.Staff, course, "baseline", null, "t", now));
            db.OutcomeScores.Add(OutcomeScore.Record(patient, "nrs", [5], On(start.PlusDays(21)), OutcomeSource.Staff, course, "end-of-course", null, "t", now));
            db.OutcomeScores.Add(OutcomeScore.Record(patient, "nrs", [3], On(start.PlusDays(112)), OutcomeSource.PatientLink, course, "month-3", null, "t", now));
            // Voided entries do not count.
            var voided = OutcomeScore.Record(patient, "nrs", [0], On(start.PlusDays(200)), OutcomeSource.Staff, course, "month-6", null, "t", now);
            voided.Void("t", "entered on the wrong patient", now);
            db.OutcomeScores.Add(voided);
            db.SurgeryEvents.Add(SurgeryEvent.Record(patient, start.PlusDays(274), "Total hip arthroplasty", true, course, "t", now, Monday));
            db.HbotAdverseEvents.Add(Domain.Hyperbaric.HbotAdverseEventRecord.Record(patient, course, null, new Domain.Hyperbaric.HyperbaricAdverseEvent(
                Domain.Hyperbaric.HyperbaricAdverseEventType.SinusSqueeze, Domain.Hyperbaric.AdverseEventTiming.DuringDive,
                Domain.Hyperbaric.AdverseEventSeverity.Mild, On(start.PlusDays(2)), "Slowed compression", "operator")));
            await db.SaveChangesAsync();
        }

        IReadOnlyList<Domain.Outcomes.Statistics.PatientCourseRecord> records;
        await using (var scope = clinic.Scope())
            records = await scope.ServiceProvider.GetRequiredService<AnalyseOutcomes>().RecordsAsync(new AnalyticsFilter());

        var record = Assert.Single(records);
        Assert.Equal(("hbot", "femoral-head-avn", 8.0, 3.0, 4), (record.Therapy, record.Condition, record.Baseline!.Value, record.FollowUp!.Value, record.Sessions));
        Assert.Equal(1, record.AdverseEvents);
        Assert.True(record.Surgery!.Value.Event);
        Assert.Equal(274 / 30.4375, record.Surgery.Value.Time, 6);

        await using (var scope = clinic.Scope())
        {
            var analyse = scope.ServiceProvider.GetRequiredService<AnalyseOutcomes>();
            Assert.Empty(await analyse.RecordsAsync(new AnalyticsFilter(From: start.PlusDays(1))));
            Assert.Empty(await analyse.RecordsAsync(new AnalyticsFilter(Physician: "Dr. B")));
            Assert.Single(await analyse.RecordsAsync(new AnalyticsFilter(From: start, To: start, Physician: "Dr. A")));
        }
    }

    [Fact]
    public void QuestionnaireLink_ClinicianInstrument_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => QuestionnaireLink.Issue(new string('a', 64), Guid.NewGuid(), null, null, ["harris-hip"], "en",
            Duration.FromDays(14), "t", TestClinic.Start));
        Assert.Equal("outcomes.link-clinician-instrument", refused.Code);
    }

    [Theory]
    [InlineData("nrs", "http://loinc.org", "72514-3")]
    [InlineData("odi", "http://loinc.org", "97909-6")]
    [InlineData("koos-jr", OutcomeScore.InstrumentSystem, "koos-jr")]
    public void OutcomeScore_Code_IsTheScoreLoincWhereGivenElseTheInstrument(string instrument, string system, string code) =>
        Assert.Equal((system, code), OutcomeScore.CodeFor(Instruments.Get(instrument)));

    [Fact]
    public void OutcomeScore_Answers_RoundTripWithGaps()
    {
        var score = OutcomeScore.Record(Guid.NewGuid(), "odi", [2, 2, null, 2, 2, 2, 2, 1, 1, 1], TestClinic.Start, OutcomeSource.Staff, null, null, null, "t", TestClinic.Start);
        Assert.Equal("2,2,,2,2,2,2,1,1,1", score.Answers);
        Assert.Equal(new int?[] { 2, 2, null, 2, 2, 2, 2, 1, 1, 1 }, score.AnswerList());
        // 2+2+2+2+2+2+1+1+1 = 15 of 45 answered points.
        Assert.Equal(15 * 100.0 / 45, score.Score!.Value, 9);
    }

    [Fact]
    public void OutcomeTokens_AreUnguessableAndHashedToSha256Hex()
    {
        var a = OutcomeTokens.NewToken();
        Assert.Equal(43, a.Length);
        Assert.NotEqual(a, OutcomeTokens.NewToken());
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", OutcomeTokens.Hash("abc"));
    }

    [Fact]
    public void AnalyticsCsv_CellWithCommaOrQuote_IsQuoted()
    {
        var report = Domain.Outcomes.Statistics.CohortAnalytics.Report("hbot", "knee, left", "nrs", []);
        var lines = AnalyticsCsv.Write([report]).Split("\r\n");
        Assert.StartsWith("hbot,\"knee, left\",Pain numeric rating scale (0–10),< 5,< 5,,,,", lines[1], StringComparison.Ordinal);
    }
}
