using Microsoft.EntityFrameworkCore;

namespace RegenClinic.Fhir;

/// <summary>The FHIR interface's own tables: registered system clients and bulk export jobs.</summary>
public static class FhirModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<FhirSystemClient>(e =>
        {
            e.HasIndex(x => x.ClientId).IsUnique();
            e.Property(x => x.ClientId).HasMaxLength(40);
            e.Property(x => x.SecretHash).HasMaxLength(64);
            e.Property(x => x.Scopes).HasMaxLength(2000);
            e.Ignore(x => x.IsActive);
        });
        ExportModel(b);
    }

    private static void ExportModel(ModelBuilder b)
    {
        b.Entity<FhirExportJob>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Level).HasMaxLength(10);
            e.Property(x => x.Types).HasMaxLength(2000);
            e.Property(x => x.Request).HasMaxLength(2000);
            e.Property(x => x.RequestedById).HasMaxLength(200);
            e.Property(x => x.RequestedByName).HasMaxLength(200);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.Progress).HasMaxLength(500);
            e.HasIndex(x => new { x.Status, x.RequestedAt });
            e.Ignore(x => x.IsActive);
            e.Ignore(x => x.TypeNames);
            e.Ignore(x => x.Scope);
        });
        b.Entity<FhirExportFile>(e =>
        {
            e.HasOne<FhirExportJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.ResourceType).HasMaxLength(60);
            e.HasIndex(x => new { x.JobId, x.Sequence }).IsUnique();
        });
    }
}
