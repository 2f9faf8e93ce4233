using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>A physician's progress note on an HBOT course. Auditors reject courses without one at least every 30 days (clinical-reference §4).</summary>
public sealed class HbotProgressNote
{
    private HbotProgressNote() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CourseId { get; private set; }
    public Guid PatientId { get; private set; }
    public LocalDate Date { get; private set; }
    public string Text { get; private set; } = "";
    public string WrittenBy { get; private set; } = "";
    public Instant WrittenAt { get; private set; }

    public static HbotProgressNote Write(Guid courseId, Guid patientId, LocalDate date, string text, string physician, Instant at) => new()
    {
        CourseId = courseId, PatientId = patientId, Date = date, Text = Require.Text(text, "text", 4000),
        WrittenBy = Require.Text(physician, "writtenBy", 200), WrittenAt = at,
    };
}

public enum ProgressNoteState { NotStarted, Current, DueSoon, Overdue }

/// <param name="DueOn">The date by which the next note must be written; null before the first session.</param>
public sealed record ProgressNoteStatus(ProgressNoteState State, LocalDate? DueOn, LocalDate? LastNote);

/// <summary>When the next progress note is due: 30 days after the last note, or after the first session when there is none.</summary>
public static class ProgressNoteSchedule
{
    public const int IntervalDays = 30;
    public const int WarnDaysBefore = 7;
    public const string Source = "clinical-reference §4 (courses without progress notes at least every 30 days are rejected)";

    public static ProgressNoteStatus Evaluate(LocalDate? firstSession, IEnumerable<LocalDate> noteDates, LocalDate today)
    {
        LocalDate? last = noteDates.Select(d => (LocalDate?)d).DefaultIfEmpty(null).Max();
        var from = last ?? firstSession;
        if (from is not { } start) return new(ProgressNoteState.NotStarted, null, last);
        var due = start.PlusDays(IntervalDays);
        var state = today > due ? ProgressNoteState.Overdue
            : today >= due.PlusDays(-WarnDaysBefore) ? ProgressNoteState.DueSoon
            : ProgressNoteState.Current;
        return new(state, due, last);
    }
}
