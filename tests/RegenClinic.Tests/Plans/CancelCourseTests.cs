using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Plans;
using RegenClinic.Plans;
using RegenClinic.Tests.Scheduling;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Plans;

public sealed class CancelCourseTests
{
    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Cancel_ActiveCourse_CancelsItsComingSessionsKeepsThePastOnes_Audited(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var (chamber, courses) = await DoubleBookingTests.SeedAsync(clinic, 1, 1);
        var now = clinic.Clock.GetCurrentInstant();
        Guid given, coming1, coming2;
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var course = await db.Courses.SingleAsync(c => c.Id == courses[0]);
            Appointment Session(Duration from, int index)
            {
                var a = Appointment.Book(course.PatientId, course.SiteId, "hbot", chamber, null, new Interval(now + from, now + from + Duration.FromMinutes(120)), "test", now);
                a.AssignToCourse(course.Id, index);
                a.Place(1, "2.4-90", [], null);
                db.Appointments.Add(a);
                return a;
            }
            (given, coming1, coming2) = (Session(Duration.FromDays(-1), 1).Id, Session(Duration.FromDays(1), 2).Id, Session(Duration.FromDays(2), 3).Id);
            await db.SaveChangesAsync();
        }

        int cancelled;
        await using (var scope = clinic.Scope("dr.jansen"))
            cancelled = await scope.ServiceProvider.GetRequiredService<CancelCourse>().HandleAsync(courses[0], "In-person screening: untreated pneumothorax");

        await using var check = clinic.Scope();
        var read = check.ServiceProvider.GetRequiredService<ClinicDb>();
        Assert.Equal(2, cancelled);
        var stored = await read.Courses.SingleAsync(c => c.Id == courses[0]);
        Assert.Equal((CourseStatus.Cancelled, "In-person screening: untreated pneumothorax"), (stored.Status, stored.StatusReason));
        var statuses = await read.Appointments.Where(a => a.CourseId == courses[0]).ToDictionaryAsync(a => a.Id, a => a.Status);
        Assert.Equal(AppointmentStatus.Booked, statuses[given]);
        Assert.Equal(AppointmentStatus.Cancelled, statuses[coming1]);
        Assert.Equal(AppointmentStatus.Cancelled, statuses[coming2]);
        var audit = await read.AuditEntries.SingleAsync(a => a.Action == "course-cancel");
        Assert.Equal(("dr.jansen", courses[0].ToString(), "2 booked session(s) cancelled"), (audit.ActorName, audit.EntityId, audit.Details));
    }

    [Fact]
    public async Task Cancel_WithoutReason_OrTwice_IsRefused_AndNothingChanges()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var (_, courses) = await DoubleBookingTests.SeedAsync(clinic, 1, 1);

        await using (var scope = clinic.Scope())
        {
            var noReason = await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<CancelCourse>().HandleAsync(courses[0], " "));
            Assert.Equal("reason", noReason.Field);
        }
        await using (var scope = clinic.Scope())
            Assert.Equal(CourseStatus.Active, (await scope.ServiceProvider.GetRequiredService<ClinicDb>().Courses.SingleAsync(c => c.Id == courses[0])).Status);
        await using (var scope = clinic.Scope())
            await scope.ServiceProvider.GetRequiredService<CancelCourse>().HandleAsync(courses[0], "Patient stopped");
        await using (var scope = clinic.Scope())
        {
            var twice = await Assert.ThrowsAsync<DomainException>(() => scope.ServiceProvider.GetRequiredService<CancelCourse>().HandleAsync(courses[0], "Again"));
            Assert.Equal("course.closed", twice.Code);
        }
    }
}
