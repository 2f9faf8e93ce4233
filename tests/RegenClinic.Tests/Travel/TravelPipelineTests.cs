using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Tests.TestKit;
using RegenClinic.Travel;
using static RegenClinic.Tests.Travel.TravelTestData;

namespace RegenClinic.Tests.Travel;

public sealed class TravelPipelineTests
{
    private static async Task<Guid> SiteAsync(TestClinic clinic)
    {
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var site = Site.Create("AMS", "RegenClinic Amsterdam", "Europe/Amsterdam", "NL");
        site.Describe("Amsterdam", ["hbot", "prolotherapy"], ["nl", "en"], ["test"]);
        db.Sites.Add(site);
        db.Chambers.Add(Chamber.Create(site.Id, "Mono 1", ChamberKind.Monoplace, 1, 3.0m, ["2.4-90"]));
        db.PriceItems.AddRange(Prices(site.Id));
        await db.SaveChangesAsync();
        return site.Id;
    }

    private static async Task<Guid> SubmittedAsync(TestClinic clinic, Guid siteId)
    {
        await using var scope = clinic.Scope("anonymous");
        var reference = await scope.ServiceProvider.GetRequiredService<SubmitEnquiry>().HandleAsync(siteId, Details(), []);
        return await scope.ServiceProvider.GetRequiredService<ClinicDb>().Enquiries.Where(e => e.Reference == reference).Select(e => e.Id).SingleAsync();
    }

    private static async Task<T> AsAsync<T>(TestClinic clinic, string actor, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = clinic.Scope(actor);
        return await act(scope.ServiceProvider);
    }

    private static Task<PreScreenOutcome> PreScreenAsync(TestClinic clinic, Guid id, string icd = "M87.05", params string[] atc) =>
        AsAsync(clinic, "dr.jansen", sp => sp.GetRequiredService<PreScreenEnquiry>().HandleAsync(id, new PreScreenInput("hbot", [icd], atc, "Check ARCO stage on the MRI")));

    private static Task<Guid> QuoteAsync(TestClinic clinic, Guid id, QuotePackage? package = null) =>
        AsAsync(clinic, "desk", sp => sp.GetRequiredService<IssueQuote>().HandleAsync(id, new QuoteRequest(package ?? Hbot30(), "eur", Today.PlusDays(30))));

    [Fact]
    public async Task Pipeline_EnquiryToAcceptance_RegistersPatientAndDraftCourseWithHomePhysician()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var siteId = await SiteAsync(clinic);
        var id = await SubmittedAsync(clinic, siteId);

        var screened = await PreScreenAsync(clinic, id);
        Assert.Equal(Domain.Eligibility.Verdict.Eligible, screened.Result.Verdict);
        Assert.Contains("Check ARCO stage on the MRI", screened.InPersonChecks, StringComparison.Ordinal);
        Assert.Contains("not available remotely", screened.InPersonChecks, StringComparison.Ordinal);

        var quoteId = await QuoteAsync(clinic, id);
        var acceptance = await AsAsync(clinic, "desk", sp => sp.GetRequiredService<AcceptQuote>().HandleAsync(id, null));

        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var quote = await db.Quotes.SingleAsync(q => q.Id == quoteId);
        Assert.Equal((5880m, "EUR", 6, "rct-supported"), (quote.Total, quote.Currency, quote.StayWeeks, quote.EvidenceGrade));
        Assert.Equal(new LocalDate(2027, 2, 1), quote.StayFirstDay);
        Assert.Equal("nl", quote.Language);
        Assert.Contains(quote.Risks, r => r.StartsWith("Drukletsel", StringComparison.Ordinal));

