using NodaTime;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class AdverseEventTests
{
    private static readonly Instant Procedure = Instant.FromUtc(2026, 11, 20, 9, 0);

    private static AdverseEventReport Report(string code, AdverseEventSeverity severity, Instant? onset = null, AdverseEventAction[]? actions = null) =>
        new("proc-1", code, Procedure, onset ?? Procedure + Duration.FromHours(2), severity, actions ?? [AdverseEventAction.ObservationOnly], "nurse-1");

    [Fact]
    public void Catalogue_CoversIssueList()
    {
        string[] expected = ["post-injection-flare", "infection", "allergic-reaction", "anaphylaxis", "vasovagal-episode", "bruising",
            "nerve-injury", "gas-embolism-or-stroke", "harvest-site-pain", "harvest-site-haematoma"];
        Assert.All(expected, code => Assert.NotNull(AdverseEventCatalog.Find(code)));
    }

    [Fact]
    public void HarvestSiteEvents_OfferedForAutologousCellTherapyOnly()
    {
        Assert.Contains(AdverseEventCatalog.ForTherapy("cell-therapy-bmac"), e => e.Code == "harvest-site-haematoma");
        Assert.DoesNotContain(AdverseEventCatalog.ForTherapy("prolotherapy"), e => e.Code == "harvest-site-haematoma");
        Assert.DoesNotContain(AdverseEventCatalog.ForTherapy("cell-therapy-allogeneic"), e => e.Code == "harvest-site-pain");
    }

    [Theory]
    [InlineData(AdverseEventSeverity.Moderate, true)]
    [InlineData(AdverseEventSeverity.Severe, false)]
    public void Anaphylaxis_IsAtLeastSevere(AdverseEventSeverity severity, bool invalid)
    {
        var findings = AdverseEventCatalog.Check(Report("anaphylaxis", severity, actions: [AdverseEventAction.EmergencyTreatment]));
        Assert.Equal(invalid, findings.Any(f => f.Code == "adverse-event.severity-below-minimum"));
    }

    [Fact]
    public void MildFlare_WithAction_HasNoFindings() =>
        Assert.Empty(AdverseEventCatalog.Check(Report("post-injection-flare", AdverseEventSeverity.Mild)));

    [Fact]
    public void Report_OnsetBeforeProcedure_NoAction_Unknown_AreInvalid()
    {
        Assert.Contains(AdverseEventCatalog.Check(Report("bruising", AdverseEventSeverity.Mild, Procedure - Duration.FromMinutes(1))), f => f.Code == "adverse-event.onset-before-procedure");
        Assert.Contains(AdverseEventCatalog.Check(Report("bruising", AdverseEventSeverity.Mild, actions: [])), f => f.Code == "adverse-event.action-missing");
        Assert.Contains(AdverseEventCatalog.Check(Report("headache", AdverseEventSeverity.Mild)), f => f.Code == "adverse-event.unknown");
    }

    [Fact]
    public void SevereEvent_AddsNotifyPhysicianCaution()
    {
        var findings = AdverseEventCatalog.Check(Report("gas-embolism-or-stroke", AdverseEventSeverity.LifeThreatening, actions: [AdverseEventAction.HospitalTransfer]));
        var caution = Assert.Single(findings);
        Assert.Equal("adverse-event.notify-physician", caution.Code);
        Assert.False(caution.Blocks);
    }
}
