using Microsoft.EntityFrameworkCore;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Injections;

/// <summary>The injection and cell-therapy part of <see cref="Data.ClinicDb"/>'s model, kept beside the feature.</summary>
internal static class InjectionsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ProcedureRecord>(e =>
        {
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TreatmentCourse>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Family).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Therapy).HasMaxLength(40);
            e.OwnsMany(x => x.Findings, o => o.ToJson());
            e.OwnsMany(x => x.Overrides, o => o.ToJson());
            e.HasIndex(x => new { x.PatientId, x.ProcedureDate });
            e.HasIndex(x => new { x.CourseId, x.SessionIndex });
            e.Ignore(x => x.IsCurrent);
        });
        b.Entity<ProcedureFollowUp>(e =>
        {
            e.HasOne<ProcedureRecord>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.HasIndex(x => new { x.CompletedAt, x.DueBy });
            e.HasIndex(x => x.PatientId);
            e.Ignore(x => x.Window);
        });
        b.Entity<AdverseEventRecord>(e =>
        {
            e.HasOne<ProcedureRecord>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.EventCode).HasMaxLength(40);
            e.HasIndex(x => x.PatientId);
            e.Ignore(x => x.ActionList);
        });
        b.Entity<StoredPreset>(e =>
        {
            e.HasIndex(x => x.PresetId).IsUnique();
            e.Property(x => x.PresetId).HasMaxLength(80);
            e.Ignore(x => x.Preset);
        });
        b.Entity<InjectionLimitSet>(e =>
        {
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.SiteId, x.Revision }).IsUnique();
            e.HasIndex(x => x.Version).IsUnique();
            e.Property(x => x.Version).HasMaxLength(40);
            e.Property(x => x.Ozone).AsJson();
            e.Property(x => x.Prolotherapy).AsJson();
            e.Ignore(x => x.IsCurrent);
        });
        b.Entity<RoomAirCheckRecord>(e =>
        {
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.SiteId, x.MeasuredAt });
        });
    }
}
