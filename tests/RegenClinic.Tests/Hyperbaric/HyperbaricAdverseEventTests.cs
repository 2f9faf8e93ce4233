using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class HyperbaricAdverseEventTests
{
    private static readonly Instant T0 = Instant.FromUtc(2027, 1, 4, 10, 0);

    private static HyperbaricAdverseEvent Event(HyperbaricAdverseEventType type, AdverseEventSeverity severity = AdverseEventSeverity.Mild, ONeillGrade? grade = null, Instant? at = null) =>
        new(type, AdverseEventTiming.DuringDive, severity, at ?? T0, "O2 stopped, observed", "nurse-c", grade);

    [Theory]
    [InlineData(ONeillGrade.Grade0, false)]
    [InlineData(ONeillGrade.Grade2, false)]
    [InlineData(ONeillGrade.Grade3, true)]
    public void PausesCourse_EarBarotrauma_OnlyAtONeill3(ONeillGrade grade, bool pauses) =>
        Assert.Equal(pauses, Event(HyperbaricAdverseEventType.MiddleEarBarotrauma, grade: grade).PausesCourse);

    [Theory]
    [InlineData(HyperbaricAdverseEventType.Seizure, true)]
    [InlineData(HyperbaricAdverseEventType.PulmonarySymptoms, true)]
    [InlineData(HyperbaricAdverseEventType.CnsOxygenToxicity, false)]
    [InlineData(HyperbaricAdverseEventType.ConfinementAnxiety, false)]
    [InlineData(HyperbaricAdverseEventType.VisionChange, false)]
    [InlineData(HyperbaricAdverseEventType.Hypoglycaemia, false)]
    [InlineData(HyperbaricAdverseEventType.SinusSqueeze, false)]
    public void PausesCourse_MildEvents_OnlySeizureAndPulmonary(HyperbaricAdverseEventType type, bool pauses) =>
        Assert.Equal(pauses, Event(type).PausesCourse);

    [Fact]
    public void PausesCourse_AnySevereEvent_Pauses() =>
        Assert.True(Event(HyperbaricAdverseEventType.Hypoglycaemia, AdverseEventSeverity.Severe).PausesCourse);

    [Fact]
    public void Constructor_BarotraumaWithoutGrade_Refused() =>
        Assert.Equal("adverse-event.oneill-grade-required", Assert.Throws<DomainException>(() => Event(HyperbaricAdverseEventType.MiddleEarBarotrauma)).Code);

    [Fact]
    public void Constructor_GradeOnOtherEvent_Refused() =>
        Assert.Equal("adverse-event.oneill-grade-not-applicable", Assert.Throws<DomainException>(() => Event(HyperbaricAdverseEventType.SinusSqueeze, grade: ONeillGrade.Grade1)).Code);

    [Fact]
    public void Constructor_GradeOutside0To3_Refused() =>
        Assert.Equal("adverse-event.oneill-grade-invalid", Assert.Throws<DomainException>(() => Event(HyperbaricAdverseEventType.MiddleEarBarotrauma, grade: (ONeillGrade)4)).Code);

    [Fact]
    public void CoursePause_SeizureWithoutClearance_Paused_ClearedAfterward_Resumes()
    {
        var seizure = Event(HyperbaricAdverseEventType.Seizure);
        var paused = CoursePause.Evaluate([seizure], []);
        Assert.True(paused.IsPaused);
        Assert.Contains("Seizure", Assert.Single(paused.Reasons), StringComparison.Ordinal);

        var cleared = CoursePause.Evaluate([seizure], [new PhysicianClearance(T0 + Duration.FromDays(1), "dr-jansen", "EEG normal, resume at 2.0 ATA")]);
        Assert.False(cleared.IsPaused);
    }

    [Fact]
    public void CoursePause_ClearanceBeforeTheEvent_DoesNotClearIt()
    {
        var status = CoursePause.Evaluate(
            [Event(HyperbaricAdverseEventType.Seizure, at: T0 + Duration.FromDays(2))],
            [new PhysicianClearance(T0, "dr-jansen", "earlier clearance")]);
        Assert.True(status.IsPaused);
    }
}
