using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;
using RegenClinic.Web.Tests.TestKit;

namespace RegenClinic.Web.Tests.Hyperbaric;

/// <summary>The treatment-table catalogue, chamber equipment data, the day's screening re-run and the telemetry upload, through HTTP.</summary>
public sealed class HyperbaricOperationsTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string Admin = "admin@regenclinic.demo";

    private static Dictionary<string, string> NewTable(string id, string pressure = "2.2") => new()
    {
        ["AddForm.Id"] = id, ["AddForm.Name"] = $"{pressure} ATA, 3 × 30 min O2", ["AddForm.Pressure"] = pressure, ["AddForm.CompressionMinutes"] = "15",
        ["AddForm.CompressionGas"] = "Air", ["AddForm.Periods"] = "O2 30, air 5, O2 30, air 5, O2 30", ["AddForm.DecompressionMinutes"] = "10",
        ["AddForm.Source"] = "Clinic protocol 2026-07", ["AddForm.Note"] = "",
    };

    [Fact]
    public async Task Tables_SeededFromTheReferenceOnce_AndListedOnTheTablesPage()
    {
        var db = app.NewDb(out var scope);
        using (scope)
        {
            Assert.Equal(0, await StoredTreatmentTables.SeedReferenceAsync(db)); // first start seeded them; a second start adds none
            var ids = await db.TreatmentTables.Where(t => t.FromReference).Select(t => t.Id).ToListAsync();
            Assert.Equal(["2.0-90", "2.4-90", "2.5-90-mono", "marx-20-10", "usn-tt6"], ids.Order(StringComparer.Ordinal));
            var tt6 = await StoredTreatmentTables.GetAsync(db, "usn-tt6");
            Assert.Equal(TreatmentTables.UsnTt6.Steps, tt6.Steps);
            Assert.True(tt6.EmergencyOnly);
        }

        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var page = await nurse.GetStringAsync("/hyperbaric/tables");
        foreach (var id in new[] { "2.4-90", "2.0-90", "2.5-90-mono", "marx-20-10", "usn-tt6" })
        {
            Assert.Contains($"id=\"table-{id}\"", page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("_handler\" value=\"table-add\"", page, StringComparison.Ordinal); // a nurse cannot add tables
    }

    [Fact]
    public async Task Tables_PhysicianAddsAValidTable_ListedAndPrescribable()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var added = await physician.SubmitNamedFormAsync("/hyperbaric/tables", "table-add", NewTable("2.2-90-test"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("id=\"table-2.2-90-test\"", await physician.GetStringAsync("/hyperbaric/tables"), StringComparison.Ordinal);
        var patient = await physician.NewPatientAsync("Nieuwetabel");
        Assert.Contains("value=\"2.2-90-test\"", await physician.GetStringAsync($"/patients/{patient}/hbot/new"), StringComparison.Ordinal);

        var prescribed = await physician.PostAsJsonAsync("/api/hyperbaric/prescriptions", new
        {
            patientId = patient, tableId = "2.2-90-test", sessions = 20, twiceDaily = false, goals = "Wound closure", earliestStart = Today(),
        });
        Assert.Equal(HttpStatusCode.Created, prescribed.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var row = await db.TreatmentTables.SingleAsync(t => t.Id == "2.2-90-test");
            Assert.Equal(HbotFlow.Physician, row.AddedBy);
            Assert.False(row.FromReference);
            Assert.Equal(7, row.Steps.Count);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(TreatmentTableRecord) && a.EntityId == "2.2-90-test"));
        }
    }

    [Theory]
    [InlineData("AddForm.Pressure", "1.4", "pressure")]
    [InlineData("AddForm.Pressure", "3.1", "pressure")]
    [InlineData("AddForm.CompressionMinutes", "9", "compressionMinutes")]
    [InlineData("AddForm.DecompressionMinutes", "31", "decompressionMinutes")]
    [InlineData("AddForm.Periods", "air 5, O2 30, air 5, O2 30", "periods")]
    [InlineData("AddForm.Periods", "O2 30, air 16, O2 30", "periods")]
    [InlineData("AddForm.Periods", "O2 30; O2 30", "periods")]
    public async Task Tables_InvalidTable_ErrorBesideTheFieldAndNothingSaved(string field, string value, string errorField)
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var id = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var fields = NewTable(id);
        fields[field] = value;

        var response = await physician.SubmitNamedFormAsync("/hyperbaric/tables", "table-add", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"{errorField}-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.False(await db.TreatmentTables.AnyAsync(t => t.Id == id));
    }

    [Fact]
    public async Task Tables_Retired_CannotBePrescribedOrRun_ButTheCourseAndDiveLogKeepShowingIt()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        Assert.Equal(HttpStatusCode.Redirect, (await physician.SubmitNamedFormAsync("/hyperbaric/tables", "table-add", NewTable("2.3-90-retire", "2.3"))).StatusCode);
        var chamber = await app.NewChamberAsync("Test mono retire");
        var db = app.NewDb(out var scope);
        using (scope)
        {
            await scope.ServiceProvider.GetRequiredService<EditChamber>().HandleAsync(chamber, new ChamberSettings(3.0m, ["2.4-90", "2.3-90-retire"], null, null, null));
        }
        var patient = await physician.NewPatientAsync("Uitgefaseerd");
        var courseResponse = await physician.SubmitFormAsync($"/patients/{patient}/hbot/new", new()
        {
            ["Posted.TableId"] = "2.3-90-retire", ["Posted.Sessions"] = "20", ["Posted.Frequency"] = "once", ["Posted.Goals"] = "Wound closure",
        });
        var course = HbotFlow.IdFromLocation(courseResponse, "/hyperbaric/courses/");
        Assert.Equal(HttpStatusCode.Redirect, (await physician.SubmitNamedFormAsync($"/hyperbaric/courses/{course}", "daily-order", new() { ["OrderForm.Note"] = "today" })).StatusCode);
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var first = await operatorClient.StartDiveAsync(await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist()), chamber);
        foreach (var phase in new[] { "CompressionStart", "AtPressure", "OxygenPeriodStart", "DecompressionStart", "Surface" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.TapAsync(first, phase)).StatusCode);
        }

        var retired = await physician.SubmitNamedFormAsync("/hyperbaric/tables", "table-retire", new() { ["RetireForm.Id"] = "2.3-90-retire", ["RetireForm.Reason"] = "Replaced by 2.4-90" });
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);

        var other = await physician.NewPatientAsync("Nietmeer");
        var refused = await physician.SubmitFormAsync($"/patients/{other}/hbot/new", new()
        {
            ["Posted.TableId"] = "2.3-90-retire", ["Posted.Sessions"] = "20", ["Posted.Frequency"] = "once", ["Posted.Goals"] = "Wound closure",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("value=\"2.3-90-retire\"", await physician.GetStringAsync($"/patients/{other}/hbot/new"), StringComparison.Ordinal);
        var checklist = await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist());
        using (app.NewDb(out var startScope))
        using (startScope)
        {
            var ex = await Assert.ThrowsAsync<Domain.Common.DomainException>(() =>
                startScope.ServiceProvider.GetRequiredService<StartDive>().HandleAsync(new DiveAdmission(checklist, chamber, null, null)));
            Assert.Equal("treatment-table.retired", ex.Code);
        }

        Assert.Contains("2.3-90-retire", await physician.GetStringAsync($"/hyperbaric/courses/{course}"), StringComparison.Ordinal);
        var divePage = await operatorClient.GetStringAsync($"/hyperbaric/dives/{first}");
        Assert.Contains("2.3-90-retire", divePage, StringComparison.Ordinal);
        Assert.Contains("<svg", divePage, StringComparison.Ordinal);
        Assert.Contains("Retired on", await physician.GetStringAsync("/hyperbaric/tables"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_NewFeverOnTheChartToday_FailsTheScreeningItemUntilAPhysicianOverrides()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Verhoging");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test mono fever");
        var nurse = await app.SignedInAsync("nurse@regenclinic.demo");
        var clean = await nurse.ChecklistAsync(course, HbotFlow.PassingChecklist());
        Assert.True(await PassedAsync(clean, ChecklistItem.ScreeningRerunClean));

        // The nurse's form says 36.8 °C; the chart holds this morning's 38.4 °C: the screening engine reads the chart.
        await AddAsync(physician, patient, "observations", new
        {
            loincCode = "8310-5", display = "Body temperature", category = "vital-signs", effectiveAt = SystemClock.Instance.GetCurrentInstant().Minus(Duration.FromMinutes(30)).ToString(),
            value = 38.4m, unit = "Cel",
        });
        var blocked = await nurse.ChecklistAsync(course, HbotFlow.PassingChecklist());

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.PreDiveChecklists.SingleAsync(c => c.Id == blocked);
            Assert.False(stored.CanPressurise);
            var item = stored.Items.Single(i => i.Item == ChecklistItem.ScreeningRerunClean);
            Assert.False(item.Passed);
            Assert.Contains("HBOT-REL-FEVER", item.Reason, StringComparison.Ordinal);
            Assert.Equal([ChecklistItem.ScreeningRerunClean], stored.Result.Blocking.Select(i => i.Item));
        }

        var overridden = await physician.SubmitNamedFormAsync($"/hyperbaric/checklists/{blocked}", "checklist-override",
            new() { ["OverrideForm.Item"] = "ScreeningRerunClean", ["OverrideForm.Reason"] = "Post-exercise reading; rechecked 37.2 °C" });
        Assert.Equal(HttpStatusCode.Redirect, overridden.StatusCode);
        Assert.NotEqual(Guid.Empty, await nurse.StartDiveAsync(blocked, chamber));
    }

    [Fact]
    public async Task Checklist_NewContraindicatedDrugToday_FailsTheScreeningItem()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Cisplatine");
        var course = await physician.PrescribedCourseAsync(patient);
        await AddAsync(physician, patient, "medications", new { atcCode = "L01XA01", display = "Cisplatin", status = "active", start = Today() });

        var checklist = await physician.ChecklistAsync(course, HbotFlow.PassingChecklist());

        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.PreDiveChecklists.SingleAsync(c => c.Id == checklist);
            var item = stored.Items.Single(i => i.Item == ChecklistItem.ScreeningRerunClean);
            Assert.False(item.Passed);
            Assert.Contains("HBOT-REL-CISP", item.Reason, StringComparison.Ordinal);
            Assert.False(stored.CanPressurise);
        }
    }

    [Fact]
    public async Task TelemetryUpload_MultipartFileWithAMalformedLine_NamesTheLineAndSavesNothing()
    {
        var (operatorClient, dive, chamber) = await PlannedDiveAsync("Upload fout", "Test mono upload A");
        var csv = Simulated().Split('\n').ToList();
        csv[5] = "2027-01-04T09:00:20Z,two point four,21.0"; // line 6

        var response = await operatorClient.SubmitNamedMultipartAsync($"/hyperbaric/dives/{dive}", "telemetry-import", [], "TelemetryFile", "dive.csv",
            Encoding.UTF8.GetBytes(string.Join('\n', csv)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("line 6:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.HbotDives.SingleAsync(d => d.Id == dive);
            Assert.Equal(DiveStatus.Planned, stored.Status);
            Assert.Null(stored.Telemetry);
            Assert.Equal(0, (await db.Chambers.SingleAsync(c => c.Id == chamber)).CycleCount);
            Assert.False(await db.ChamberLog.AnyAsync(l => l.ChamberId == chamber));
        }
    }

    [Fact]
    public async Task TelemetryUpload_MultipartValidFile_LogsTheDiveWithItsDose()
    {
        var (operatorClient, dive, chamber) = await PlannedDiveAsync("Upload goed", "Test mono upload B");

        var response = await operatorClient.SubmitNamedMultipartAsync($"/hyperbaric/dives/{dive}", "telemetry-import", [], "TelemetryFile", "dive.csv", Encoding.UTF8.GetBytes(Simulated()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.HbotDives.SingleAsync(d => d.Id == dive);
            Assert.Equal(DiveStatus.Surfaced, stored.Status);
            Assert.Equal(DiveSource.Telemetry, stored.Source);
            Assert.NotNull(stored.Otu);
            Assert.Equal(1, (await db.Chambers.SingleAsync(c => c.Id == chamber)).CycleCount);
        }
    }

    [Fact]
    public async Task TelemetryUpload_FileAboveTheSizeLimit_IsRefusedAndNothingSaved()
    {
        var (operatorClient, dive, _) = await PlannedDiveAsync("Upload groot", "Test mono upload C");
        var big = Encoding.UTF8.GetBytes(Simulated() + new string('#', 2 * 1024 * 1024));

        var response = await operatorClient.SubmitNamedMultipartAsync($"/hyperbaric/dives/{dive}", "telemetry-import", [], "TelemetryFile", "big.csv", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("a telemetry file is at most 2 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.Equal(DiveStatus.Planned, (await db.HbotDives.SingleAsync(d => d.Id == dive)).Status);
    }

    [Fact]
    public async Task Chamber_AdminEntersCommissioningAndDesignLife_LoggedAuditedAndTheLifeWarningShows()
    {
        var chamber = await app.NewChamberAsync("Test mono life");
        var admin = await app.SignedInAsync(Admin);
        var today = await TodayAsync();
        var commissioned = today.PlusYears(-10).PlusDays(40); // 9.9 of 10 years: approaching the end of design life

        var saved = await admin.SubmitNamedFormAsync($"/hyperbaric/chambers/{chamber}", "chamber-edit", new()
        {
            ["EditForm.MaxAta"] = "3.0", ["EditForm.Tables"] = "2.4-90", ["EditForm.CommissionedOn"] = commissioned.ToString("uuuu-MM-dd", null),
            ["EditForm.DesignLifeYears"] = "10", ["EditForm.DesignLifeCycles"] = "10000",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetStringAsync($"/hyperbaric/chambers/{chamber}");
        Assert.Contains("id=\"life-warning\"", page, StringComparison.Ordinal);
        Assert.Contains("Approaching the end of its design life", page, StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            var stored = await db.Chambers.SingleAsync(c => c.Id == chamber);
            Assert.Equal(commissioned, stored.CommissionedOn);
            Assert.Equal(["2.4-90"], stored.Tables);
            var log = await db.ChamberLog.SingleAsync(l => l.ChamberId == chamber);
            Assert.Equal(ChamberLogKind.Configured, log.Kind);
            Assert.Contains("commissioned " + commissioned.ToString("uuuu-MM-dd", null), log.Text, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Chamber) && a.EntityId == chamber.ToString() && a.ActorName == Admin));
        }

        var within = await admin.SubmitNamedFormAsync($"/hyperbaric/chambers/{chamber}", "chamber-edit", new()
        {
            ["EditForm.MaxAta"] = "3.0", ["EditForm.Tables"] = "2.4-90", ["EditForm.CommissionedOn"] = today.PlusYears(-2).ToString("uuuu-MM-dd", null),
            ["EditForm.DesignLifeYears"] = "10", ["EditForm.DesignLifeCycles"] = "10000",
        });
        Assert.Equal(HttpStatusCode.Redirect, within.StatusCode);
        Assert.DoesNotContain("id=\"life-warning\"", await admin.GetStringAsync($"/hyperbaric/chambers/{chamber}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chamber_TableAboveItsMaximumPressure_IsRefused_AndOnlyAnAdminMayEdit()
    {
        var chamber = await app.NewChamberAsync("Test mono max");
        var admin = await app.SignedInAsync(Admin);

        var refused = await admin.SubmitNamedFormAsync($"/hyperbaric/chambers/{chamber}", "chamber-edit", new()
        {
            ["EditForm.MaxAta"] = "2.2", ["EditForm.Tables"] = "2.4-90",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("above the chamber&#x27;s maximum", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var db = app.NewDb(out var scope);
        using (scope) Assert.Equal(3.0m, (await db.Chambers.SingleAsync(c => c.Id == chamber)).MaxAta);
        var physicianPage = await (await app.SignedInAsync(HbotFlow.Physician)).GetStringAsync($"/hyperbaric/chambers/{chamber}");
        Assert.DoesNotContain("_handler\" value=\"chamber-edit\"", physicianPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartDive_ChamberWithADivePlannedOrUnderWay_RefusesASecondPatient()
    {
        var (_, first, chamber) = await PlannedDiveAsync("Eerste", "Test mono double");
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var second = await physician.PrescribedCourseAsync(await physician.NewPatientAsync("Tweede"));
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var checklist = await operatorClient.ChecklistAsync(second, HbotFlow.PassingChecklist());

        var response = await operatorClient.SubmitNamedFormAsync($"/hyperbaric/checklists/{checklist}", "start-dive", new()
        {
            ["StartForm.ChamberId"] = chamber.ToString(), ["StartForm.Attendant"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var db = app.NewDb(out var scope);
        using (scope)
        {
            Assert.Equal([first], await db.HbotDives.Where(d => d.ChamberId == chamber).Select(d => d.Id).ToListAsync());
            Assert.Null((await db.PreDiveChecklists.SingleAsync(c => c.Id == checklist)).DiveId);
        }
    }

    [Fact]
    public async Task StartDive_ChamberNotAllowedTheCoursesTable_IsRefusedAndNotOffered()
    {
        var chamber = await app.NewChamberAsync("Test mono wrong table");
        var db = app.NewDb(out var scope);
        using (scope) await scope.ServiceProvider.GetRequiredService<EditChamber>().HandleAsync(chamber, new ChamberSettings(3.0m, ["2.0-90"], null, null, null));
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var course = await physician.PrescribedCourseAsync(await physician.NewPatientAsync("Verkeerdetabel")); // 2.4-90
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var checklist = await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist());

        Assert.DoesNotContain($"value=\"{chamber}\"", await operatorClient.GetStringAsync($"/hyperbaric/checklists/{checklist}"), StringComparison.Ordinal);
        db = app.NewDb(out scope);
        using (scope)
        {
            var ex = await Assert.ThrowsAsync<Domain.Common.DomainException>(() =>
                scope.ServiceProvider.GetRequiredService<StartDive>().HandleAsync(new DiveAdmission(checklist, chamber, null, null)));
            Assert.Equal("chamber.table-not-allowed", ex.Code);
            Assert.False(await db.HbotDives.AnyAsync(d => d.ChamberId == chamber));
        }
    }

    [Theory]
    [InlineData("119", false)]
    [InlineData("120", true)]
    public async Task Checklist_DiabetesOnTheChart_GlucoseBelowTheClinicThresholdBlocks(string glucose, bool passes)
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Suiker" + glucose);
        await AddAsync(physician, patient, "conditions", new { code = "E11.9", display = "Type 2 diabetes mellitus without complications", clinicalStatus = "active", onset = "2015-01-01" });
        var course = await physician.PrescribedCourseAsync(patient);
        var fields = HbotFlow.PassingChecklist(); // the diabetic box is not ticked: the chart's E11.9 makes the item apply
        fields["Posted.Glucose"] = glucose;

        var checklist = await physician.ChecklistAsync(course, fields);

        Assert.Equal(passes, await PassedAsync(checklist, ChecklistItem.Glucose));
        var db = app.NewDb(out var scope);
        using (scope) Assert.Equal(passes, (await db.PreDiveChecklists.SingleAsync(c => c.Id == checklist)).CanPressurise);
    }

    [Fact]
    public async Task Course_NoProgressNoteThirtyOneDaysAfterTheFirstSession_IsFlaggedOverdue_UntilANoteIsWritten()
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync("Voortgang");
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync("Test mono notes");
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var dive = await operatorClient.StartDiveAsync(await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist()), chamber);
        foreach (var phase in new[] { "CompressionStart", "AtPressure", "OxygenPeriodStart", "DecompressionStart", "Surface" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.TapAsync(dive, phase)).StatusCode);
        }
        var today = await TodayAsync();
        Assert.Contains("note-status note-current", await physician.GetStringAsync($"/hyperbaric/courses/{course}"), StringComparison.Ordinal);

        var db = app.NewDb(out var scope);
        using (scope) await db.HbotDives.Where(d => d.Id == dive).ExecuteUpdateAsync(u => u.SetProperty(d => d.Date, today.PlusDays(-31)));

        var overdue = await physician.GetStringAsync($"/hyperbaric/courses/{course}");
        Assert.Contains("note-status note-overdue", overdue, StringComparison.Ordinal);
        Assert.Contains("Progress note overdue since " + today.PlusDays(-1).ToString("uuuu-MM-dd", null), overdue, StringComparison.Ordinal);
        var note = await physician.SubmitNamedFormAsync($"/hyperbaric/courses/{course}", "progress-note", new() { ["NoteForm.Text"] = "Ulcer area down 40 %; continue." });
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);
        Assert.Contains("note-status note-current", await physician.GetStringAsync($"/hyperbaric/courses/{course}"), StringComparison.Ordinal);
    }

    private async Task<bool> PassedAsync(Guid checklist, ChecklistItem item)
    {
        var db = app.NewDb(out var scope);
        using (scope) return (await db.PreDiveChecklists.SingleAsync(c => c.Id == checklist)).Items.Single(i => i.Item == item).Passed;
    }

    private async Task<(HttpClient Operator, Guid Dive, Guid Chamber)> PlannedDiveAsync(string family, string chamberName)
    {
        var physician = await app.SignedInAsync(HbotFlow.Physician);
        var patient = await physician.NewPatientAsync(family);
        var course = await physician.PrescribedCourseAsync(patient);
        var chamber = await app.NewChamberAsync(chamberName);
        var operatorClient = await app.SignedInAsync(HbotFlow.Operator);
        var dive = await operatorClient.StartDiveAsync(await operatorClient.ChecklistAsync(course, HbotFlow.PassingChecklist()), chamber);
        return (operatorClient, dive, chamber);
    }

    private async Task<LocalDate> TodayAsync()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<RegenClinic.Clinic.ClinicTime>().Today;
    }

    private string Today() => TodayAsync().GetAwaiter().GetResult().ToString("uuuu-MM-dd", null);

    private static async Task AddAsync(HttpClient client, Guid patient, string route, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/patients/{patient}/{route}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static string Simulated()
    {
        var samples = ChamberSimulator.Simulate(TreatmentTables.Elective24, Domain.Hyperbaric.ChamberKind.Monoplace, Instant.FromUtc(2027, 1, 4, 9, 0), 7, SimulatedFaults.None);
        using var writer = new StringWriter();
        TelemetryCsv.Write(writer, samples);
        return writer.ToString();
    }
}