        var patient = await db.Patients.SingleAsync(p => p.Id == acceptance.PatientId);
        Assert.Equal(("Peeters", siteId, "Dr. Jan Claes"), (patient.FamilyName, patient.SiteId, patient.HomePhysician?.Name));
        var course = await db.Courses.SingleAsync(c => c.Id == acceptance.CourseId);
        Assert.Equal((CourseStatus.Draft, "hbot", 30, SessionPatternKind.Weekdays, new LocalDate(2027, 2, 1)),
            (course.Status, course.Therapy, course.Sessions, course.Pattern.Kind, course.EarliestStart));
        // The course stays Draft (screening and consent in person first) but its 30 sessions hold seats on the chamber:
        // weekdays from Monday 1 February to Friday 12 March, one a day, numbered 1…30.
        var held = await db.Appointments.Where(a => a.CourseId == course.Id).OrderBy(a => a.Start).ToListAsync();
        Assert.Equal((30, 30, new LocalDate(2027, 2, 1), new LocalDate(2027, 3, 12)), (acceptance.SessionsHeld, held.Count, acceptance.FirstSession!.Value, acceptance.LastSession!.Value));
        Assert.Equal(Enumerable.Range(1, 30), held.Select(a => a.SessionIndex!.Value));
        Assert.All(held, a => Assert.Equal((AppointmentStatus.Booked, 1, "2.4-90", acceptance.PatientId), (a.Status, a.Seat!.Value, a.Table!, a.PatientId)));
        Assert.Equal(30, held.Select(a => a.Start.InUtc().Date).Distinct().Count());
        Assert.Equal("2.4-90", course.Protocol);
        var enquiry = await db.Enquiries.SingleAsync(e => e.Id == id);
        Assert.Equal((EnquiryStatus.Accepted, acceptance.PatientId, acceptance.CourseId), (enquiry.Status, enquiry.PatientId!.Value, enquiry.CourseId!.Value));
        var moves = await db.EnquiryEvents.Where(e => e.EnquiryId == id && e.Kind == EnquiryEventKind.Transition).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        Assert.Equal([EnquiryStatus.PreScreen, EnquiryStatus.QuoteSent, EnquiryStatus.Accepted], moves.Select(m => m.To!.Value));
        Assert.Equal("dr.jansen", moves[0].By);
        // Writes are audited by the interceptor, with who did them.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Enquiry" && a.Action == "update" && a.ActorName == "desk"));

