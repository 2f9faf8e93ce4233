using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Outcomes.Records;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Domain.Eligibility;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Patients;
using RegenClinic.Domain.Plans;
using RegenClinic.Security;
using RegenClinic.Staff;

namespace RegenClinic.Data;

/// <summary>The one model. <see cref="SqliteClinicDb"/> and <see cref="PostgresClinicDb"/> exist only to carry their own migration sets.</summary>
public abstract class ClinicDb(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who acts through this context. Contexts come from a pool and keep their fields between units of work, so
    /// the app hands one out only through <see cref="Lease"/>, which sets it; it is null only for a context built by hand
    /// outside the app's services (backups, design time), which also has no audit interceptor.</summary>
    public ClinicActor? Actor { get; private set; }

    /// <summary>Read by the patient query filters on every query (EF parameterises it per query, not per model).</summary>
    internal SiteScope Scope => Actor?.Scope ?? SiteScope.Unrestricted;

    /// <summary>The transaction the audit interceptor opened for a save that had none, committed or rolled back when the save ends.</summary>
    internal IDbContextTransaction? AuditTransaction { get; set; }

    /// <summary>Starts a unit of work for <paramref name="actor"/> on a context fresh from the pool: nothing of the previous
    /// lease's actor, deferral or transaction survives (EF itself resets tracking, connection and options).</summary>
    internal ClinicDb Lease(ClinicActor actor)
    {
        Actor = actor;
        DeferReadAudits = false;
        AuditTransaction = null;
        return this;
    }

    /// <summary>
    /// When set, a save that holds nothing but read audits is held back, so that a page whose sections each record
    /// their read costs one durable commit instead of one per section. Whoever sets it must take the held-back reads with
    /// <see cref="TakeDeferredReads"/> and commit them (<see cref="AuditGroupCommit"/>) before any of the data leaves; the
    /// web does so as the response starts.
    /// </summary>
    public bool DeferReadAudits { get; set; }

    /// <summary>Ends the deferral and hands over the held-back read audits, no longer tracked here. Anything else still
    /// pending is a write that failed earlier in this unit of work and was reported then: it is dropped, not retried, and
    /// so are its audit entries.</summary>
    public IReadOnlyList<AuditEntry> TakeDeferredReads()
    {
        DeferReadAudits = false;
        var pending = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var reads = pending.Select(e => e.Entity).OfType<AuditEntry>().Where(a => a.Action == AuditActions.Read).ToList();
        foreach (var e in pending) e.State = EntityState.Detached;
        return reads;
    }

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Chamber> Chambers => Set<Chamber>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<ConditionEntry> Conditions => Set<ConditionEntry>();
    public DbSet<MedicationEntry> Medications => Set<MedicationEntry>();
    public DbSet<AllergyEntry> Allergies => Set<AllergyEntry>();
    public DbSet<ObservationEntry> Observations => Set<ObservationEntry>();
    public DbSet<ImagingStudyEntry> ImagingStudies => Set<ImagingStudyEntry>();
    public DbSet<AssessmentEntry> Assessments => Set<AssessmentEntry>();
    public DbSet<ProcedureEntry> Procedures => Set<ProcedureEntry>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<TreatmentCourse> Courses => Set<TreatmentCourse>();
    public DbSet<OutcomeScore> OutcomeScores => Set<OutcomeScore>();
    public DbSet<CourseMeasurementPlan> MeasurementPlans => Set<CourseMeasurementPlan>();
    public DbSet<QuestionnaireLink> QuestionnaireLinks => Set<QuestionnaireLink>();
    public DbSet<SurgeryEvent> SurgeryEvents => Set<SurgeryEvent>();
    public DbSet<LicensedItemTextRecord> LicensedItemTexts => Set<LicensedItemTextRecord>();
    public DbSet<HbotDailyOrder> HbotDailyOrders => Set<HbotDailyOrder>();
    public DbSet<HbotProgressNote> HbotProgressNotes => Set<HbotProgressNote>();
    public DbSet<PreDiveChecklistRecord> PreDiveChecklists => Set<PreDiveChecklistRecord>();
    public DbSet<HbotDive> HbotDives => Set<HbotDive>();
    public DbSet<HbotAdverseEventRecord> HbotAdverseEvents => Set<HbotAdverseEventRecord>();
    public DbSet<ChamberLogEntry> ChamberLog => Set<ChamberLogEntry>();
    public DbSet<Hyperbaric.TreatmentTableRecord> TreatmentTables => Set<Hyperbaric.TreatmentTableRecord>();
    public DbSet<ScreeningRecord> Screenings => Set<ScreeningRecord>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<ProcedureRecord> ProcedureRecords => Set<ProcedureRecord>();
    public DbSet<ProcedureFollowUp> FollowUps => Set<ProcedureFollowUp>();
    public DbSet<AdverseEventRecord> AdverseEvents => Set<AdverseEventRecord>();
    public DbSet<StoredPreset> Presets => Set<StoredPreset>();
    public DbSet<RoomAirCheckRecord> RoomAirChecks => Set<RoomAirCheckRecord>();
    public DbSet<Domain.Travel.PriceItem> PriceItems => Set<Domain.Travel.PriceItem>();
    public DbSet<Domain.Travel.Enquiry> Enquiries => Set<Domain.Travel.Enquiry>();
    public DbSet<Domain.Travel.EnquiryEvent> EnquiryEvents => Set<Domain.Travel.EnquiryEvent>();
    public DbSet<Domain.Travel.Quote> Quotes => Set<Domain.Travel.Quote>();
    public DbSet<SiteClosure> SiteClosures => Set<SiteClosure>();
    public DbSet<RegenClinic.Travel.TravelJobRun> TravelJobRuns => Set<RegenClinic.Travel.TravelJobRun>();
    public DbSet<RegenClinic.Scheduling.ScheduleRun> ScheduleRuns => Set<RegenClinic.Scheduling.ScheduleRun>();
    public DbSet<RegenClinic.Scheduling.StaffShift> StaffShifts => Set<RegenClinic.Scheduling.StaffShift>();
    public DbSet<RegenClinic.Scheduling.PatientAvailability> PatientAvailabilities => Set<RegenClinic.Scheduling.PatientAvailability>();
    public DbSet<RegenClinic.Scheduling.StaffOffDay> StaffOffDays => Set<RegenClinic.Scheduling.StaffOffDay>();
    public DbSet<RegenClinic.Scheduling.CalendarLink> CalendarLinks => Set<RegenClinic.Scheduling.CalendarLink>();
    public DbSet<InjectionLimitSet> InjectionLimits => Set<InjectionLimitSet>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StaffSiteAccess> StaffSiteAccess => Set<StaffSiteAccess>();
    public DbSet<BreakGlassAccess> BreakGlassAccess => Set<BreakGlassAccess>();

    /// <summary>Takes the lock that serialises appends to the audit chain, inside the current transaction.</summary>
    public abstract Task LockAuditChainAsync(CancellationToken cancellationToken);

    /// <summary>Held while an app instance migrates and seeds, so that instances starting together on one database do
    /// that once. SQLite is served by one instance and needs none.</summary>
    public virtual Task<IAsyncDisposable> HoldStartupLockAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        var b = builder;
        base.OnModelCreating(b);

        b.Entity<Site>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Ignore(x => x.TimeZone);
        });
        b.Entity<Chamber>(e => e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20));
        b.Entity<Chamber>().Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Entity<Room>();

        b.Entity<Patient>(e =>
        {
            e.HasIndex(x => x.RecordNumber).IsUnique();
            e.HasIndex(x => new { x.SearchName, x.BirthDate });
            e.HasIndex(x => x.BirthDate);
            e.Property(x => x.Sex).HasConversion<string>().HasMaxLength(10);
            e.OwnsOne(x => x.HomePhysician, hp =>
            {
                hp.Property(p => p.Name).HasColumnName("HomePhysicianName");
                hp.Property(p => p.Practice).HasColumnName("HomePhysicianPractice");
                hp.Property(p => p.Phone).HasColumnName("HomePhysicianPhone");
                hp.Property(p => p.Email).HasColumnName("HomePhysicianEmail");
            });
        });

        Entry<ConditionEntry>(b).Property(x => x.ClinicalStatus).HasConversion<string>().HasMaxLength(20);
        Entry<MedicationEntry>(b).Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        Entry<AllergyEntry>(b).Property(x => x.Criticality).HasConversion<string>().HasMaxLength(10);
        Entry<ObservationEntry>(b).Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Entity<ObservationEntry>().HasIndex(x => new { x.PatientId, x.LoincCode, x.EffectiveAt });
        Entry<ImagingStudyEntry>(b).Property(x => x.Modality).HasConversion<string>().HasMaxLength(10);
        Entry<AssessmentEntry>(b);
        Entry<ProcedureEntry>(b);

        b.Entity<Appointment>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.SiteId, x.Start });
            e.HasIndex(x => new { x.PatientId, x.Start });
        });

        b.Entity<TreatmentCourse>(e =>
        {
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.OwnsOne(x => x.Pattern, p => p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20));
            e.HasIndex(x => new { x.PatientId, x.Status });
            e.HasIndex(x => new { x.SiteId, x.Status });
        });
        b.Entity<Appointment>().HasIndex(x => new { x.CourseId, x.SessionIndex });

        ConfigureOutcomes(b);
        HyperbaricModel(b);
        b.Entity<ScreeningRecord>(e =>
        {
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
            e.OwnsMany(x => x.Overrides, o => o.ToJson());
            e.HasIndex(x => new { x.PatientId, x.Therapy, x.ScreenedAt });
            e.Ignore(x => x.AllowsCourse);
        });
        b.Entity<ConsentRecord>(e =>
        {
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ScreeningRecord>().WithMany().HasForeignKey(x => x.ScreeningId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.PatientId, x.Therapy, x.RecordedAt });
        });

        RegenClinic.Injections.InjectionsModel.Configure(b);
        RegenClinic.Travel.TravelModel.Configure(b);
        RegenClinic.Scheduling.SchedulingModel.Configure(b);

        b.Entity<AuditEntry>(e =>
        {
            e.HasIndex(x => x.Sequence).IsUnique();
            e.HasIndex(x => new { x.PatientId, x.At });
            e.HasIndex(x => x.At);
            e.Property(x => x.Action).HasMaxLength(30);
            e.Property(x => x.EntityType).HasMaxLength(60);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
        });

        b.Entity<StaffUser>().Property(x => x.Culture).HasMaxLength(5);
        RegenClinic.Fhir.FhirModel.Configure(b);
        SecurityModel(b);
    }

    /// <summary>
    /// Object-level access, enforced where no use case can forget it: a patient, and every entity carrying a
    /// PatientId, is visible only when the patient's site is in the actor's <see cref="Scope"/> (or opened by break-glass).
    /// </summary>
    private void SecurityModel(ModelBuilder b)
    {
        b.Entity<StaffSiteAccess>(e =>
        {
            e.HasIndex(x => new { x.UserId, x.SiteId }).IsUnique();
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<BreakGlassAccess>(e =>
        {
            e.HasIndex(x => new { x.UserId, x.ExpiresAt });
            e.HasIndex(x => x.OpenedAt);
        });
        b.Entity<Patient>().HasQueryFilter(p => Scope.AllSites || Scope.Sites.Contains(p.SiteId) || Scope.BreakGlassPatients.Contains(p.Id));
        var scoped = typeof(ClinicDb).GetMethod(nameof(ScopeToPatient), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        // Every DbSet whose rows name a patient: a new table with a PatientId is covered without anyone remembering it.
        var sets = typeof(ClinicDb).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]);
        foreach (var type in sets)
        {
            if (type == typeof(BreakGlassAccess) || type == typeof(Patient)) continue;
            if (type.GetProperty("PatientId")?.PropertyType == typeof(Guid)) scoped.MakeGenericMethod(type).Invoke(this, [b]);
        }
    }

    private void ScopeToPatient<T>(ModelBuilder b) where T : class =>
        b.Entity<T>().HasQueryFilter(e => Scope.AllSites
            || Set<Patient>().Any(p => p.Id == EF.Property<Guid>(e, "PatientId")
                && (Scope.Sites.Contains(p.SiteId) || Scope.BreakGlassPatients.Contains(p.Id))));

    private static void ConfigureOutcomes(ModelBuilder b)
    {
        var score = Entry<OutcomeScore>(b);
        score.Property(x => x.InstrumentId).HasMaxLength(20);
        score.Property(x => x.CodeSystem).HasMaxLength(100);
        score.Property(x => x.Code).HasMaxLength(40);
        score.Property(x => x.Answers).HasMaxLength(200);
        score.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        score.HasIndex(x => new { x.PatientId, x.InstrumentId, x.EffectiveAt });
        score.HasIndex(x => new { x.CourseId, x.MeasurementPoint });
        b.Entity<CourseMeasurementPlan>(e =>
        {
            e.HasOne<TreatmentCourse>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CourseId).IsUnique();
            e.Property(x => x.Condition).HasMaxLength(40);
            e.Property(x => x.Instruments).HasMaxLength(200);
        });
        b.Entity<QuestionnaireLink>(e =>
        {
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Instruments).HasMaxLength(200);
            e.Property(x => x.Language).HasMaxLength(5);
        });
        Entry<SurgeryEvent>(b);
        b.Entity<LicensedItemTextRecord>(e => e.Property(x => x.InstrumentId).HasMaxLength(20));
    }

    private static void HyperbaricModel(ModelBuilder b)
    {
        b.Entity<HbotDailyOrder>().HasIndex(x => new { x.CourseId, x.Date }).IsUnique();
        b.Entity<HbotProgressNote>().HasIndex(x => new { x.CourseId, x.Date });
        b.Entity<PreDiveChecklistRecord>(e =>
        {
            e.Property(x => x.Input).AsJson();
            e.Property(x => x.Items).AsJson();
            e.HasIndex(x => new { x.CourseId, x.SessionDate });
        });
        b.Entity<HbotDive>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Occupants).AsJson();
            e.Property(x => x.Events).AsJson();
            e.Property(x => x.Alarms).AsJson();
            e.HasIndex(x => new { x.ChamberId, x.Date });
        });
        b.Entity<HbotAdverseEventRecord>(e =>
        {
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Timing).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ONeillGrade).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.CourseId, x.OccurredAt });
        });
        b.Entity<ChamberLogEntry>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            // Gap-free numbering per chamber: two writers cannot take the same number.
            e.HasIndex(x => new { x.ChamberId, x.Sequence }).IsUnique();
        });
        b.Entity<Hyperbaric.TreatmentTableRecord>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(40);
            e.Property(x => x.Steps).AsJson();
            e.Ignore(x => x.IsRetired);
        });
    }

    private static EntityTypeBuilder<T> Entry<T>(ModelBuilder b) where T : ChartEntry
    {
        var e = b.Entity<T>();
        e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PatientId, x.RecordedAt });
        e.Ignore(x => x.IsCurrent);
        return e;
    }

    /// <summary>Instants are stored as UTC DateTime: both providers order and compare them in SQL.</summary>
    private sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
        i => i.ToDateTimeUtc(), d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

    private sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
        d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));
}

public sealed class SqliteClinicDb(DbContextOptions<SqliteClinicDb> options) : ClinicDb(options)
{
    /// <summary>SQLite allows one writer; the transaction is already IMMEDIATE, so the write lock is held.</summary>
    public override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class PostgresClinicDb(DbContextOptions<PostgresClinicDb> options) : ClinicDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Patient search seeks a range of this key; byte order keeps that range equal to "starts with" (see SearchPatients).
        builder.Entity<Patient>().Property(x => x.SearchName).UseCollation("C");
    }

    private const long AuditChainLock = 0x52434155; // "RCAU"
    private const long StartupLock = 0x52435354; // "RCST"

    /// <summary>A session advisory lock on a connection kept open until the lock is released.</summary>
    public override async Task<IAsyncDisposable> HoldStartupLockAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLock})", cancellationToken);
        return new StartupLockRelease(this);
    }

    private sealed class StartupLockRelease(PostgresClinicDb db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLock})");
            await db.Database.CloseConnectionAsync();
        }
    }

    public override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);
}
