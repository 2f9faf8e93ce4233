using NodaTime;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Patients;

namespace RegenClinic.Domain.Outcomes.Records;

/// <summary>A joint replacement or other surgery on the treated region after (or instead of) a course: the event of the
/// "time to joint replacement or surgery" curve. A chart entry, so it is amended or voided, never deleted.</summary>
public sealed class SurgeryEvent : ChartEntry
{
    private SurgeryEvent() { }

    public LocalDate Date { get; private set; }
    public string Procedure { get; private set; } = "";
    public bool JointReplacement { get; private set; }
    public Guid? CourseId { get; private set; }

    public static SurgeryEvent Record(Guid patientId, LocalDate date, string procedure, bool jointReplacement, Guid? courseId, string by, Instant at, LocalDate today)
    {
        if (date > today) throw new DomainException("date.future", "The surgery date cannot be in the future.", "date");
        var entry = new SurgeryEvent
        {
            Date = date, Procedure = Require.Text(procedure, "procedure", 200), JointReplacement = jointReplacement, CourseId = courseId,
        };
        entry.Stamp(patientId, by, at);
        return entry;
    }
}
