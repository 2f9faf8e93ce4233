using Hl7.Fhir.Model;
using DomainAppointmentStatus = RegenClinic.Domain.Clinic.AppointmentStatus;
using RegenClinic.Domain.Plans;
using RegenClinic.Staff;

namespace RegenClinic.Fhir;

/// <summary>The clinic's own records as FHIR R4, read-only here: courses as CarePlan, bookings as Appointment, staff as Practitioner.</summary>
public static class ClinicFhir
{
    public const string TherapySystem = "urn:regenclinic:codesystem:therapy";

    public static CarePlan ToFhir(this TreatmentCourse c) => new()
    {
        Id = c.Id.ToString(),
        Status = CarePlanStatus(c.Status),
        Intent = CarePlan.CarePlanIntent.Plan,
        Category = [new CodeableConcept(TherapySystem, c.Therapy)],
        Title = $"{c.Therapy}: {c.Protocol}",
        Description = c.Goals,
        Subject = new ResourceReference($"Patient/{c.PatientId}"),
        Period = new Period { Start = FhirDates.Date(c.TargetStart ?? c.EarliestStart) },
        Created = FhirDates.DateTime(c.PrescribedAt).Value,
        Author = new ResourceReference { Display = c.PrescribedBy },
        Activity =
        [
            new CarePlan.ActivityComponent
            {
                Detail = new CarePlan.DetailComponent
                {
                    Status = c.Status switch
                    {
                        CourseStatus.Draft => CarePlan.CarePlanActivityStatus.NotStarted,
                        CourseStatus.Active => CarePlan.CarePlanActivityStatus.InProgress,
                        CourseStatus.Paused => CarePlan.CarePlanActivityStatus.OnHold,
                        CourseStatus.Completed => CarePlan.CarePlanActivityStatus.Completed,
                        _ => CarePlan.CarePlanActivityStatus.Cancelled,
                    },
                    Code = new CodeableConcept { Text = c.Protocol },
                    Description = $"{c.Sessions} sessions",
                },
            },
        ],
    };

    public static RequestStatus CarePlanStatus(CourseStatus status) => status switch
    {
        CourseStatus.Draft => RequestStatus.Draft,
        CourseStatus.Active => RequestStatus.Active,
        CourseStatus.Paused => RequestStatus.OnHold,
        CourseStatus.Completed => RequestStatus.Completed,
        _ => RequestStatus.Revoked,
    };

    public static Appointment ToFhir(this Domain.Clinic.Appointment a)
    {
        var appointment = new Appointment
        {
            Id = a.Id.ToString(),
            Status = AppointmentStatus(a.Status),
            ServiceType = [new CodeableConcept(TherapySystem, a.Therapy)],
            Start = a.Start.ToDateTimeOffset(),
            End = a.End.ToDateTimeOffset(),
            Created = FhirDates.DateTime(a.BookedAt).Value,
            Participant =
            [
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference($"Patient/{a.PatientId}"),
                    Status = ParticipationStatus.Accepted,
                },
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference($"Location/{a.ChamberId ?? a.RoomId}"),
                    Status = ParticipationStatus.Accepted,
                },
            ],
        };
        if (a.CourseId is { } course)
        {
            appointment.SupportingInformation = [new ResourceReference($"CarePlan/{course}")];
            appointment.Comment = $"Session {a.SessionIndex}";
        }
        return appointment;
    }

    public static Appointment.AppointmentStatus AppointmentStatus(DomainAppointmentStatus status) => status switch
    {
        DomainAppointmentStatus.Booked => Appointment.AppointmentStatus.Booked,
        DomainAppointmentStatus.Arrived => Appointment.AppointmentStatus.Arrived,
        DomainAppointmentStatus.Completed => Appointment.AppointmentStatus.Fulfilled,
        DomainAppointmentStatus.Cancelled => Appointment.AppointmentStatus.Cancelled,
        _ => Appointment.AppointmentStatus.Noshow,
    };

    public static Practitioner ToFhir(this StaffUser user) => new()
    {
        Id = user.Id,
        Active = user.LockoutEnd is null,
        Name = [new HumanName { Text = user.DisplayName }],
        Telecom = user.Email is { } email ? [new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, email)] : [],
    };
}
