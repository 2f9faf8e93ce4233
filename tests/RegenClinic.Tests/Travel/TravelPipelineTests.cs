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
}
