using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Travel;
using static RegenClinic.Tests.Travel.TravelTestData;

namespace RegenClinic.Tests.Travel;

public sealed class EnquiryTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 4, 10, 0);

    [Fact]
    public void Submit_ValidDetails_IsNewWithReferenceAndNormalisedCountry()
    {
        var e = NewEnquiry();
        Assert.Equal(EnquiryStatus.New, e.Status);
        Assert.Matches("^TQ-[A-HJ-NP-Z2-9]{8}$", e.Reference);
        Assert.Equal("BE", e.Country);
        Assert.Equal("Dr. Jan Claes", e.HomePhysician?.Name);
    }

    [Theory]
    [InlineData(false, true, "enquiry.consent-contact")]
    [InlineData(true, false, "enquiry.consent-processing")]
    public void Submit_WithoutConsent_Refused(bool contact, bool processing, string code)
    {
        var ex = Assert.Throws<DomainException>(() => Enquiry.Submit(Details(contact: contact, processing: processing), Guid.NewGuid(), [], At, Today));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Submit_DatesInThePastOrReversed_Refused()
    {
        Assert.Equal("enquiry.dates-past", Assert.Throws<DomainException>(() => Enquiry.Submit(Details(from: Today.PlusDays(-1)), Guid.NewGuid(), [], At, Today)).Code);
        Assert.Equal("enquiry.dates-order", Assert.Throws<DomainException>(() => Enquiry.Submit(Details(weeks: -1), Guid.NewGuid(), [], At, Today)).Code);
        // Today itself is allowed (boundary).
        Assert.Equal(Today, Enquiry.Submit(Details(from: Today), Guid.NewGuid(), [], At, Today).PreferredFrom);
    }

    [Fact]
    public void Submit_SixFiles_Refused()
    {
        var files = Enumerable.Range(0, 6).Select(i => new EnquiryFile(new string('a', 32), $"f{i}.pdf", UploadKind.Pdf, 10, "")).ToList();
        Assert.Equal("enquiry.too-many-files", Assert.Throws<DomainException>(() => Enquiry.Submit(Details(), Guid.NewGuid(), files, At, Today)).Code);
    }

    [Theory]
    [InlineData(EnquiryStatus.Booked)]
    [InlineData(EnquiryStatus.QuoteSent)]
    [InlineData(EnquiryStatus.Accepted)]
    [InlineData(EnquiryStatus.Declined)]
    public void MoveTo_FromNewSkippingSteps_Refused(EnquiryStatus to)
    {
        var e = NewEnquiry();
        Assert.Equal("enquiry.invalid-transition", Assert.Throws<DomainException>(() => e.MoveTo(to, "desk", At, null)).Code);
        Assert.Equal(EnquiryStatus.New, e.Status);
    }

    [Fact]
    public void MoveTo_PreScreenWithoutAPreScreen_Refused()
    {
        var e = NewEnquiry();
        Assert.Equal("enquiry.no-prescreen", Assert.Throws<DomainException>(() => e.MoveTo(EnquiryStatus.PreScreen, "desk", At, null)).Code);
    }

    [Fact]
    public void MoveTo_WholePipeline_RecordsWhoAndWhen_AndBookedNeedsACourse()
    {
        var e = NewEnquiry();
        e.RecordPreScreen("hbot", "eligible", "{}", "Confirm ARCO stage on MRI", "dr", At);
        var ev = e.MoveTo(EnquiryStatus.PreScreen, "dr", At, null);
        Assert.Equal((EnquiryStatus.New, EnquiryStatus.PreScreen, "dr", At), (ev.From!.Value, ev.To!.Value, ev.By, ev.At));
        e.MoveTo(EnquiryStatus.QuoteSent, "desk", At, "v1");
        e.MoveTo(EnquiryStatus.QuoteSent, "desk", At, "v2"); // a changed quote is sent again
        e.MoveTo(EnquiryStatus.Accepted, "desk", At, null);
        Assert.Equal("enquiry.not-registered", Assert.Throws<DomainException>(() => e.MoveTo(EnquiryStatus.Booked, "desk", At, null)).Code);
        e.LinkPatient(Guid.NewGuid(), Guid.NewGuid());
        e.MoveTo(EnquiryStatus.Booked, "desk", At, null);
        Assert.Equal(EnquiryStatus.Booked, e.Status);
        Assert.False(e.IsOpen);
        Assert.Equal("enquiry.invalid-transition", Assert.Throws<DomainException>(() => e.MoveTo(EnquiryStatus.Withdrawn, "desk", At, null)).Code);
    }

    [Theory]
    [InlineData(EnquiryStatus.Declined)]
    [InlineData(EnquiryStatus.Withdrawn)]
    public void MoveTo_FromAClosedState_Refused(EnquiryStatus closed)
    {
        var e = NewEnquiry();
        e.RecordPreScreen("hbot", "eligible", "{}", "x", "dr", At);
        e.MoveTo(EnquiryStatus.PreScreen, "dr", At, null);
        e.MoveTo(EnquiryStatus.QuoteSent, "desk", At, null);
        e.MoveTo(closed, "desk", At, null);
        Assert.Throws<DomainException>(() => e.MoveTo(EnquiryStatus.Accepted, "desk", At, null));
    }

    [Fact]
    public void RecordPreScreen_AfterQuoteSent_Refused()
    {
        var e = NewEnquiry();
        e.RecordPreScreen("hbot", "eligible", "{}", "x", "dr", At);
        e.MoveTo(EnquiryStatus.PreScreen, "dr", At, null);
        e.MoveTo(EnquiryStatus.QuoteSent, "desk", At, null);
        Assert.Equal("enquiry.prescreen-closed", Assert.Throws<DomainException>(() => e.RecordPreScreen("hbot", "eligible", "{}", "x", "dr", At)).Code);
    }
}
