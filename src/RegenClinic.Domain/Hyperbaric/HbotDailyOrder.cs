using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>A physician's signed order for one day's session(s) of an HBOT course; the checklist requires it (clinical-reference §4).</summary>
public sealed class HbotDailyOrder
{
    private HbotDailyOrder() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CourseId { get; private set; }
    public Guid PatientId { get; private set; }
    public LocalDate Date { get; private set; }
    public string? Note { get; private set; }
    public string SignedBy { get; private set; } = "";
    public Instant SignedAt { get; private set; }

    public static HbotDailyOrder Sign(Guid courseId, Guid patientId, LocalDate date, string? note, string physician, Instant at) => new()
    {
        CourseId = courseId, PatientId = patientId, Date = date, Note = Require.OptionalText(note, "note", 1000),
        SignedBy = Require.Text(physician, "signedBy", 200), SignedAt = at,
    };
}
