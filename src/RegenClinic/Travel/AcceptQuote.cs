using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Domain.Travel;
using RegenClinic.Patients;
using RegenClinic.Scheduling;
using SessionPattern = RegenClinic.Domain.Plans.SessionPattern;

namespace RegenClinic.Travel;

public sealed record Acceptance(Guid PatientId, string RecordNumber, Guid CourseId, int SessionsHeld, LocalDate? FirstSession, LocalDate? LastSession);

/// <summary>
/// The patient accepted the current quote. In one transaction: the enquiry is marked accepted; the patient is registered
/// (through <see cref="RegisterPatient"/>, at the enquiry's centre, with the home physician kept for the discharge letter);
/// a Draft course is written from the quoted package; and every session of the course is booked as an appointment.
/// <para>Why Draft with booked sessions: a course cannot start before an in-person screening and a signed consent (the course
/// activates only with both, and the pre-dive checklist asks for the consent), but a travelling patient books flights on the
/// dates we give. So the seats are held now — real appointments that take capacity on the board, placed by the scheduler's
/// first fit on the centre's real bookings and closed days and validated by its checker, with the database's unique seat
/// index deciding any race — and the sessions are given only once the course is active. If the patient withdraws, the course
/// and its held appointments are cancelled with the enquiry (<see cref="MoveEnquiry"/>).</para>
/// <para>Manual booking (<see cref="PlaceSession"/>) books only active courses, so acceptance places the held sessions itself
/// on the same instance, solver and checker. When the sessions no longer fit the patient's dates (the centre filled up since
/// the quote), acceptance is refused: send a new quote version with other dates.</para>
/// </summary>
public sealed class AcceptQuote(ClinicDb db, ClinicActor actor, ClinicTime time, RegisterPatient register)
{
    public async Task<Acceptance> HandleAsync(Guid enquiryId, string? note, CancellationToken ct = default)
    {
        var enquiry = await db.Enquiries.FirstOrDefaultAsync(e => e.Id == enquiryId, ct) ?? throw new DomainException("enquiry.not-found", "No enquiry with this id.", "id");
        var quote = await db.Quotes.AsNoTracking().Where(q => q.EnquiryId == enquiryId && !q.Superseded).OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("quote.none", "There is no quote to accept.", "status");
        if (quote.ValidUntil < time.Today) throw new DomainException("quote.expired", $"Quote version {quote.Version} expired on {quote.ValidUntil}; send a new version.", "status");

        var package = new QuotePackage(quote.Therapy, quote.Protocol, quote.Sessions, quote.Pattern, quote.PerDay, quote.MinDays, quote.MaxDays, 0, 0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var from = enquiry.PreferredFrom < time.Today.PlusDays(1) ? time.Today.PlusDays(1) : enquiry.PreferredFrom;
        var plan = from <= enquiry.PreferredTo
            ? await TentativeSchedule.ProposeAsync(db, time, enquiry.SiteId, package, from, enquiry.PreferredTo, ct)
            : new TentativePlan(new TentativeStay(null, null, 0, "the patient's dates have passed"), [], null);
        if (!plan.Stay.Fits)
            throw new DomainException("travel.no-longer-fits", $"The sessions no longer fit between {from} and {enquiry.PreferredTo}: {plan.Stay.NotPlacedReason}. Send a new quote version with other dates.", "status");

        db.EnquiryEvents.Add(enquiry.MoveTo(EnquiryStatus.Accepted, actor.Name, time.Now, note ?? $"Accepted quote version {quote.Version}"));
        var patient = await register.HandleAsync(new PatientDetails(enquiry.FamilyName, enquiry.GivenName, enquiry.BirthDate, enquiry.Sex,
            enquiry.Phone, enquiry.Email, null, enquiry.Language, enquiry.HomePhysician), enquiry.SiteId, ct);
        var pattern = quote.Pattern switch
        {
            SessionPatternKind.Weekdays => SessionPattern.Weekdays(quote.PerDay),
            SessionPatternKind.Interval => SessionPattern.Interval(quote.MinDays, quote.MaxDays),
            _ => SessionPattern.Single,
        };
        var start = plan.Stay.FirstDay!.Value;
        // For HBOT the course's protocol is its treatment table (the scheduler and the dive sheet read it); otherwise the protocol text.
        var protocol = plan.Table ?? (quote.Protocol.Length > 80 ? quote.Protocol[..80] : quote.Protocol);
        var course = TreatmentCourse.Prescribe(patient.Id, enquiry.SiteId, quote.Therapy, protocol, quote.Sessions, pattern, start, start, 2,
            $"Travel package {enquiry.Reference} (quote v{quote.Version}) for: {enquiry.Condition}. Sessions held {plan.Stay.FirstDay:uuuu-MM-dd} to {plan.Stay.LastDay:uuuu-MM-dd}; confirm in person: screening, consent.", actor.Name, time.Now);
        db.Courses.Add(course);
        enquiry.LinkPatient(patient.Id, course.Id);
        await HoldSessionsAsync(plan, patient.Id, enquiry.SiteId, course, ct);
        db.EnquiryEvents.Add(EnquiryEvent.Of(enquiry.Id, EnquiryEventKind.Note,
            $"{plan.Sessions.Count} sessions held {plan.Stay.FirstDay:uuuu-MM-dd} – {plan.Stay.LastDay:uuuu-MM-dd} for the draft course (given after in-person screening and consent).", actor.Name, time.Now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (PlaceSession.IsUniqueViolation(ex))
        {
            throw new DomainException("appointment.slot-taken", "Someone else has just booked one of these seats; record the acceptance again.", "status");
        }
        await transaction.CommitAsync(ct);
        return new Acceptance(patient.Id, patient.RecordNumber, course.Id, plan.Sessions.Count, plan.Stay.FirstDay, plan.Stay.LastDay);
    }

    private async Task HoldSessionsAsync(TentativePlan plan, Guid patientId, Guid siteId, TreatmentCourse course, CancellationToken ct)
    {
        var chambers = await db.Chambers.AsNoTracking().Where(c => c.SiteId == siteId).ToDictionaryAsync(c => c.Id, ct);
        var seats = new SeatPlan(db);
        var index = 0;
        foreach (var s in plan.Sessions)
        {
            var resource = Guid.Parse(s.Resource);
            var chamber = chambers.GetValueOrDefault(resource);
            var slot = ClinicInstance.SlotOf(time, s);
            var appointment = Appointment.Book(patientId, siteId, course.Therapy, chamber?.Id, chamber is null ? resource : null, slot, actor.Name, time.Now);
            appointment.AssignToCourse(course.Id, ++index);
            appointment.Place(await seats.NextAsync(chamber, slot.Start, appointment.Id, ct), plan.Table, [], null);
            db.Appointments.Add(appointment);
        }
    }
}
