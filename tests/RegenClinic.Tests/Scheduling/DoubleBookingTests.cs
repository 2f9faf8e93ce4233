using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Patients;
using RegenClinic.Scheduling;
using RegenClinic.Staff;
using RegenClinic.Tests.TestKit;
using DomainChamber = RegenClinic.Domain.Clinic.Chamber;

namespace RegenClinic.Tests.Scheduling;

/// <summary>Double booking is impossible under concurrency: the database's unique seat index decides, not a prior read.</summary>
public sealed class DoubleBookingTests
{
    private static readonly LocalDate Tuesday = new(2027, 1, 5);

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task PlaceSession_FiftyParallelBookingsAtTheLastSeatOfADive_ExactlyOneWins(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var (chamber, courses) = await SeedAsync(clinic, seats: 3, courses: 52);

        // Two seats of the 09:00 dive are taken first.
        foreach (var c in courses.Take(2))
            Assert.True((await PlaceAsync(clinic, c, chamber)).Placed);

        var results = await Task.WhenAll(courses.Skip(2).Select(c => Task.Run(async () =>
        {
            try { return await PlaceAsync(clinic, c, chamber); }
            catch (DomainException ex) when (ex.Code is "appointment.slot-taken" or "appointment.dive-full") { return null; }
        })));

        Assert.Single(results, r => r is { Placed: true });
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var seats = await db.Appointments.Where(a => a.ChamberId == chamber && a.Status != AppointmentStatus.Cancelled).Select(a => a.Seat).ToListAsync();
        Assert.Equal([1, 2, 3], seats.Order());
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task Database_SecondAppointmentOnTheSameSeatAndStart_IsRefused(Provider provider)
    {
        await using var clinic = await TestClinic.CreateAsync(provider);
        var (chamber, courses) = await SeedAsync(clinic, seats: 1, courses: 2);
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var start = Instant.FromUtc(2027, 1, 5, 8, 0);
        foreach (var courseId in courses)
        {
            var course = await db.Courses.FirstAsync(c => c.Id == courseId);
            var a = Appointment.Book(course.PatientId, course.SiteId, "hbot", chamber, null, new Interval(start, start + Duration.FromMinutes(120)), "test", start);
            a.Place(1, "2.4-90", [], null);
            db.Appointments.Add(a);
        }
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task PlaceSession_SeatFreedByACancellation_CanBeBookedAgain()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        var (chamber, courses) = await SeedAsync(clinic, seats: 1, courses: 2);
        var first = await PlaceAsync(clinic, courses[0], chamber);
        Assert.False((await PlaceAsync(clinic, courses[1], chamber)).Placed);
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            (await db.Appointments.FirstAsync(a => a.Id == first.AppointmentId)).Cancel();
            await db.SaveChangesAsync();
        }
        Assert.True((await PlaceAsync(clinic, courses[1], chamber)).Placed);
    }

    private static async Task<PlaceVerdict> PlaceAsync(TestClinic clinic, Guid course, Guid chamber)
    {
        await using var scope = clinic.Scope("frontdesk@test");
        return await scope.ServiceProvider.GetRequiredService<PlaceSession>().HandleAsync(new PlaceRequest(course, null, chamber, Tuesday, new LocalTime(9, 0)));
    }

    /// <summary>A site with one multiplace chamber of <paramref name="seats"/> seats, a chamber operator, and active HBOT courses for distinct patients.</summary>
    internal static async Task<(Guid Chamber, List<Guid> Courses)> SeedAsync(TestClinic clinic, int seats, int courses)
    {
        await using var scope = clinic.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
        var site = Site.Create("TST", "Test site", "Europe/Amsterdam", "NL");
        db.Sites.Add(site);
        var chamber = DomainChamber.Create(site.Id, "Multi", seats == 1 ? RegenClinic.Domain.Clinic.ChamberKind.Monoplace : RegenClinic.Domain.Clinic.ChamberKind.Multiplace, seats, 3m, ["2.4-90"]);
        db.Chambers.Add(chamber);
        var ids = new List<Guid>();
        for (var i = 0; i < courses; i++)
        {
            var p = Patient.Register(new PatientDetails($"Family{i}", "Given", new LocalDate(1970, 1, 1), Sex.Female, null, null, null, "nl", null),
                RegisterPatient.RecordNumber(i + 1), site.Id, "test", clinic.Clock.GetCurrentInstant(), new LocalDate(2027, 1, 4));
            db.Patients.Add(p);
            var c = TreatmentCourse.Prescribe(p.Id, site.Id, "hbot", "2.4-90", 20, RegenClinic.Domain.Plans.SessionPattern.Weekdays(), new LocalDate(2027, 1, 4), null, 2,
                "Test goals", "test", clinic.Clock.GetCurrentInstant());
            c.LinkScreening(Guid.CreateVersion7());
            c.LinkConsent(Guid.CreateVersion7());
            c.Activate();
            db.Courses.Add(c);
            ids.Add(c.Id);
        }
        await db.SaveChangesAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await roles.CreateAsync(new IdentityRole(Roles.ChamberOperator));
        var op = new StaffUser { UserName = "op@test", Email = "op@test", DisplayName = "Operator", SiteId = site.Id };
        Assert.True((await users.CreateAsync(op, "Operator-Password-1")).Succeeded);
        Assert.True((await users.AddToRoleAsync(op, Roles.ChamberOperator)).Succeeded);
        return (chamber.Id, ids);
    }
}
