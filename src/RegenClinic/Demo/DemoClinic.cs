using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;
using RegenClinic.Staff;

namespace RegenClinic.Demo;

public sealed record DemoStaff(string Email, string Name, string Role);

/// <summary>
/// Seeds a realistic demo clinic: one Amsterdam site, 4 monoplace chambers and a 12-seat multiplace chamber, two
/// procedure rooms, staff for every role, and patients drawn from <see cref="DemoProfiles"/>. Deterministic for a seed.
/// </summary>
public sealed class DemoClinic(ClinicDb db, ClinicActor actor, ClinicTime time, UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>Demo only: printed in the README, never used outside a seeded demo database.</summary>
    public const string DemoPassword = "RegenClinic-Demo-2026";

    public static readonly IReadOnlyList<DemoStaff> Staff =
    [
        new("admin@regenclinic.demo", "Anna de Vries", Roles.Admin),
        new("physician@regenclinic.demo", "Dr. Pieter Jansen", Roles.Physician),
        new("physician2@regenclinic.demo", "Dr. Sara Bakker", Roles.Physician),
        new("nurse@regenclinic.demo", "Eva Visser", Roles.Nurse),
        new("operator@regenclinic.demo", "Tom Smit", Roles.ChamberOperator),
        new("operator2@regenclinic.demo", "Noor el Amrani", Roles.ChamberOperator),
        new("frontdesk@regenclinic.demo", "Lisa Meijer", Roles.FrontDesk),
    ];

    private const int BatchSize = 2000;

    public Task<bool> IsSeededAsync(CancellationToken ct = default) => db.Sites.AnyAsync(ct);

    public async Task SeedAsync(int patients, IProgress<(int Done, int Total)>? progress = null, int seed = 2026, CancellationToken ct = default)
    {
        if (await IsSeededAsync(ct)) throw new InvalidOperationException("The database already holds a clinic; demo seeding needs an empty database.");
        actor.BulkOperation = "demo seed";
        try
        {
            var site = await SeedClinicAsync(ct);
            await SeedStaffAsync(site, ct);
            await SeedPatientsAsync(site, patients, seed, progress, ct);
            await DemoOutcomes.SeedAsync(db, time, seed, ct);
            await DemoHyperbaric.SeedAsync(db, time, ct);
            await new DemoInjections(db, actor, time).SeedAsync(ct);
            await DemoTravel.SeedAsync(db, time, ct);
            await new DemoScheduling(db, time, users).SeedAsync(ct);
            await DemoSecondSite.SeedAsync(db, time, users, patients + 1, ct);
        }
        finally
        {
            actor.BulkOperation = null;
        }
    }

    private async Task<Site> SeedClinicAsync(CancellationToken ct)
    {
        var site = Site.Create("AMS", "RegenClinic Amsterdam", "Europe/Amsterdam", "NL");
        db.Sites.Add(site);
        string[] tables = ["2.4-90", "2.0-90", "2.5-90-mono"];
        for (var i = 1; i <= 4; i++) db.Chambers.Add(Chamber.Create(site.Id, $"Mono {i}", ChamberKind.Monoplace, 1, 3.0m, tables));
        db.Chambers.Add(Chamber.Create(site.Id, "Multi 1", ChamberKind.Multiplace, 12, 6.0m, ["2.4-90", "2.0-90", "marx-20-10", "usn-tt6"]));
        db.Rooms.Add(Room.Create(site.Id, "Procedure room 1"));
        db.Rooms.Add(Room.Create(site.Id, "Procedure room 2"));
        await db.SaveChangesAsync(ct);
        return site;
    }

    private async Task SeedStaffAsync(Site site, CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));
        }
        foreach (var s in Staff)
        {
            var user = new StaffUser { UserName = s.Email, Email = s.Email, EmailConfirmed = true, DisplayName = s.Name, SiteId = site.Id, Culture = "en" };
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, s.Role));
            if (TwoFactorRules.Required([s.Role])) await EnrolDemoAuthenticatorAsync(users, user);
        }
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Demo only: a known authenticator key (README) so that the demo Admin and Physicians can pass the required second factor.</summary>
    public static async Task EnrolDemoAuthenticatorAsync(UserManager<StaffUser> users, StaffUser user)
    {
        Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoAuthenticator.Key));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private async Task SeedPatientsAsync(Site site, int count, int seed, IProgress<(int, int)>? progress, CancellationToken ct)
    {
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("nl");
        var today = time.Today;
        var now = time.Now;
        var chambers = await db.Chambers.Where(c => c.Kind == ChamberKind.Monoplace).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(ct);
        var rooms = await db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var hbotSlot = 0;
        var roomSlot = 0;
        for (var i = 0; i < count; i++)
        {
            var profile = DemoProfiles.All[i % DemoProfiles.All.Length];
            var patient = NewPatient(faker, site, i + 1, now, today);
            db.Patients.Add(patient);
            AddHistory(faker, patient, profile, now, today);
            // A fortnight of booked sessions for the first patients, so the dashboard and board have a real day.
            if (profile.Therapy == "hbot" && hbotSlot < chambers.Count * 4)
            {
                BookSeries(patient, site, "hbot", chambers[hbotSlot % chambers.Count], null, new LocalTime(8 + (hbotSlot / chambers.Count) * 2, 30), Duration.FromMinutes(120), today, now);
                hbotSlot++;
            }
            else if (profile.Therapy is "prolotherapy" or "ozone-injection" && roomSlot < rooms.Count * 6)
            {
                BookSeries(patient, site, profile.Therapy, null, rooms[roomSlot % rooms.Count], new LocalTime(9 + roomSlot / rooms.Count, 0), Duration.FromMinutes(45), today, now, every: 7);
                roomSlot++;
            }
            if ((i + 1) % BatchSize == 0 || i == count - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                progress?.Report((i + 1, count));
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private Patient NewPatient(Faker f, Site site, int n, Instant now, LocalDate today)
    {
        var sex = f.Random.Bool() ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
        var given = f.Name.FirstName(sex);
        var family = f.Name.LastName();
        var birth = today.PlusDays(-f.Random.Int(25 * 365, 85 * 365));
        var language = f.Random.WeightedRandom(["nl", "en", "de"], [0.6f, 0.3f, 0.1f]);
        var details = new PatientDetails(family, given, birth, sex == Bogus.DataSets.Name.Gender.Female ? Sex.Female : Sex.Male,
            f.Phone.PhoneNumber("06-########"), $"{given}.{family}@example.nl".Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(),
            $"{f.Address.StreetAddress()}, {f.Address.City()}", language,
            new HomePhysician($"Dr. {f.Name.LastName()}", $"Huisartsenpraktijk {f.Address.City()}", f.Phone.PhoneNumber("020-#######"), null));
        return Patient.Register(details, RegisterPatient.RecordNumber(n), site.Id, actor.Name, now, today);
    }

    private void AddHistory(Faker f, Patient p, DemoProfile profile, Instant now, LocalDate today)
    {
        var by = "Dr. Pieter Jansen";
        foreach (var c in profile.Conditions)
        {
            var onset = today.PlusMonths(-c.OnsetMonthsAgo).PlusDays(-f.Random.Int(0, 20));
            db.Conditions.Add(ConditionEntry.Record(p.Id, new ConditionDetails(c.Code, c.Display, c.Status, onset,
                c.Status == ClinicalStatus.Resolved ? onset.PlusMonths(2) : null, c.BodySite, c.StageSystem, c.Stage), by, now, today));
            if (c.StageSystem is not null || c.Code.StartsWith("M51", StringComparison.Ordinal))
            {
                db.ImagingStudies.Add(ImagingStudyEntry.Record(p.Id, new ImagingDetails(
                    c.Code.StartsWith("M87.1", StringComparison.Ordinal) ? ImagingModality.CT : ImagingModality.MR,
                    onset.PlusDays(10) > today ? today : onset.PlusDays(10), c.BodySite ?? "unspecified",
                    $"Findings consistent with {c.Display.ToLowerInvariant()}.", c.StageSystem, c.Stage), by, now, today));
            }
        }
        foreach (var m in profile.Medications)
        {
            var start = today.PlusMonths(-m.StartMonthsAgo).PlusDays(-f.Random.Int(1, 20));
            LocalDate? end = m.StoppedMonthsAgo is { } stopped ? today.PlusMonths(-stopped) : null;
            db.Medications.Add(MedicationEntry.Record(p.Id, new MedicationDetails(m.Atc, m.Display, m.Status, m.Dose, start, end), by, now, today));
        }
        foreach (var a in profile.Allergies)
        {
            db.Allergies.Add(AllergyEntry.Record(p.Id, new AllergyDetails(a, a == "Lidocaine" ? "N01BB02" : null, "Urticaria", AllergyCriticality.Low), by, now));
        }
        var measured = now - Duration.FromDays(f.Random.Int(1, 20));
        db.Observations.Add(Vital(p, "8310-5", "Body temperature", Math.Round(f.Random.Decimal(36.2m, 37.3m), 1), "Cel", measured, by, now));
        db.Observations.Add(Vital(p, "8867-4", "Heart rate", f.Random.Int(58, 92), "/min", measured, by, now));
        db.Observations.Add(Vital(p, "8480-6", "Systolic blood pressure", f.Random.Int(110, 150), "mm[Hg]", measured, by, now));
        db.Observations.Add(Vital(p, "8462-4", "Diastolic blood pressure", f.Random.Int(65, 92), "mm[Hg]", measured, by, now));
        foreach (var lab in profile.Labs)
        {
            db.Observations.Add(ObservationEntry.Record(p.Id, new ObservationDetails(lab.Loinc, lab.Display, ObservationCategory.Laboratory,
                now - Duration.FromDays(lab.DaysAgo), lab.Value, lab.Unit), by, now));
        }
        var pain = f.Random.Int(4, 9);
        db.Assessments.Add(AssessmentEntry.Record(p.Id, new AssessmentDetails(today.PlusDays(-f.Random.Int(1, 30)),
            $"Referred for {profile.Name.ToLowerInvariant()}. Symptoms for {profile.Conditions[0].OnsetMonthsAgo + 1} months.",
            "General condition good. Focused examination of the affected region documented.", pain,
            profile.Therapy is null ? null : $"Screen for {profile.Therapy}."), by, now, today));
        db.Observations.Add(ObservationEntry.Record(p.Id, new ObservationDetails("72514-3", "Pain severity 0-10 verbal numeric rating",
            ObservationCategory.Survey, measured, pain, "{score}"), by, now));
    }

    private static ObservationEntry Vital(Patient p, string loinc, string display, decimal value, string unit, Instant at, string by, Instant now) =>
        ObservationEntry.Record(p.Id, new ObservationDetails(loinc, display, ObservationCategory.VitalSigns, at, value, unit), by, now);

    private void BookSeries(Patient p, Site site, string therapy, Guid? chamber, Guid? room, LocalTime start, Duration length, LocalDate today, Instant now, int every = 1)
    {
        var date = today;
        for (var booked = 0; booked < (every == 1 ? 10 : 3);)
        {
            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                var from = time.ToInstant(date + start);
                db.Appointments.Add(Appointment.Book(p.Id, site.Id, therapy, chamber, room, new Interval(from, from + length), actor.Name, now));
                booked++;
                date = date.PlusDays(every);
            }
            else
            {
                date = date.PlusDays(1);
            }
        }
    }
}
