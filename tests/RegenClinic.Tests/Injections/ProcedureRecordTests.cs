using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;

namespace RegenClinic.Tests.Injections;

public sealed class ProcedureRecordTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 20, 9, 0);
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly Guid Course = Guid.NewGuid();

    private static ProcedureRecord Record(decimal volume, Instant? at = null) =>
        ProcedureRecord.Chart(Patient, Course, 1, ProcedureFamily.Prolotherapy, "prolotherapy", new LocalDate(2026, 11, 20), At, "nurse", "{}", null, volume,
            $"{volume} mL", "prolo-limits-2026-1", [], [], "nurse", at ?? At + Duration.FromMinutes(5));

    [Fact]
    public void AmendWith_Reason_OriginalSupersededAndUnchangedNewVersionLinked()
    {
        var original = Record(7m);
        var amendment = Record(6m, At + Duration.FromHours(1));

        original.AmendWith(amendment, "Intra-articular volume was 5 mL.");

        Assert.False(original.IsCurrent);
        Assert.Equal(7m, original.TotalVolumeMl);
        Assert.Equal(original.Id, amendment.Amends);
        Assert.Equal(1, amendment.SessionIndex);
        Assert.True(amendment.IsCurrent);
    }

    [Fact]
    public void AmendWith_NoReason_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Record(7m).AmendWith(Record(6m), " "));
        Assert.Equal("amendReason", ex.Field);
    }

    [Fact]
    public void AmendWith_AlreadySuperseded_Throws()
    {
        var original = Record(7m);
        original.AmendWith(Record(6m), "First correction.");
        Assert.Equal("procedure.not-current", Assert.Throws<DomainException>(() => original.AmendWith(Record(5m), "Second correction.")).Code);
    }

    [Fact]
    public void Void_Twice_SecondThrows()
    {
        var record = Record(7m);
        record.Void("physician", "Wrong patient.", At + Duration.FromHours(2));
        Assert.False(record.IsCurrent);
        Assert.Equal("procedure.already-voided", Assert.Throws<DomainException>(() => record.Void("physician", "Again.", At)).Code);
    }

    [Fact]
    public void Chart_PerformedAfterRecording_Throws() =>
        Assert.Equal("date.future", Assert.Throws<DomainException>(() => Record(7m, At - Duration.FromMinutes(1))).Code);

    [Fact]
    public void FollowUp_CompletedWithNote_DoneAndSecondCompletionThrows()
    {
        var task = FollowUpTask.Create(Guid.NewGuid().ToString(), At, FollowUpKind.Call, FollowUpRule.Default);
        var followUp = ProcedureFollowUp.For(Patient, task);
        Assert.Equal(FollowUpStatus.NotYetDue, followUp.StatusAt(At + Duration.FromHours(47)));
        Assert.Equal(FollowUpStatus.Due, followUp.StatusAt(At + Duration.FromHours(72)));
        Assert.Equal(FollowUpStatus.Overdue, followUp.StatusAt(At + Duration.FromHours(73)));

        followUp.Complete("nurse", "No complaints.", At + Duration.FromHours(50));

        Assert.Equal(FollowUpStatus.Done, followUp.StatusAt(At + Duration.FromHours(80)));
        Assert.Equal("follow-up.already-done", Assert.Throws<DomainException>(() => followUp.Complete("nurse", "Again.", At)).Code);
    }

    [Fact]
    public void AdverseEventRecord_AnaphylaxisGradedMild_Throws()
    {
        var report = new AdverseEventReport(Guid.NewGuid().ToString(), "anaphylaxis", At, At + Duration.FromMinutes(10), AdverseEventSeverity.Mild,
            [AdverseEventAction.EmergencyTreatment], "nurse");
        Assert.Equal("adverse-event.severity-below-minimum", Assert.Throws<DomainException>(() => AdverseEventRecord.Record(Patient, report, At)).Code);
    }

    [Fact]
    public void StoredPreset_BuiltIn_CannotBeEditedButCopyCanAndVersionRises()
    {
        var builtIn = StoredPreset.FromBuiltIn(ProtocolPresets.Find("prolo-knee-oa-rabago-2013")!, At);
        Assert.Equal("preset.built-in", Assert.Throws<DomainException>(() => builtIn.Edit(builtIn.Preset, "admin", At)).Code);

        var copy = StoredPreset.CopyOf(builtIn, "clinic-knee", "admin", At);
        copy.Edit(copy.Preset with { NameEn = "Clinic knee OA" }, "admin", At);

        Assert.Equal(2, copy.Version);
        Assert.Equal("Clinic knee OA", copy.Preset.NameEn);
        Assert.Equal("prolo-knee-oa-rabago-2013", copy.CopiedFrom);
        copy.Retire("admin", At);
        Assert.Equal("preset.retired", Assert.Throws<DomainException>(() => copy.Edit(copy.Preset, "admin", At)).Code);
    }

    [Fact]
    public void StoredPreset_EditBreakingSpacing_ThrowsAndKeepsVersion()
    {
        var copy = StoredPreset.CopyOf(StoredPreset.FromBuiltIn(ProtocolPresets.Find("prolo-knee-oa-rabago-2013")!, At), "clinic-knee", "admin", At);
        var broken = copy.Preset with { SessionWeeks = [1, 2, 3], OptionalSessionWeeks = [], MaxSessions = 3 }; // 7 days apart, preset says 28

        Assert.Equal("preset.spacing", Assert.Throws<DomainException>(() => copy.Edit(broken, "admin", At)).Code);
        Assert.Equal(1, copy.Version);
    }
}
