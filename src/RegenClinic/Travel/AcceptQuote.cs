using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Patients;

namespace RegenClinic.Travel;

public sealed record Acceptance(Guid PatientId, string RecordNumber, Guid CourseId);

/// <summary>
/// The patient accepted the current quote: in one transaction the enquiry is marked accepted, the patient is registered (through
/// <see cref="RegisterPatient"/>, at the enquiry's centre, with the home physician kept for the discharge letter) and a Draft
/// course is written from the quoted package. The course still needs an in-person screening and a signed consent to start.
/// </summary>
public sealed class AcceptQuote(ClinicDb db, ClinicActor actor, ClinicTime time, RegisterPatient register)
{
    public async Task<Acceptance> HandleAsync(Guid enquiryId, string? note, CancellationToken ct = default)
    {
        var enquiry = await db.Enquiries.FirstOrDefaultAsync(e => e.Id == enquiryId, ct) ?? throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        var quote = await db.Quotes.AsNoTracking().Where(q => q.EnquiryId == enquiryId && !q.Superseded).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("quote.none", "There is no quote to accept.", "status");
        if (quote.ValidUntil < time.Today) throw new DomainException("quote.expired", $"Quote version {quote.Version} expired on {quote.ValidUntil}; send a new version.", "status");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EnquiryEvents.Add(enquiry.MoveTo(EnquiryStatus.Accepted, actor.Name, time.Now, note ?? $"Accepted quote version {quote.Version}"));
        var patient = await register.HandleAsync(new PatientDetails(enquiry.FamilyName, enquiry.GivenName, enquiry.BirthDate, enquiry.Sex,
            enquiry.Phone, enquiry.Email, null, enquiry.Language, enquiry.HomePhysician), enquiry.SiteId, ct);
        var pattern = quote.Pattern switch
        {
            SessionPatternKind.Weekdays => SessionPattern.Weekdays(quote.PerDay),
            SessionPatternKind.Interval => SessionPattern.Interval(quote.MinDays, quote.MaxDays),
            _ => SessionPattern.Single,
        };
        var start = quote.StayFirstDay ?? enquiry.PreferredFrom;
        var course = TreatmentCourse.Prescribe(patient.Id, enquiry.SiteId, quote.Therapy, quote.Protocol, quote.Sessions, pattern, start, start, 2,
            $"Travel package {enquiry.Reference} (quote v{quote.Version}) for: {enquiry.Condition}. Confirm in person: screening, consent.", actor.Name, time.Now);
        db.Courses.Add(course);
        enquiry.LinkPatient(patient.Id, course.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Acceptance(patient.Id, patient.RecordNumber, course.Id);
    }
}
