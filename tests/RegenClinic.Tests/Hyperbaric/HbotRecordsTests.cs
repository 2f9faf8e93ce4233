using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Hyperbaric;
using RegenClinic.Hyperbaric;
using ClinicChamberKind = RegenClinic.Domain.Clinic.ChamberKind;

namespace RegenClinic.Tests.Hyperbaric;

public sealed class HbotRecordsTests
{
    private static readonly Instant T0 = Instant.FromUtc(2027, 1, 4, 9, 0);
    private static readonly LocalDate Day = new(2027, 1, 4);

    private static DiveOccupant Occupant() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1);

    private static Instant Min(double minutes) => T0 + Duration.FromSeconds(minutes * 60);

    [Theory]
    [InlineData(22, ProgressNoteState.Current)]
    [InlineData(23, ProgressNoteState.DueSoon)]
    [InlineData(30, ProgressNoteState.DueSoon)]
    [InlineData(31, ProgressNoteState.Overdue)]
    public void ProgressNotes_DaysSinceFirstSession_FlagDueAndOverdueAt30Days(int days, ProgressNoteState expected)
    {
        var status = ProgressNoteSchedule.Evaluate(Day, [], Day.PlusDays(days));

        Assert.Equal(expected, status.State);
        Assert.Equal(Day.PlusDays(30), status.DueOn);
    }

    [Fact]
    public void ProgressNotes_LatestNote_RestartsThe30Days()
    {
        var status = ProgressNoteSchedule.Evaluate(Day, [Day.PlusDays(25), Day.PlusDays(10)], Day.PlusDays(40));

        Assert.Equal(ProgressNoteState.Current, status.State);
        Assert.Equal(Day.PlusDays(55), status.DueOn);
    }

    [Fact]
    public void ProgressNotes_NoSessionYet_AreNotDue() =>
        Assert.Equal(ProgressNoteState.NotStarted, ProgressNoteSchedule.Evaluate(null, [], Day).State);

    [Theory]
    [InlineData("E11.9", true)]
    [InlineData("E10.65", true)]
    [InlineData("E08", true)]
    [InlineData("E13.9", true)]
    [InlineData("E07.9", false)]
    [InlineData("E14", false)]
    [InlineData("I10", false)]
    public void DiabetesCode_ICD10CM_E08ToE13(string code, bool diabetic) => Assert.Equal(diabetic, RecordChecklist.IsDiabetesCode(code));

    [Fact]
    public void Dive_Multiplace_NeedsAnAttendant()
    {
        var ex = Assert.Throws<DomainException>(() =>
            HbotDive.Plan(Guid.NewGuid(), ClinicChamberKind.Multiplace, 12, TreatmentTables.Elective24, Day, "op", null, Occupant(), T0));
        Assert.Equal("dive.attendant-required", ex.Code);
    }

    [Fact]
    public void Dive_Monoplace_TakesOneOccupantOnly()
    {
        var dive = HbotDive.Plan(Guid.NewGuid(), ClinicChamberKind.Monoplace, 1, TreatmentTables.Elective24, Day, "op", "ignored", Occupant(), T0);

        Assert.Null(dive.Attendant);
        Assert.Equal("dive.full", Assert.Throws<DomainException>(() => dive.Join(Occupant(), 1)).Code);
    }

    [Fact]
    public void Dive_Multiplace_LogsEveryOccupantUntilCompressionStarts()
    {
        var dive = HbotDive.Plan(Guid.NewGuid(), ClinicChamberKind.Multiplace, 12, TreatmentTables.Elective24, Day, "op", "att", Occupant(), T0);
        dive.Join(Occupant(), 12);
        dive.Record(new DiveEvent(DivePhase.CompressionStart, T0, Ata.Surface));

        Assert.Equal(2, dive.Occupants.Count);
        Assert.Equal("dive.already-started", Assert.Throws<DomainException>(() => dive.Join(Occupant(), 12)).Code);
    }

    // 2.4-90: 100 min from arrival (minute 15) to the start of decompression (3 × 30 O2 + 2 × 5 air), plus 2 min grace.
    [Theory]
    [InlineData(15 + 100 + 2 - 0.5, false)]
    [InlineData(15 + 100 + 2 + 0.5, true)]
    public void LiveAlarms_TimeAtPressure_BothSidesOfPrescribedPlusGrace(double minutesNow, bool alarm)
    {
        var dive = HbotDive.Plan(Guid.NewGuid(), ClinicChamberKind.Monoplace, 1, TreatmentTables.Elective24, Day, "op", null, Occupant(), T0);
        dive.Record(new DiveEvent(DivePhase.CompressionStart, Min(0), Ata.Surface));
        dive.Record(new DiveEvent(DivePhase.AtPressure, Min(15), new Ata(2.4)));

        var alarms = RecordDivePhase.Alarms(dive, TreatmentTables.Elective24, ClinicChamberKind.Monoplace, ChamberAlarmLimits.Default, Min(minutesNow));

        Assert.Equal(alarm, alarms.Any(a => a.Kind == ChamberAlarmKind.TimeAtPressureExceeded));
    }

    // 2.4-90 allows 1.4 ATA in 10 min (0.14 ATA/min) + 20 % tolerance = 0.168 ATA/min: 8 min is 0.175, 9 min is 0.156.
    [Theory]
    [InlineData(8, true)]
    [InlineData(9, false)]
    public void LiveAlarms_Compression_BothSidesOfTheTableRate(double compressionMinutes, bool alarm) =>
        Assert.Equal(alarm, AlarmsForCompression(compressionMinutes).Any(a => a.Kind == ChamberAlarmKind.CompressionTooFast));

    private static IReadOnlyList<ChamberAlarm> AlarmsForCompression(double minutes)
    {
        var dive = HbotDive.Plan(Guid.NewGuid(), ClinicChamberKind.Monoplace, 1, TreatmentTables.Elective24, Day, "op", null, Occupant(), T0);
        dive.Record(new DiveEvent(DivePhase.CompressionStart, Min(0), Ata.Surface));
        dive.Record(new DiveEvent(DivePhase.AtPressure, Min(minutes), new Ata(2.4)));
        return RecordDivePhase.Alarms(dive, TreatmentTables.Elective24, ClinicChamberKind.Monoplace, ChamberAlarmLimits.Default, Min(minutes + 1));
    }

    [Fact]
    public void TelemetryPhases_SimulatedElective24_ReadsThePressurePhasesAndTheTablePattern()
    {
        var samples = ChamberSimulator.Simulate(TreatmentTables.Elective24, RegenClinic.Domain.Hyperbaric.ChamberKind.Multiplace, T0, 3, SimulatedFaults.None);

        var events = TelemetryDive.Phases(samples, TreatmentTables.Elective24);
        var log = DiveLog.FromEvents("2.4-90", "op", "att", events);

        Assert.True(log.IsComplete);
        Assert.Equal(
            [DivePhase.CompressionStart, DivePhase.AtPressure, DivePhase.OxygenPeriodStart, DivePhase.AirBreakStart, DivePhase.OxygenPeriodStart,
                DivePhase.AirBreakStart, DivePhase.OxygenPeriodStart, DivePhase.DecompressionStart, DivePhase.Surface],
            events.Select(e => e.Phase));
        // Hand figure: 90 min O2 at 2.4 ATA = 90 × 3.04 = 273.6 OTU; the O2 ascent 2.4→1.0 ATA over 10 min integrates to
        // 10 × (3/11)(3.8^(11/6) − 1)/1.4 = 20.6 OTU; air breaks at PO2 0.504 add 0.2: 294.4 OTU, ±2 % for sensor noise and sampling.
        var otu = OxygenDose.Otu(TelemetryDive.Profile(samples, events)).Value;
        Assert.InRange(otu, 288.5, 300.3);
    }

    [Fact]
    public void TelemetryPhases_NeverReachingTablePressure_IsRefused()
    {
        var samples = new List<TelemetrySample>();
        for (var i = 0; i < 60; i++) samples.Add(new TelemetrySample(T0 + Duration.FromSeconds(5 * i), new Ata(1.0 + Math.Min(i, 30) * 0.02), 21));

        Assert.Equal("telemetry.incomplete", Assert.Throws<DomainException>(() => TelemetryDive.Phases(samples, TreatmentTables.Elective24)).Code);
    }

    [Fact]
    public void ChecklistRecord_Override_UnblocksOnlyWithAReasonAndNotAfterTheDive()
    {
        var input = new PreDiveChecklistInput(Day, new Vitals(120, 80, 70, 98, true), 38.2m, true, false, null, [], true, true, true, 0, 20,
            new ScreeningRerun(Day, true));
        var record = PreDiveChecklistRecord.Record(Guid.NewGuid(), Guid.NewGuid(), input, PreDiveChecklistSettings.Default, "nurse", T0);
        Assert.False(record.CanPressurise);
        Assert.Equal("checklist.blocked", Assert.Throws<DomainException>(() => record.AdmitTo(Guid.NewGuid())).Code);
        Assert.Equal("checklist.override-reason-required",
            Assert.Throws<DomainException>(() => record.Override(ChecklistItem.Temperature, "dr", "  ", T0)).Code);

        record.Override(ChecklistItem.Temperature, "dr", "Rechecked 37.3 °C", T0);
        record.AdmitTo(Guid.NewGuid());

        Assert.True(record.CanPressurise);
        Assert.Equal("checklist.already-used", Assert.Throws<DomainException>(() => record.Override(ChecklistItem.Vitals, "dr", "x", T0)).Code);
    }

    [Fact]
    public void AdverseEventRecord_Clear_NeedsAPausingEventAndAReason()
    {
        var seizure = HbotAdverseEventRecord.Record(Guid.NewGuid(), Guid.NewGuid(), null,
            new HyperbaricAdverseEvent(HyperbaricAdverseEventType.Seizure, AdverseEventTiming.DuringDive, AdverseEventSeverity.Moderate, T0, "O2 off", "op"));
        var anxiety = HbotAdverseEventRecord.Record(Guid.NewGuid(), Guid.NewGuid(), null,
            new HyperbaricAdverseEvent(HyperbaricAdverseEventType.ConfinementAnxiety, AdverseEventTiming.DuringDive, AdverseEventSeverity.Mild, T0, "talked down", "op"));

        Assert.NotNull(seizure.PauseReason);
        Assert.Equal("adverse-event.not-pausing", Assert.Throws<DomainException>(() => anxiety.Clear("dr", "fine", T0)).Code);
        Assert.Equal("field.required", Assert.Throws<DomainException>(() => seizure.Clear("dr", "", T0)).Code);
        seizure.Clear("dr", "EEG normal", T0 + Duration.FromHours(2));
        Assert.False(CoursePause.Evaluate([], [seizure.Clearance!]).IsPaused);
    }
}