        await AsAsync(clinic, "desk", async sp => { await sp.GetRequiredService<MoveEnquiry>().HandleAsync(id, EnquiryStatus.Booked, "sessions booked"); return 0; });
        Assert.Equal(EnquiryStatus.Booked, (await db.Enquiries.AsNoTracking().SingleAsync(e => e.Id == id)).Status);
    }

    [Fact]
    public async Task Withdraw_AfterAcceptance_CancelsTheDraftCourseAndReleasesItsHeldSeats()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var siteId = await SiteAsync(clinic);
        var id = await SubmittedAsync(clinic, siteId);
        await PreScreenAsync(clinic, id);
        await QuoteAsync(clinic, id);
        var acceptance = await AsAsync(clinic, "desk", sp => sp.GetRequiredService<AcceptQuote>().HandleAsync(id, null));

        await AsAsync(clinic, "desk", async sp => { await sp.GetRequiredService<MoveEnquiry>().HandleAsync(id, EnquiryStatus.Withdrawn, "Patient cancelled the trip"); return 0; });

        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var course = await db.Courses.SingleAsync(c => c.Id == acceptance.CourseId);
        Assert.Equal(CourseStatus.Cancelled, course.Status);
        var held = await db.Appointments.Where(a => a.CourseId == acceptance.CourseId).Select(a => a.Status).ToListAsync();
        Assert.Equal(30, held.Count);
        Assert.All(held, s => Assert.Equal(AppointmentStatus.Cancelled, s));
        Assert.Equal(EnquiryStatus.Withdrawn, (await db.Enquiries.SingleAsync(e => e.Id == id)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Appointment" && a.Action == "update" && a.ActorName == "desk"));
    }

    [Fact]
    public async Task IssueQuote_Twice_SecondIsVersion2AndFirstIsKeptSuperseded()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var id = await SubmittedAsync(clinic, await SiteAsync(clinic));
        await PreScreenAsync(clinic, id);
        var first = await QuoteAsync(clinic, id);
        var second = await QuoteAsync(clinic, id, Hbot30(consultations: 3));

        await using var scope = clinic.Scope();
        var quotes = await scope.ServiceProvider.GetRequiredService<ClinicDb>().Quotes.Where(q => q.EnquiryId == id).OrderBy(q => q.Version).ToListAsync();
        Assert.Equal([1, 2], quotes.Select(q => q.Version));
        Assert.Equal((first, true, 5880m), (quotes[0].Id, quotes[0].Superseded, quotes[0].Total));
        Assert.Equal((second, false, 6030m), (quotes[1].Id, quotes[1].Superseded, quotes[1].Total));
        var view = await scope.ServiceProvider.GetRequiredService<ViewEnquiry>().HandleAsync(id);
        Assert.Equal(second, view.CurrentQuote?.Id);
    }

    [Fact]
    public async Task Quote_BeforePreScreenOrSkippingToBooked_Refused()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var id = await SubmittedAsync(clinic, await SiteAsync(clinic));
        var ex = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(clinic, id));
        Assert.Equal("enquiry.invalid-transition", ex.Code);
        var skip = await Assert.ThrowsAsync<DomainException>(() => AsAsync(clinic, "desk", async sp => { await sp.GetRequiredService<MoveEnquiry>().HandleAsync(id, EnquiryStatus.Booked, null); return 0; }));
        Assert.Equal("enquiry.invalid-transition", skip.Code);
        var accept = await Assert.ThrowsAsync<DomainException>(() => AsAsync(clinic, "desk", sp => sp.GetRequiredService<AcceptQuote>().HandleAsync(id, null)));
        Assert.Equal("quote.none", accept.Code);
    }

    [Fact]
    public async Task Quote_PreScreenContraindicated_Refused()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var id = await SubmittedAsync(clinic, await SiteAsync(clinic));
        // Untreated pneumothorax (J93.9) is an absolute HBOT contraindication (clinical reference §3).
        var screened = await AsAsync(clinic, "dr", sp => sp.GetRequiredService<PreScreenEnquiry>().HandleAsync(id, new PreScreenInput("hbot", ["M87.05", "J93.9"], [], "")));
        Assert.Equal(Domain.Eligibility.Verdict.Contraindicated, screened.Result.Verdict);
        var ex = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(clinic, id));
        Assert.Equal("quote.contraindicated", ex.Code);
    }

    [Fact]
    public async Task Quote_DatesTooShort_Refused()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var siteId = await SiteAsync(clinic);
        Guid id;
        await using (var scope = clinic.Scope("anonymous"))
        {
            var reference = await scope.ServiceProvider.GetRequiredService<SubmitEnquiry>().HandleAsync(siteId, Details(weeks: 2), []);
            id = await scope.ServiceProvider.GetRequiredService<ClinicDb>().Enquiries.Where(e => e.Reference == reference).Select(e => e.Id).SingleAsync();
        }
        await PreScreenAsync(clinic, id);
        var ex = await Assert.ThrowsAsync<DomainException>(() => QuoteAsync(clinic, id));
        Assert.Equal("quote.stay-does-not-fit", ex.Code);
    }

    [Fact]
    public async Task Accept_ExpiredQuote_Refused()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var id = await SubmittedAsync(clinic, await SiteAsync(clinic));
        await PreScreenAsync(clinic, id);
        await QuoteAsync(clinic, id);
        clinic.Clock.Advance(Duration.FromDays(31));
        var ex = await Assert.ThrowsAsync<DomainException>(() => AsAsync(clinic, "desk", sp => sp.GetRequiredService<AcceptQuote>().HandleAsync(id, null)));
        Assert.Equal("quote.expired", ex.Code);
    }

    [Fact]
    public async Task Submit_SecondFileIsARenamedExecutable_NothingSavedAndFirstFileRemoved()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var siteId = await SiteAsync(clinic);
        var folder = Directory.CreateTempSubdirectory("rc-enquiry-files-").FullName;
        try
        {
            await using var scope = clinic.Scope("anonymous");
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var submit = new SubmitEnquiry(db, scope.ServiceProvider.GetRequiredService<ClinicTime>(), new EnquiryFiles(folder));
            byte[] pdf = [.. "%PDF-1.7\n1 0 obj << >> endobj\n"u8];
            byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00];
            UploadedFile File(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes));

            var ex = await Assert.ThrowsAsync<DomainException>(() => submit.HandleAsync(siteId, Details(), [File("report.pdf", pdf), File("mri.pdf", exe)]));
            Assert.Equal("enquiry.file-type", ex.Code);
            Assert.Empty(Directory.GetFiles(folder));
            Assert.False(await db.Enquiries.AnyAsync());

            var reference = await submit.HandleAsync(siteId, Details(), [File("report.pdf", pdf)]);
            var stored = (await db.Enquiries.SingleAsync(e => e.Reference == reference)).Files.Single();
            Assert.Equal((UploadKind.Pdf, "report.pdf", (long)pdf.Length), (stored.Kind, stored.OriginalName, stored.Bytes));
            Assert.Matches("^[0-9a-f]{32}$", stored.StoredName);
            Assert.Equal(pdf, await System.IO.File.ReadAllBytesAsync(Path.Combine(folder, stored.StoredName)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Submit_FileOverTheLimit_Refused()
    {
        var store = new EnquiryFiles(Directory.CreateTempSubdirectory("rc-enquiry-files-").FullName);
        var big = new byte[UploadKinds.MaxFileBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var ex = await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(new UploadedFile("big.pdf", big.Length, () => new MemoryStream(big)), default));
        Assert.Equal("enquiry.file-too-large", ex.Code);
        // A lying length does not help: the bytes are counted.
        var lying = await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(new UploadedFile("big.pdf", 10, () => new MemoryStream(big)), default));
        Assert.Equal("enquiry.file-too-large", lying.Code);
        Assert.Empty(Directory.GetFiles(store.Folder));
        Directory.Delete(store.Folder, true);
    }

    [Fact]
    public async Task Quote_HolidayInsideTheStay_SevenWeeksNotSix()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var siteId = await SiteAsync(clinic);
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            db.SiteClosures.Add(SiteClosure.Create(siteId, new LocalDate(2027, 2, 10), "Test holiday"));
            await db.SaveChangesAsync();
        }
        var id = await SubmittedAsync(clinic, siteId);
        await PreScreenAsync(clinic, id);
        var quoteId = await QuoteAsync(clinic, id);
        await using var check = clinic.Scope();
        var quote = await check.ServiceProvider.GetRequiredService<ClinicDb>().Quotes.SingleAsync(q => q.Id == quoteId);
        // 30 weekdays from Monday 1 February without Wednesday 10 February end on Monday 15 March: 43 days → 7 weeks.
        Assert.Equal((new LocalDate(2027, 2, 1), new LocalDate(2027, 3, 15), 7), (quote.StayFirstDay!.Value, quote.StayLastDay!.Value, quote.StayWeeks));
        Assert.Equal(Today, quote.PricedOn);
        Assert.All(quote.Lines, l => Assert.NotNull(l.PriceItemId));
    }

    [Fact]
    public async Task Accept_ChamberTakenMeanwhile_SessionsMoveAroundTheBookingOrAcceptanceRefused()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var siteId = await SiteAsync(clinic);
        var id = await SubmittedAsync(clinic, siteId);
        await PreScreenAsync(clinic, id);
        await QuoteAsync(clinic, id);
        // A second travelling patient with the same dates accepts first: the one chamber can still hold both (five 2-hour
        // dives a day), so the second acceptance is placed beside the first, never on the same seat and time.
        var other = await SubmittedAsync(clinic, siteId);
        await PreScreenAsync(clinic, other);
        await QuoteAsync(clinic, other);
        var first = await AsAsync(clinic, "desk", sp => sp.GetRequiredService<AcceptQuote>().HandleAsync(other, null));
        var second = await AsAsync(clinic, "desk", sp => sp.GetRequiredService<AcceptQuote>().HandleAsync(id, null));
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var starts = await db.Appointments.Where(a => a.CourseId == first.CourseId || a.CourseId == second.CourseId).Select(a => a.Start).ToListAsync();
        Assert.Equal(60, starts.Count);
        Assert.Equal(60, starts.Distinct().Count());
    }

    [Fact]
    public async Task SendQuote_WritesAMessageWithTheFileToTheOutboxAndRecordsIt()
    {
        var outbox = Directory.CreateTempSubdirectory("rc-outbox-").FullName;
        try
        {
            await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite, s => s.AddSingleton(new TravelSettings(90, outbox, "RegenClinic <quotes@regenclinic.invalid>")));
            var id = await SubmittedAsync(clinic, await SiteAsync(clinic));
            await PreScreenAsync(clinic, id);
            var first = await QuoteAsync(clinic, id);
            var second = await QuoteAsync(clinic, id, Hbot30(consultations: 3));
            var superseded = await Assert.ThrowsAsync<DomainException>(() => AsAsync(clinic, "desk", sp => sp.GetRequiredService<SendQuote>().HandleAsync(first, null)));
            Assert.Equal("quote.superseded", superseded.Code);
            var injected = await Assert.ThrowsAsync<DomainException>(() => AsAsync(clinic, "desk", sp => sp.GetRequiredService<SendQuote>().HandleAsync(second, "a@b.org\r\nBcc: x@y.org")));
            Assert.Equal("field.invalid", injected.Code);

            var sent = await AsAsync(clinic, "desk", sp => sp.GetRequiredService<SendQuote>().HandleAsync(second, null));
            Assert.Equal("marie@example.org", sent.To);
            var message = await File.ReadAllTextAsync(Path.Combine(outbox, sent.MessageFile));
            Assert.Single(Directory.GetFiles(outbox));
            Assert.Contains("To: marie@example.org\r\n", message, StringComparison.Ordinal);
            Assert.Contains($"filename=\"{sent.FileName}\"", message, StringComparison.Ordinal);
            var attachment = message.Split("filename=\"" + sent.FileName + "\"\r\n\r\n")[1].Split("--")[0].Replace("\r\n", "", StringComparison.Ordinal);
            var html = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attachment));
            // The patient's language (nl) and the total of version 2: 6030.
            Assert.Contains("Offerte", html, StringComparison.Ordinal);
            Assert.Contains("6.030,00", html, StringComparison.Ordinal);

            await using var scope = clinic.Scope();
            var history = await scope.ServiceProvider.GetRequiredService<ViewEnquiry>().HandleAsync(id);
            var entry = Assert.Single(history.Events, e => e.Kind == EnquiryEventKind.Sent);
            Assert.Equal("desk", entry.By);
            Assert.Contains("marie@example.org", entry.Note, StringComparison.Ordinal);
            Assert.Contains(sent.MessageFile, entry.Note, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outbox, true);
        }
    }

    [Fact]
    public async Task RetentionJob_FilesOfADeclinedEnquiryAfter90Days_DeletedMetadataKeptOncePerDay()
    {
        var folder = Directory.CreateTempSubdirectory("rc-enquiry-files-").FullName;
        try
        {
            await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite, s => s.AddSingleton(new EnquiryFiles(folder)));
            var siteId = await SiteAsync(clinic);
            byte[] pdf = [.. "%PDF-1.7\n1 0 obj << >> endobj\n"u8];
            async Task<Guid> WithFileAsync()
            {
                await using var scope = clinic.Scope("anonymous");
                var reference = await scope.ServiceProvider.GetRequiredService<SubmitEnquiry>().HandleAsync(siteId, Details(),
                    [new UploadedFile("mri.pdf", pdf.Length, () => new MemoryStream(pdf))]);
                return await scope.ServiceProvider.GetRequiredService<ClinicDb>().Enquiries.Where(e => e.Reference == reference).Select(e => e.Id).SingleAsync();
            }
            var withdrawn = await WithFileAsync();
            var open = await WithFileAsync();
            await AsAsync(clinic, "desk", async sp => { await sp.GetRequiredService<MoveEnquiry>().HandleAsync(withdrawn, EnquiryStatus.Withdrawn, "patient chose another clinic"); return 0; });
            Task<RetentionOutcome?> RunAsync(string instance) => AsAsync(clinic, "system", sp => sp.GetRequiredService<RemoveExpiredEnquiryFiles>().HandleAsync(instance));

            // Day 89 after the withdrawal: nothing is removed yet.
            clinic.Clock.Advance(Duration.FromDays(89));
            Assert.Equal(new RetentionOutcome(0, 0), await RunAsync("a"));
            Assert.Equal(2, Directory.GetFiles(folder).Length);
            // The same day, a second instance does not run the job again.
            Assert.Null(await RunAsync("b"));

            clinic.Clock.Advance(Duration.FromDays(1));
            Assert.Equal(new RetentionOutcome(1, 1), await RunAsync("b"));
            Assert.Null(await RunAsync("a"));

            await using var check = clinic.Scope();
            var db = check.ServiceProvider.GetRequiredService<ClinicDb>();
            var gone = (await db.Enquiries.SingleAsync(e => e.Id == withdrawn)).Files.Single();
            var kept = (await db.Enquiries.SingleAsync(e => e.Id == open)).Files.Single();
            Assert.Equal((clinic.Clock.GetCurrentInstant(), "mri.pdf", (long)pdf.Length), (gone.RemovedAt!.Value, gone.OriginalName, gone.Bytes));
            Assert.False(File.Exists(Path.Combine(folder, gone.StoredName)));
            Assert.Null(kept.RemovedAt);
            Assert.True(File.Exists(Path.Combine(folder, kept.StoredName)));
            Assert.True(await db.EnquiryEvents.AnyAsync(e => e.EnquiryId == withdrawn && e.Kind == EnquiryEventKind.FileRemoved && e.By == "system"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Enquiry" && a.Action == "update" && a.ActorName == "system"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task SendQuote_ChromiumConfigured_AttachesAPdf()
    {
        Assert.False(new QuotePdf(null).Enabled);
        Assert.False(new QuotePdf("/nonexistent/chromium").Enabled);
        var outbox = Directory.CreateTempSubdirectory("rc-outbox-").FullName;
        try
        {
            await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite, s =>
            {
                s.AddSingleton(new TravelSettings(90, outbox, "RegenClinic <quotes@regenclinic.invalid>"));
                s.AddSingleton(new QuotePdf("/usr/bin/chromium"));
            });
            var id = await SubmittedAsync(clinic, await SiteAsync(clinic));
            await PreScreenAsync(clinic, id);
            var quoteId = await QuoteAsync(clinic, id);
            var sent = await AsAsync(clinic, "desk", sp => sp.GetRequiredService<SendQuote>().HandleAsync(quoteId, null));
            Assert.EndsWith("-v1.pdf", sent.FileName, StringComparison.Ordinal);
            var message = await File.ReadAllTextAsync(Path.Combine(outbox, sent.MessageFile));
            Assert.Contains("Content-Type: application/pdf", message, StringComparison.Ordinal);
            var attachment = message.Split("filename=\"" + sent.FileName + "\"\r\n\r\n")[1].Split("--")[0].Replace("\r\n", "", StringComparison.Ordinal);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(attachment), 0, 5), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outbox, true);
        }
    }
}
