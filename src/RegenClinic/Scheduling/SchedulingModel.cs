using Microsoft.EntityFrameworkCore;
using RegenClinic.Domain.Clinic;

namespace RegenClinic.Scheduling;

/// <summary>Persistence of the scheduling feature. The filters are plain SQL that SQLite and PostgreSQL both read.</summary>
internal static class SchedulingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Appointment>(e =>
        {
            e.Property(x => x.Table).HasMaxLength(40);
            e.Property(x => x.OverrideReason).HasMaxLength(500);
            // Double booking is impossible whatever the application read before: one live appointment per chamber seat
            // and start (a multiplace dive is its chamber and start; a monoplace has seat 1), per room and start, per patient and start.
            e.HasIndex(x => new { x.ChamberId, x.Start, x.Seat }).IsUnique().HasFilter("\"Status\" <> 'Cancelled' AND \"ChamberId\" IS NOT NULL")
                .HasDatabaseName("UX_Appointments_ChamberSeat");
            e.HasIndex(x => new { x.RoomId, x.Start }).IsUnique().HasFilter("\"Status\" <> 'Cancelled' AND \"RoomId\" IS NOT NULL")
                .HasDatabaseName("UX_Appointments_RoomStart");
        });
        b.Entity<ScheduleRun>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Change).HasMaxLength(200);
            e.Property(x => x.Worker).HasMaxLength(200);
            e.Property(x => x.BookedFingerprint).HasMaxLength(64);
            e.Ignore(x => x.IsActive);
            // One queued or running solve per site, even with two app instances.
            e.HasIndex(x => x.SiteId).IsUnique().HasFilter("\"Status\" IN ('Queued', 'Running')").HasDatabaseName("UX_ScheduleRuns_ActivePerSite");
            e.HasIndex(x => new { x.SiteId, x.RequestedAt });
        });
        b.Entity<StaffShift>(e =>
        {
            e.Property(x => x.Day).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(x => new { x.SiteId, x.StaffUserId, x.Day });
        });
        b.Entity<StaffOffDay>(e =>
        {
            e.Property(x => x.Reason).HasMaxLength(200);
            e.HasIndex(x => new { x.SiteId, x.StaffUserId, x.Date }).IsUnique();
        });
        b.Entity<PatientAvailability>(e =>
        {
            e.HasIndex(x => x.PatientId).IsUnique();
            e.Ignore(x => x.Weekly);
        });
        b.Entity<CalendarLink>(e =>
        {
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
    }
}
