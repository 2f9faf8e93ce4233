using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes.Records;

/// <summary>
/// How outcomes are measured for one treatment course: which instruments, for which condition (the analytics group the
/// course falls in), and every how many sessions besides baseline, end of course and 3, 6 and 12 months after
/// (<see cref="MeasurementPlan"/> holds the schedule rules).
/// </summary>
public sealed class CourseMeasurementPlan
{
    private CourseMeasurementPlan() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CourseId { get; private set; }
    public Guid PatientId { get; private set; }
    /// <summary>Condition group for analytics (<c>knee-oa</c>, <c>low-back-pain</c>, <c>mronj</c>).</summary>
    public string Condition { get; private set; } = "";
    /// <summary>Instrument ids, comma-separated, in the order they are offered.</summary>
    public string Instruments { get; private set; } = "";
    public int EveryNSessions { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public Instant CreatedAt { get; private set; }

    public IReadOnlyList<string> InstrumentIds => Instruments.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public MeasurementPlan Rules => new(EveryNSessions);

    public static CourseMeasurementPlan Create(Guid courseId, Guid patientId, string condition, IReadOnlyList<string> instrumentIds, int everyNSessions, string by, Instant at)
    {
        if (everyNSessions is < 1 or > 60)
            throw new DomainException("outcomes.plan-interval", "Measure every 1 to 60 sessions.", "everyNSessions");
        var ids = instrumentIds.Select(i => Outcomes.Instruments.Get(i).Id).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) throw new DomainException("outcomes.plan-instruments", "Choose at least one instrument.", "instruments");
        var group = Require.Text(condition, "condition", 40).ToLowerInvariant();
        return new CourseMeasurementPlan
        {
            CourseId = courseId, PatientId = patientId, Condition = group, Instruments = string.Join(',', ids), EveryNSessions = everyNSessions,
            CreatedBy = Require.Text(by, "by", 200), CreatedAt = at,
        };
    }
}
