using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RegenClinic.Data;
using RegenClinic.Domain.Patients;
using RegenClinic.Patients;
using RegenClinic.Tests.TestKit;

namespace RegenClinic.Tests.Persistence;

/// <summary>The patient search and chart queries behave as documented and seek an index on both providers
/// (issue 9: "the plan of each hot query is checked").</summary>
public sealed class HotQueryTests
{
    private static readonly string[] ChartTables = ["Patients", "Conditions", "Medications", "Allergies", "Observations", "ImagingStudies", "Assessments", "Procedures", "AuditEntries"];

    private static async Task<(TestClinic Clinic, QueryPlans Plans, Dictionary<string, Guid> Ids)> ClinicWithPatientsAsync(Provider provider)
    {
        var plans = new QueryPlans();
        var clinic = await TestClinic.CreateAsync(provider, services => QueryPlans.Register(services, plans));
        await using (var scope = clinic.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDb>();
            db.Sites.Add(Domain.Clinic.Site.Create("AMS", "Test site", "Europe/Amsterdam", "NL"));
            await db.SaveChangesAsync();
        }
        var ids = new Dictionary<string, Guid>();
        foreach (var (family, given) in new[] { ("Müller", "Jan"), ("Muller", "Anna"), ("Mulder", "Piet"), ("Smit", "Jan"), ("Jansen", "Muller") })
        {
            await using var scope = clinic.Scope();
            var view = await scope.ServiceProvider.GetRequiredService<RegisterPatient>()
                .HandleAsync(new PatientDetails(family, given, new LocalDate(1960, 1, 2), Sex.Male));
            ids[$"{family} {given}"] = view.Id;
        }
        plans.Clear();
        return (clinic, plans, ids);
    }

    private static async Task<string[]> SearchAsync(TestClinic clinic, string text)
    {
        await using var scope = clinic.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<SearchPatients>().HandleAsync(new PatientQuery(text));
        return [.. page.Items.Select(i => i.FamilyName + " " + i.GivenName)];
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task NameSearch_OnProvider_MatchesPrefixesFoldingCaseAndDiacriticsInEitherOrder(Provider provider)
    {
        var (clinic, _, _) = await ClinicWithPatientsAsync(provider);
        await using var _ = clinic;

        Assert.Equal(["Muller Anna", "Müller Jan"], await SearchAsync(clinic, "muller"));
        Assert.Equal(["Mulder Piet", "Muller Anna", "Müller Jan"], await SearchAsync(clinic, "MUL"));
        Assert.Equal(["Müller Jan"], await SearchAsync(clinic, "jan müller"));
        Assert.Equal(["Jansen Muller"], await SearchAsync(clinic, "jansen m"));
        Assert.Empty(await SearchAsync(clinic, "ulle"));
    }

    [Theory]
    [MemberData(nameof(TestClinic.Providers), MemberType = typeof(TestClinic))]
    public async Task SearchAndChart_OnProvider_SeekIndexesInsteadOfScanningTables(Provider provider)
    {
        var (clinic, plans, ids) = await ClinicWithPatientsAsync(provider);
        await using var _ = clinic;

        await SearchAsync(clinic, "mul");
        await SearchAsync(clinic, "jan smit");
        await SearchAsync(clinic, "RC-000001");
        await using (var scope = clinic.Scope())
            await scope.ServiceProvider.GetRequiredService<ViewChart>().HandleAsync(ids["Smit Jan"], includeClinical: true);

        Assert.True(plans.Recorded.Count >= 10, $"only {plans.Recorded.Count} queries were explained");
        foreach (var table in ChartTables)
        {
            var scans = plans.FullScansOf(table).ToList();
            Assert.True(scans.Count == 0, $"{provider} scans {table}:\n" + string.Join("\n---\n", scans.Select(s => s.Sql + "\n=> " + s.Plan)));
        }
    }
}
