using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Travel;

namespace RegenClinic.Travel;

/// <summary>The travelling-patient part of <see cref="ClinicDb"/>'s model, kept beside the feature.</summary>
internal static class TravelModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Site>(e => e.Property(x => x.City).HasMaxLength(100));
        b.Entity<PriceItem>(e =>
        {
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.HasIndex(x => new { x.SiteId, x.Kind, x.Code });
            e.Property(x => x.CreatedBy).HasMaxLength(200);
        });
        b.Entity<SiteClosure>(e =>
        {
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.SiteId, x.Date }).IsUnique();
            e.Property(x => x.Reason).HasMaxLength(200);
        });
        b.Entity<TravelJobRun>(e =>
        {
            // One row per job and day: the instance whose insert succeeds runs the job; the others see the unique index refuse theirs.
            e.HasIndex(x => new { x.Job, x.Day }).IsUnique();
            e.Property(x => x.Job).HasMaxLength(40);
            e.Property(x => x.Instance).HasMaxLength(200);
            e.Property(x => x.Outcome).HasMaxLength(2000);
        });
        b.Entity<Enquiry>(e =>
        {
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Reference).IsUnique();
            e.HasIndex(x => new { x.SiteId, x.Status, x.ReceivedAt });
            e.Property(x => x.Reference).HasMaxLength(12);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Sex).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Language).HasMaxLength(5);
            e.Property(x => x.Files).AsJson();
            e.OwnsOne(x => x.HomePhysician, hp =>
            {
                hp.Property(p => p.Name).HasColumnName("HomePhysicianName");
                hp.Property(p => p.Practice).HasColumnName("HomePhysicianPractice");
                hp.Property(p => p.Phone).HasColumnName("HomePhysicianPhone");
                hp.Property(p => p.Email).HasColumnName("HomePhysicianEmail");
            });
            e.Ignore(x => x.IsOpen);
        });
        b.Entity<EnquiryEvent>(e =>
        {
            e.HasOne<Enquiry>().WithMany().HasForeignKey(x => x.EnquiryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.EnquiryId, x.At });
        });
        b.Entity<Quote>(e =>
        {
            e.HasOne<Enquiry>().WithMany().HasForeignKey(x => x.EnquiryId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.EnquiryId, x.Version }).IsUnique();
            e.Property(x => x.Pattern).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Lines).AsJson();
            e.Property(x => x.Risks).AsJson();
        });
    }
}
