using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RegenClinic.Data;
using RegenClinic.Demo;
using RegenClinic.Domain.Clinic;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Scheduling;

/// <summary>The demo clinic that `dotnet run` seeds is what people judge the product by: its own bookings must obey the
/// rules the scheduler enforces. The outcome history once put every past HBOT course into Mono 1, five minutes apart.</summary>
public sealed class DemoBookingsTests
{
    [Fact]
    public async Task TheSeededDemo_HasNoChamberRoomOrPatientInTwoSessionsAtOnce()
    {
        await using var clinic = await TestClinic.CreateAsync(Provider.Sqlite);
        await using (var scope = clinic.Scope("demo-seed"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoClinic>().SeedAsync(200);
        }

        await using var read = clinic.Scope();
        var db = read.ServiceProvider.GetRequiredService<ClinicDb>();
        var multiplaces = await db.Chambers.Where(c => c.Kind == ChamberKind.Multiplace).Select(c => c.Id).ToListAsync();
        var booked = await db.Appointments.AsNoTracking().Where(a => a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.Id, a.PatientId, a.ChamberId, a.RoomId, a.Seat, a.Start, a.End }).ToListAsync();
        Assert.Contains(booked, a => a.ChamberId is not null && !multiplaces.Contains(a.ChamberId.Value) && a.Start < clinic.Clock.GetCurrentInstant());

        var clashes = new List<string>();
        void Check<TKey>(string what, IEnumerable<IGrouping<TKey, (Guid Id, NodaTime.Instant Start, NodaTime.Instant End)>> groups)
        {
            foreach (var group in groups)
            {
                var ordered = group.OrderBy(a => a.Start).ToList();
                for (var i = 1; i < ordered.Count; i++)
                {
                    if (ordered[i].Start < ordered[i - 1].End) clashes.Add($"{what} {group.Key}: {ordered[i - 1].Start}–{ordered[i - 1].End} and {ordered[i].Start}");
                }
            }
        }

        Check("chamber", booked.Where(a => a.ChamberId is { } c && !multiplaces.Contains(c)).Select(a => (a.Id, a.Start, a.End, Key: a.ChamberId!.Value))
            .GroupBy(a => a.Key, a => (a.Id, a.Start, a.End)));
        Check("room", booked.Where(a => a.RoomId is not null).GroupBy(a => a.RoomId!.Value, a => (a.Id, a.Start, a.End)));
        Check("patient", booked.GroupBy(a => a.PatientId, a => (a.Id, a.Start, a.End)));
        // In a multiplace, overlapping occupants must be in one dive: the same start, each in a seat of their own.
        Check("multiplace seat", booked.Where(a => a.ChamberId is { } c && multiplaces.Contains(c))
            .GroupBy(a => (a.ChamberId, a.Seat), a => (a.Id, a.Start, a.End)));
        foreach (var dive in booked.Where(a => a.ChamberId is { } c && multiplaces.Contains(c)))
        {
            if (booked.Any(o => o.ChamberId == dive.ChamberId && o.Id != dive.Id && o.Start < dive.End && dive.Start < o.End && o.Start != dive.Start))
                clashes.Add($"multiplace dive at {dive.Start} overlaps a dive with another start");
        }
        Assert.Empty(clashes);
    }
}
