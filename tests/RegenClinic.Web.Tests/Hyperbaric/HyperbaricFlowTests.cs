using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Hyperbaric;

public sealed class HyperbaricFlowTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Fact]
    public async Task Dive_FromChecklistToSurface_CountsACycleLogsItAndComputesTheDose()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Duiker");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test mono A");
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);

        var checklist = await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist());
        var dive = await operatorClient.StartDiveAsync(checklist, chamber);
        // CNS risk by the table's pressure (Heyboer 2014: ~15/10,000 at 2.4–2.5 ATA), shown before any O2 is breathed.
        Assert.Contains("PO2 2.4-2.5 ATA: about 15 seizures per 10,000", await operatorClient.GetStringAsync($"/hyperbaric/dives/{dive}"), StringComparison.Ordinal);
        foreach (var phase in new[] { "CompressionStart", "AtPressure", "OxygenPeriodStart", "AirBreakStart", "OxygenPeriodStart", "DecompressionStart", "Surface" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.TapAsync(dive, phase)).StatusCode);
        }

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.HbotDives.SingleAsync(d => d.Id == dive);
            Assert.Equal(DiveStatus.Surfaced, stored.Status);
            Assert.Equal(7, stored.Events.Count);
            Assert.Equal("operator@regenclinic.demo", stored.Operator);
            Assert.NotNull(stored.Otu);
            Assert.Equal(1, (await db.Chambers.SingleAsync(c => c.Id == chamber)).CycleCount);
            var log = await db.ChamberLog.Where(l => l.ChamberId == chamber).OrderBy(l => l.Sequence).ToListAsync();
            Assert.Equal([1], log.Select(l => l.Sequence));
            Assert.Equal(ChamberLogKind.DiveCompleted, log[0].Kind);
        }

        var sheet = await operatorClient.GetStringAsync($"/hyperbaric/dives/{dive}/sheet");
        Assert.Contains("<svg", sheet, StringComparison.Ordinal);
        Assert.Contains("Operator signature", sheet, StringComparison.Ordinal);
        var coursePage = await physician.GetStringAsync($"/hyperbaric/courses/{course}");
        Assert.Contains("1 of 20 done", coursePage, StringComparison.Ordinal);
        var chart = await physician.GetStringAsync($"/patients/{patient}");
        Assert.Contains("id=\"hbot-section\"", chart, StringComparison.Ordinal);
        Assert.Contains("1 of 20 done", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_FailedItem_BlocksTheDiveUntilAPhysicianOverridesWithAReason()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Koorts");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test mono B");
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var fields = HbotFlow.PassingChecklist();
        fields["Posted.Temperature"] = "38.0"; // fever at the threshold blocks (clinical-reference §3 hbot)

        var checklist = await nurse.ChecklistAsync(course, fields);
        var page = await nurse.GetStringAsync($"/hyperbaric/checklists/{checklist}");
        Assert.Contains("id=\"verdict\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("_handler\" value=\"start-dive\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("_handler\" value=\"checklist-override\"", page, StringComparison.Ordinal); // a nurse cannot override

        var withoutReason = await physician.SubmitNamedFormAsync($"/hyperbaric/checklists/{checklist}", "checklist-override",
            new() { ["OverrideForm.Item"] = "Temperature", ["OverrideForm.Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("needs a reason", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False((await db.PreDiveChecklists.SingleAsync(c => c.Id == checklist)).CanPressurise);

        var overridden = await physician.SubmitNamedFormAsync($"/hyperbaric/checklists/{checklist}", "checklist-override",
            new() { ["OverrideForm.Item"] = "Temperature", ["OverrideForm.Reason"] = "38.0 after a hot shower; rechecked 37.4 tympanic" });
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);
        var dive = await nurse.StartDiveAsync(checklist, chamber);
        db = app.NewDb(out scope);
        using (scope)
        {
            var stored = await db.PreDiveChecklists.SingleAsync(c => c.Id == checklist);
            Assert.Equal(dive, stored.DiveId);
            var item = stored.Items.Single(i => i.Item == ChecklistItem.Temperature);
            Assert.False(item.Passed);
            Assert.Equal("physician@regenclinic.demo", item.Override?.PhysicianId);
        }
    }

    [Fact]
    public async Task Checklist_NoDailyOrder_FailsThatItem()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Zonderorder");
        var course = await physician.PrescribedCourseAsync(patient, signOrder: false);

        var checklist = await physician.ChecklistAsync(course, HbotFlow.PassingChecklist());

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.PreDiveChecklists.SingleAsync(c => c.Id == checklist);
            Assert.False(stored.CanPressurise);
            Assert.Equal([ChecklistItem.SignedDailyOrder], stored.Result.Blocking.Select(i => i.Item));
        }
    }

    [Fact]
    public async Task StartDive_BlockedChecklist_IsRefusedEvenWhenPostedDirectly()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Geblokkeerd");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test mono C");
        var fields = HbotFlow.PassingChecklist();
        fields.Remove("Posted.Ears"); // not checked fails the item
        var checklist = await physician.ChecklistAsync(course, fields);

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var start = scope.ServiceProvider.GetRequiredService<StartDive>();
            var ex = await Assert.ThrowsAsync<RegenClinic.Domain.Common.DomainException>(() => start.HandleAsync(new DiveAdmission(checklist, chamber, null, null)));
            Assert.Equal("checklist.blocked", ex.Code);
            Assert.False(await db.HbotDives.AnyAsync(d => d.ChamberId == chamber));
        }
    }

    [Fact]
    public async Task TelemetryImport_MalformedLine_NamesTheLineAndSavesNothing()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Telemetrie");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test mono D");
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var dive = await operatorClient.StartDiveAsync(await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist()), chamber);
        var csv = Simulated(TreatmentTables.Elective24, Domain.Hyperbaric.ChamberKind.Monoplace, SimulatedFaults.None).Split('\n').ToList();
        csv[5] = "2027-01-04T09:00:20Z,two point four,21.0"; // line 6

        var response = await operatorClient.SubmitNamedFormAsync($"/hyperbaric/dives/{dive}", "telemetry-import", new() { ["ImportForm.Csv"] = string.Join('\n', csv) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("line 6:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.HbotDives.SingleAsync(d => d.Id == dive);
            Assert.Equal(DiveStatus.Planned, stored.Status);
            Assert.Empty(stored.Events);
            Assert.Null(stored.Telemetry);
            Assert.Equal(0, (await db.Chambers.SingleAsync(c => c.Id == chamber)).CycleCount);
            Assert.False(await db.ChamberLog.AnyAsync(l => l.ChamberId == chamber));
        }
    }

    [Fact]
    public async Task TelemetryImport_FastAscent_LogsTheDiveTheDoseAndTheAlarm()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Snelopstijger");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test multi E", Domain.Clinic.ChamberKind.Multiplace);
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var dive = await operatorClient.StartDiveAsync(await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist()), chamber, attendant: "Nurse Bakker");

        var response = await operatorClient.PostAsync($"/api/hyperbaric/dives/{dive}/telemetry",
            new StringContent(Simulated(TreatmentTables.Elective24, Domain.Hyperbaric.ChamberKind.Multiplace, SimulatedFaults.FastAscent), System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.HbotDives.SingleAsync(d => d.Id == dive);
            Assert.Equal(DiveStatus.Surfaced, stored.Status);
            Assert.Equal(DiveSource.Telemetry, stored.Source);
            Assert.Contains(stored.Alarms, a => a.Kind == ChamberAlarmKind.DecompressionTooFast);
            // The table's pattern at 2.4 ATA: 3 × 30 min O2 ≈ 274 OTU at depth (clinical-reference §4), plus a shortened O2 ascent.
            Assert.InRange(stored.Otu!.Value, 274, 290);
            var log = await db.ChamberLog.Where(l => l.ChamberId == chamber).OrderBy(l => l.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, log.Count), log.Select(l => l.Sequence));
            Assert.Contains(log, l => l.Kind == ChamberLogKind.Alarm && l.Text.Contains("DecompressionTooFast", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AdverseEvent_Seizure_PausesTheCourseUntilAPhysicianClearsIt()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Insult");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test mono F");
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);

        var recorded = await operatorClient.SubmitFormAsync($"/hyperbaric/courses/{course}/adverse-events/new", new()
        {
            ["Posted.Type"] = "Seizure", ["Posted.Timing"] = "DuringDive", ["Posted.Severity"] = "Moderate",
            ["Posted.ActionTaken"] = "O2 stopped, mask off, seizure ended in 40 s; decompressed after 15 min symptom-free",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var checklist = await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist());
        var refused = await operatorClient.SubmitNamedFormAsync($"/hyperbaric/checklists/{checklist}", "start-dive", new() { ["StartForm.ChamberId"] = chamber.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("paused", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("id=\"course-paused\"", await physician.GetStringAsync($"/hyperbaric/courses/{course}"), StringComparison.Ordinal);

        var cleared = await physician.SubmitNamedFormAsync($"/hyperbaric/courses/{course}", "clear-pause", new() { ["ClearForm.Reason"] = "Neurology review: no lasting deficit; resume with an extra air break" });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        var dive = await operatorClient.StartDiveAsync(checklist, chamber);
        Assert.NotEqual(Guid.Empty, dive);
    }

    [Fact]
    public async Task AdverseEvent_GradeTwoBarotrauma_DoesNotPauseButGradeThreeDoes()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Oor");
        var course = await physician.PrescribedCourseAsync(patient);
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        Dictionary<string, string> Ear(string grade) => new()
        {
            ["Posted.Type"] = "MiddleEarBarotrauma", ["Posted.ONeillGrade"] = grade, ["Posted.Timing"] = "AfterDive", ["Posted.Severity"] = "Moderate",
            ["Posted.ActionTaken"] = "ENT referral",
        };

        await nurse.SubmitFormAsync($"/hyperbaric/courses/{course}/adverse-events/new", Ear("Grade2"));
        Assert.DoesNotContain("id=\"course-paused\"", await physician.GetStringAsync($"/hyperbaric/courses/{course}"), StringComparison.Ordinal);
        await nurse.SubmitFormAsync($"/hyperbaric/courses/{course}/adverse-events/new", Ear("Grade3"));
        Assert.Contains("id=\"course-paused\"", await physician.GetStringAsync($"/hyperbaric/courses/{course}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prescription_EmergencyTable_IsRefused()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Nood");

        var response = await physician.SubmitFormAsync($"/patients/{patient}/hbot/new", new()
        {
            ["Posted.TableId"] = "usn-tt6", ["Posted.Sessions"] = "10", ["Posted.Frequency"] = "once", ["Posted.Goals"] = "x",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("emergency table", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frontdesk@regenclinic.demo", false)]
    [InlineData("admin@regenclinic.demo", false)]
    [InlineData("operator@regenclinic.demo", true)]
    [InlineData("nurse@regenclinic.demo", true)]
    public async Task ChamberSidePages_OnlyChamberStaffAndClinicians_MayOpenThem(string email, bool allowed)
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Rollen");
        var course = await physician.PrescribedCourseAsync(patient);
        var client = await app.SignedInAsync(email);

        var response = await client.GetAsync($"/hyperbaric/courses/{course}/checklist");

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Redirect, response.StatusCode);
        if (!allowed) Assert.Contains("access-denied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frontdesk@regenclinic.demo", HttpStatusCode.Forbidden)]
    [InlineData("operator@regenclinic.demo", HttpStatusCode.Forbidden)]
    [InlineData("physician@regenclinic.demo", HttpStatusCode.Created)]
    public async Task PrescriptionApi_OnlyPhysicians_Prescribe(string email, HttpStatusCode expected)
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Api");
        var client = await app.SignedInAsync(email);

        var response = await client.PostAsJsonAsync("/api/hyperbaric/prescriptions", new
        {
            patientId = patient, tableId = "2.0-90", sessions = 30, twiceDaily = false, goals = "Radiation cystitis: haematuria resolved", earliestStart = "2099-01-04",
        });

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ChamberStatus_OutOfServiceWithReason_IsLoggedAndRefusesDives()
    {
        var admin = await app.SignedInAsync("admin@regenclinic.demo");
        var chamber = await app.NewChamberAsync("Test mono G");

        var noReason = await admin.SubmitNamedFormAsync($"/hyperbaric/chambers/{chamber}", "chamber-status", new() { ["StatusForm.Status"] = "OutOfService", ["StatusForm.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var saved = await admin.SubmitNamedFormAsync($"/hyperbaric/chambers/{chamber}", "chamber-status",
            new() { ["StatusForm.Status"] = "OutOfService", ["StatusForm.Reason"] = "Door seal leak at 2.0 ATA" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Kamerstatus");
        var checklist = await physician.ChecklistAsync(await physician.PrescribedCourseAsync(patient), HbotFlow.PassingChecklist());
        var refused = await physician.SubmitNamedFormAsync($"/hyperbaric/checklists/{checklist}", "start-dive", new() { ["StartForm.ChamberId"] = chamber.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var log = await db.ChamberLog.Where(l => l.ChamberId == chamber).ToListAsync();
            Assert.Equal("StatusChanged:Status OutOfService: Door seal leak at 2.0 ATA", string.Join("|", log.Select(l => $"{l.Kind}:{l.Text}")));
            Assert.False(await db.HbotDives.AnyAsync(d => d.ChamberId == chamber));
        }
    }

    [Theory]
    [InlineData("23.5", false)]
    [InlineData("23.6", true)]
    public async Task MultiplaceDive_TwoOccupantsAndAnO2Reading_LogsBothAndAlarmsAboveTheLimit(string o2, bool alarm)
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var chamber = await app.NewChamberAsync($"Test multi O2 {o2}", Domain.Clinic.ChamberKind.Multiplace);
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var first = await operatorClient.ChecklistAsync(await physician.PrescribedCourseAsync(await physician.NewPatientAsync("Eerste")), HbotFlow.PassingChecklist());
        var second = await operatorClient.ChecklistAsync(await physician.PrescribedCourseAsync(await physician.NewPatientAsync("Tweede")), HbotFlow.PassingChecklist());
        var dive = await operatorClient.StartDiveAsync(first, chamber, attendant: "Nurse Bakker");
        var joined = await operatorClient.SubmitNamedFormAsync($"/hyperbaric/checklists/{second}", "start-dive", new()
        {
            ["StartForm.ChamberId"] = chamber.ToString(), ["StartForm.JoinDiveId"] = dive.ToString(),
        });
        Assert.Equal(dive, HbotFlow.IdFromLocation(joined, "/hyperbaric/dives/"));
        await operatorClient.TapAsync(dive, "CompressionStart");

        var reading = await operatorClient.SubmitNamedFormAsync($"/hyperbaric/dives/{dive}", "chamber-o2", new() { ["O2Form.Percent"] = o2 });

        Assert.Equal(HttpStatusCode.Redirect, reading.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.HbotDives.SingleAsync(d => d.Id == dive);
            Assert.Equal(2, stored.Occupants.Count);
            Assert.Equal("Nurse Bakker", stored.Attendant);
            Assert.Equal(alarm, stored.Alarms.Any(a => a.Kind == ChamberAlarmKind.OxygenEnriched));
        }
        var page = await operatorClient.GetStringAsync($"/hyperbaric/dives/{dive}");
        Assert.Equal(alarm, page.Contains("Oxygen-enriched atmosphere", StringComparison.Ordinal));
    }

    private static string Simulated(TreatmentTable table, Domain.Hyperbaric.ChamberKind kind, SimulatedFaults faults)
    {
        var samples = ChamberSimulator.Simulate(table, kind, Instant.FromUtc(2027, 1, 4, 9, 0), 7, faults);
        using var writer = new StringWriter();
        TelemetryCsv.Write(writer, samples);
        return writer.ToString();
    }
}
