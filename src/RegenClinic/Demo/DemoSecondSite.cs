using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Clinic;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;
using RegenClinic.Staff;

namespace RegenClinic.Demo;

/// <summary>
/// A second site (Rotterdam) with a physician and a few patients of its own, so that site-level access control
/// can be seen: Amsterdam staff do not see these patients unless an Admin grants them the site or they break the glass.
/// </summary>
public static class DemoSecondSite
{
    public const string Code = "RTM";
    public const string PhysicianEmail = "physician-rtm@regenclinic.demo";
    public const int Patients = 4;

    public static async Task SeedAsync(ClinicDb db, ClinicTime time, UserManager<StaffUser> users, int firstRecordNumber, CancellationToken ct)
    {
        // The travel demo describes the Rotterdam centre for the public directory; its patients and physician come here.
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Code == Code, ct);
        if (site is null)
        {
            site = Site.Create(Code, "RegenClinic Rotterdam", "Europe/Amsterdam", "NL");
            db.Sites.Add(site);
        }
        (string Family, string Given, int Year, Sex Sex)[] people =
            [("Dekker", "Joris", 1961, Sex.Male), ("Mulder", "Femke", 1974, Sex.Female), ("Bos", "Ruud", 1958, Sex.Male), ("Vos", "Ilse", 1983, Sex.Female)];
        for (var i = 0; i < people.Length; i++)
        {
            var (family, given, year, sex) = people[i];
            var patient = Patient.Register(new PatientDetails(family, given, new LocalDate(year, 3 + i, 10 + i), sex, "010-5550" + (100 + i), null,
                "Coolsingel " + (10 + i) + ", Rotterdam", "nl"), RegisterPatient.RecordNumber(firstRecordNumber + i), site.Id, "demo seed", time.Now, time.Today);
            db.Patients.Add(patient);
            db.Conditions.Add(ConditionEntry.Record(patient.Id, new ConditionDetails("M17.1", "Unilateral primary osteoarthritis of knee",
                ClinicalStatus.Active, time.Today.PlusMonths(-8), null, "knee", null, null), "Dr. Mark de Boer", time.Now, time.Today));
        }
        await db.SaveChangesAsync(ct);
        var physician = new StaffUser { UserName = PhysicianEmail, Email = PhysicianEmail, EmailConfirmed = true, DisplayName = "Dr. Mark de Boer", SiteId = site.Id, Culture = "nl" };
        var created = await users.CreateAsync(physician, DemoClinic.DemoPassword);
        if (created.Succeeded) created = await users.AddToRoleAsync(physician, Roles.Physician);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await DemoClinic.EnrolDemoAuthenticatorAsync(users, physician);
    }
}
