using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Patients;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Injections;

public enum GateState { Open, NoConsent, ConsentWithdrawn, ScreeningUndecided, ScreeningContraindicated, Draft, EvidenceUnacknowledged }

/// <summary>Date and Time are when the procedure was performed (an hour ago, which is yesterday just after midnight); Today is the clinic's date.</summary>
public sealed record CourseWorld(Guid PatientId, Guid CourseId, Instant PerformedAt, string Date, string Time, string Today);

/// <summary>Builds a patient with a screening, a consent and a course straight through the domain factories (the screening
/// and consent screens are another feature), in the state a test needs.</summary>
public static class InjectionWorld
{
    public static async Task<CourseWorld> CourseAsync(this ClinicAppFactory app, string therapy, GateState state = GateState.Open, int sessions = 3,
        SessionPattern? pattern = null, string protocol = "test-protocol", string jurisdiction = "NL", Guid? siteId = null)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var time = services.GetRequiredService<ClinicTime>();
        var db = services.GetRequiredService<RegenClinic.Data.ClinicDb>();
        var patient = await services.GetRequiredService<RegisterPatient>().HandleAsync(new PatientDetails(
            "Injectie" + Guid.NewGuid().ToString("N")[..6], "Ina", new LocalDate(1960, 3, 1), Sex.Female, null, null, null, "nl",
            new HomePhysician("Dr. Thuis", null, null, null)));
        var (now, today) = (time.Now, time.Today);
        var verdict = state == GateState.ScreeningContraindicated ? Verdict.Contraindicated : Verdict.Eligible;
        IndicationMatch[] indications = [new("M17.0", "knee-osteoarthritis", new Evidence(state == GateState.EvidenceUnacknowledged ? EvidenceGrade.NegativeRct : EvidenceGrade.RctSupported, "test citation", "test"), "condition", null, true)];
        Finding[] findings = state == GateState.ScreeningContraindicated
            ? [new("TEST-ABS-001", FindingKind.AbsoluteContraindication, new LocalizedText("Test contraindication.", "Testcontra-indicatie."), ["test"], "test")]
            : [];
        var result = new ScreeningResult(new TherapyId(therapy), verdict, indications, findings, "test-rules");
        var screening = ScreeningRecord.Store(patient.Id, result, today.PlusDays(-2), RegenClinic.Eligibility.ScreeningJson.Write(result), "{}", "Dr. Test", now);
        if (state != GateState.ScreeningUndecided) screening.Decide(result, [], false, "Dr. Test", now);
        db.Screenings.Add(screening);
        var consent = ConsentRecord.Sign(patient.Id, therapy, screening.Id, "en", "v1", "Consent text.", sessions, "Ina Injectie", "Eva Visser",
            today.PlusDays(-1), "nurse", now, today);
        if (state == GateState.ConsentWithdrawn) consent.Withdraw("Changed her mind.");
        db.Consents.Add(consent);
        if (jurisdiction != "NL" && siteId is null)
        {
            var site = RegenClinic.Domain.Clinic.Site.Create(jurisdiction + Guid.NewGuid().ToString("N")[..8], "RegenClinic " + jurisdiction, "America/New_York", jurisdiction);
            db.Sites.Add(site);
            siteId = site.Id;
        }
        siteId ??= db.Sites.OrderBy(x => x.Code).First().Id;
        var course = TreatmentCourse.Prescribe(patient.Id, siteId.Value, therapy, protocol, sessions, pattern ?? SessionPattern.Interval(14, 42),
            today.PlusDays(-1), null, 2, "Less pain on stairs.", "Dr. Test", now);
        course.LinkScreening(screening.Id);
        if (state != GateState.NoConsent) course.LinkConsent(consent.Id);
        if (state is GateState.Open or GateState.EvidenceUnacknowledged or GateState.ScreeningUndecided or GateState.ScreeningContraindicated or GateState.ConsentWithdrawn) course.Activate();
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        var performed = now - Duration.FromHours(1);
        var local = time.Local(performed);
        return new CourseWorld(patient.Id, course.Id, time.ToInstant(local.LocalDateTime.With(TimeAdjusters.TruncateToMinute)),
            local.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture),
            today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
    }

    public static string Path(this CourseWorld w, string family) => $"/patients/{w.PatientId}/courses/{w.CourseId}/{family}/new";

    /// <summary>Three prolotherapy sites (Rabago-style knee: two extra-articular 15%, one intra-articular 25%).</summary>
    public static Dictionary<string, string> ThreeSites(this CourseWorld w) => new()
    {
        ["Posted.PerformedDate"] = w.Date, ["Posted.PerformedTime"] = w.Time, ["Posted.Dextrose"] = "15", ["Posted.Lidocaine"] = "0",
        ["Posted.Rows[0].Region"] = "knee", ["Posted.Rows[0].Side"] = "Left", ["Posted.Rows[0].Placement"] = "ExtraArticular", ["Posted.Rows[0].Volume"] = "0.5",
        ["Posted.Rows[0].Guidance"] = "Landmark",
        ["Posted.Rows[1].Region"] = "knee", ["Posted.Rows[1].Side"] = "Left", ["Posted.Rows[1].Placement"] = "ExtraArticular", ["Posted.Rows[1].Volume"] = "0.5",
        ["Posted.Rows[1].Guidance"] = "Landmark",
        ["Posted.Rows[2].Region"] = "knee", ["Posted.Rows[2].Side"] = "Left", ["Posted.Rows[2].Placement"] = "IntraArticular", ["Posted.Rows[2].Volume"] = "6",
        ["Posted.Rows[2].Guidance"] = "Ultrasound", ["Posted.Rows[2].Dextrose"] = "25",
    };

    /// <summary>Paravertebral ozone at <paramref name="concentration"/> µg/mL × <paramref name="gas"/> mL.</summary>
    public static Dictionary<string, string> Paravertebral(this CourseWorld w, string concentration, string gas) => new()
    {
        ["Posted.PerformedDate"] = w.Date, ["Posted.PerformedTime"] = w.Time, ["Posted.Route"] = "Paravertebral", ["Posted.Region"] = "lumbar-sacroiliac",
        ["Posted.SiteDetail"] = "L4-L5", ["Posted.Side"] = "Left", ["Posted.GeneratorId"] = "GEN-1", ["Posted.Calibration"] = "2026-01-15",
        ["Posted.Concentration"] = concentration, ["Posted.GasVolume"] = gas,
    };
}
