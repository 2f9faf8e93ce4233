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
    }
}
