using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;

namespace RegenClinic.Benchmarks.Latency;

/// <summary>
/// A durable booking commit: one monoplace session booked and saved, the way the app saves it (one transaction with its
/// audit entry, the seat's unique index checked, synchronous commit). Each booking takes its own free slot far ahead.
/// </summary>
public static class BookingCommit
{
    public static async Task<ScenarioResult> RunAsync(BenchDatabase database, int requests)
    {
        await using var provider = database.Services();

        (Guid Site, Guid Chamber, Guid[] Patients) world;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var chamber = await db.Chambers.AsNoTracking().FirstAsync(c => c.Kind == ChamberKind.Monoplace);
            world = (chamber.SiteId, chamber.Id, await db.Patients.AsNoTracking().OrderBy(p => p.RecordNumber).Take(500).Select(p => p.Id).ToArrayAsync());
        }
        var first = SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(3650);
        var millis = new List<double>(requests);
        for (var i = -20; i < requests; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ClinicActor>().Name = "bench";
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            var start = first + Duration.FromHours(3 * (i + 20));
            var watch = Stopwatch.StartNew();
            var booking = Appointment.Book(world.Patients[(i + 20) % world.Patients.Length], world.Site, "hbot", world.Chamber, null,
                new Interval(start, start + Duration.FromMinutes(120)), "bench", SystemClock.Instance.GetCurrentInstant());
            booking.Place(1, null, [], null);
            db.Appointments.Add(booking);
            await db.SaveChangesAsync();
            if (i >= 0) millis.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ScenarioResult.From("booking commit (durable, with audit)", millis);
    }
}
