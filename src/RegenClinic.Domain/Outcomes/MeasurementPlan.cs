using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Outcomes;

/// <summary>The dates of one course of treatment that outcome measurement is planned around.</summary>
/// <param name="SessionDates">Planned or held session dates, in any order; duplicates count as separate sessions.</param>
public sealed record CourseDates(LocalDate Start, LocalDate End, IReadOnlyList<LocalDate> SessionDates);

public enum MeasurementPointKind
{
    Baseline,
    DuringCourse,
    EndOfCourse,
    FollowUp,
}

public enum MeasurementStatus
{
    NotYetDue,
    Due,
    Overdue,
    Completed,
}

/// <summary>One planned measurement: due on <see cref="DueOn"/>, open from <see cref="WindowOpens"/>, overdue after
/// <see cref="WindowCloses"/>.</summary>
/// <param name="Key">Stable key: <c>baseline</c>, <c>session-5</c>, <c>end-of-course</c>, <c>month-3</c>.</param>
public sealed record MeasurementPoint(string Key, MeasurementPointKind Kind, LocalDate DueOn, LocalDate WindowOpens, LocalDate WindowCloses)
{
    public MeasurementStatus StatusAt(LocalDate date, bool completed) =>
        completed ? MeasurementStatus.Completed
        : date < WindowOpens ? MeasurementStatus.NotYetDue
        : date <= WindowCloses ? MeasurementStatus.Due
        : MeasurementStatus.Overdue;
}

/// <summary>When outcomes are measured in a course: a baseline, every N sessions, at the end of the course, and 3, 6
/// and 12 months after it.</summary>
/// <remarks>Windows are a house decision (the issue names the time points, not their tolerance): the baseline opens 14
/// days before the course starts and is overdue once the course has started (a baseline taken after treatment is not a
/// baseline); an in-course measurement is due on the session that completes each block of N and overdue 7 days later;
/// the end-of-course measurement is due on the last day of the course and overdue 14 days later; follow-ups open 14 days
/// before and close 14 days after the anniversary of the course end.</remarks>
public sealed record MeasurementPlan(int EveryNSessions)
{
    public const int FollowUpWindowDays = 14;
    public const int InCourseWindowDays = 7;
    public static readonly IReadOnlyList<int> FollowUpMonths = [3, 6, 12];

    public IReadOnlyList<MeasurementPoint> Schedule(CourseDates course)
    {
        if (EveryNSessions < 1)
        {
            throw new DomainException("outcomes.plan-interval", "A measurement plan needs an interval of at least 1 session.", nameof(EveryNSessions));
        }
        if (course.End < course.Start)
        {
            throw new DomainException("outcomes.course-dates", $"The course ends ({course.End}) before it starts ({course.Start}).", "course.end");
        }
        var points = new List<MeasurementPoint>
        {
            new("baseline", MeasurementPointKind.Baseline, course.Start, course.Start.PlusDays(-FollowUpWindowDays), course.Start),
        };
        var sessions = course.SessionDates.Order().ToArray();
        // The last session is already covered by the end-of-course measurement.
        for (var n = EveryNSessions; n < sessions.Length; n += EveryNSessions)
        {
            var date = sessions[n - 1];
            points.Add(new($"session-{n}", MeasurementPointKind.DuringCourse, date, date, date.PlusDays(InCourseWindowDays)));
        }
        points.Add(new("end-of-course", MeasurementPointKind.EndOfCourse, course.End, course.End, course.End.PlusDays(FollowUpWindowDays)));
        foreach (var months in FollowUpMonths)
        {
            var due = course.End.PlusMonths(months);
            points.Add(new($"month-{months}", MeasurementPointKind.FollowUp, due, due.PlusDays(-FollowUpWindowDays), due.PlusDays(FollowUpWindowDays)));
        }
        return points;
    }

    /// <summary>Every point with its status at <paramref name="date"/>; <paramref name="completedKeys"/> are the points already measured.</summary>
    public IReadOnlyList<(MeasurementPoint Point, MeasurementStatus Status)> StatusAt(
        CourseDates course, LocalDate date, IReadOnlySet<string> completedKeys) =>
        Schedule(course).Select(p => (p, p.StatusAt(date, completedKeys.Contains(p.Key)))).ToArray();
}
