namespace RegenClinic.Scheduling;

/// <summary>Places one whole course on a <see cref="Calendar"/> the way a coordinator would: the earliest start day
/// from release, then each session at the earliest time that fits (the previous day's time first).</summary>
internal static class CoursePlacer
{
    /// <summary>Grid value meaning: chamber sessions on the dive timetable where the patient can come then (<see cref="Calendar.Starts"/>).</summary>
    internal const int Slotted = 0;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SchedulingProblem, object> Anchors = new();

    /// <summary>Where the dive timetable starts (a dive every <c>L</c> minutes from it, <c>L</c> = the longest chamber
    /// treatment). Anchoring it at the earliest opening hides times from patients who can only come in part of the day
    /// (07:30 + 2 h steps gives a patient free 08:00–12:30 one dive instead of two, one free 12:00–18:30 two instead of
    /// three), so the anchor is the quarter hour in the first <c>L</c> minutes after the earliest opening at which the
    /// timetable offers the most (priority-weighted) dive times inside chamber patients' availability; the earliest
    /// such anchor on ties. Cached per problem: the calendar and the CP model must agree on it.</summary>
    internal static int DiveAnchor(SchedulingProblem p) => (int)Anchors.GetValue(p, ComputeAnchor);

    private static object ComputeAnchor(SchedulingProblem p)
    {
        var opening = p.Open.Where(o => o is not null).Select(o => o!.Value.Start).DefaultIfEmpty(0).Min();
        var slot = p.Treatments.Where(t => t.Table >= 0).Select(t => t.Minutes).DefaultIfEmpty(60).Max();
        var chamberCourses = p.Courses.Where(c => p.Treatments[c.Treatment].Table >= 0).ToList();
        var (best, bestScore) = (opening, -1L);
        for (var anchor = opening; anchor < opening + slot && anchor + slot <= 1440; anchor += 15)
        {
            var score = 0L;
            foreach (var c in chamberCourses)
            {
                var minutes = p.Treatments[c.Treatment].Minutes;
                for (var d = Math.Max(0, c.Release); d < p.Days; d++)
                {
                    if (p.Open[d] is not { } open || c.Available[d].Length == 0)
                    {
                        continue;
                    }

                    for (var s = anchor; s + minutes <= open.End; s += slot)
                    {
                        if (s >= open.Start && Array.Exists(c.Available[d], a => a.Contains(s, s + minutes)))
                        {
                            score += c.Weight;
                        }
                    }
                }
            }

            if (score > bestScore)
            {
                (best, bestScore) = (anchor, score);
            }
        }

        return best;
    }

    /// <summary>Session days of a weekdays course starting on <paramref name="start"/>: consecutive open days,
    /// skipping only the patient's off dates. Null when the horizon ends first.</summary>
    internal static int[]? WeekdaySessionDays(SchedulingProblem p, CourseInfo c, int start)
    {
        if (start < 0 || start >= p.Days || p.Open[start] is null || c.Off[start])
        {
            return null;
        }

        var days = new int[c.Days];
        var d = start;
        for (var r = 0; r < c.Days; r++)
        {
            while (d < p.Days && (p.Open[d] is null || c.Off[d]))
            {
                d++;
            }

            if (d >= p.Days)
            {
                return null;
            }

            days[r] = d++;
        }

        return days;
    }

    internal static List<Calendar.Booking>? Place(SchedulingProblem p, Calendar cal, CourseInfo c, int grid, bool packDives = false)
    {
        var first = Math.Max(0, c.Release);
        for (var start = first; start < p.Days; start++)
        {
            var placed = c.Weekdays ? PlaceWeekdays(p, cal, c, start, grid, packDives) : PlaceInterval(p, cal, c, start, grid, packDives);
            if (placed is not null)
            {
                return placed;
            }
        }

        return null;
    }

    /// <summary>Places the course whole with its first session on <paramref name="start"/>, or returns null.</summary>
    internal static List<Calendar.Booking>? PlaceAt(SchedulingProblem p, Calendar cal, CourseInfo c, int start, int grid, bool packDives = false) =>
        start < Math.Max(0, c.Release) || start >= p.Days ? null
        : c.Weekdays ? PlaceWeekdays(p, cal, c, start, grid, packDives) : PlaceInterval(p, cal, c, start, grid, packDives);

    private static List<Calendar.Booking>? PlaceWeekdays(SchedulingProblem p, Calendar cal, CourseInfo c, int start, int grid, bool packDives)
    {
        var days = WeekdaySessionDays(p, c, start);
        if (days is null || days.Any(d => c.Available[d].Length == 0))
        {
            return null;
        }

        var booked = new List<Calendar.Booking>();
        var minutes = p.Treatments[c.Treatment].Minutes;
        var previousStarts = new int[c.PerDay];
        Array.Fill(previousStarts, -1);
        for (var k = 0; k < c.Sessions; k++)
        {
            var day = days[k / c.PerDay];
            var slot = k % c.PerDay;
            var earliest = slot == 0 ? 0 : booked[^1].End + c.MinGap;
            var b = BookAt(p, cal, c, k + 1, day, previousStarts[slot], earliest, minutes, grid, packDives);
            if (b is null)
            {
                Undo(cal, booked);
                return null;
            }

            booked.Add(b);
            previousStarts[slot] = b.Start;
        }

        return booked;
    }

    private static List<Calendar.Booking>? PlaceInterval(SchedulingProblem p, Calendar cal, CourseInfo c, int start, int grid, bool packDives)
    {
        var booked = new List<Calendar.Booking>();
        var minutes = p.Treatments[c.Treatment].Minutes;
        var preferred = -1;
        for (var k = 0; k < c.Sessions; k++)
        {
            Calendar.Booking? b = null;
            var (lo, hi) = k == 0 ? (start, start) : (booked[^1].Day + c.MinDays, Math.Min(p.Days - 1, booked[^1].Day + c.MaxDays));
            for (var day = lo; day <= hi && b is null; day++)
            {
                b = BookAt(p, cal, c, k + 1, day, preferred, 0, minutes, grid, packDives);
            }

            if (b is null)
            {
                Undo(cal, booked);
                return null;
            }

            booked.Add(b);
            preferred = b.Start;
        }

        return booked;
    }

    private static Calendar.Booking? BookAt(SchedulingProblem p, Calendar cal, CourseInfo c, int index, int day, int preferred, int earliest,
        int minutes, int grid, bool packDives)
    {
        if (c.Fixed.TryGetValue(index, out var f))
        {
            return f.Day == day && f.Start >= earliest ? cal.TryBook(c, index, day, f.Start, r => r == f.Resource, f.Staff) : null;
        }

        if (c.Available[day].Length == 0)
        {
            return null;
        }

        foreach (var s in cal.Starts(c, day, preferred, grid, packDives))
        {
            if (s < earliest || s + minutes > 1440)
            {
                continue;
            }

            var b = cal.TryBook(c, index, day, s);
            if (b is not null)
            {
                return b;
            }
        }

        return null;
    }

    internal static void Undo(Calendar cal, List<Calendar.Booking> booked)
    {
        for (var i = booked.Count - 1; i >= 0; i--)
        {
            cal.Undo(booked[i]);
        }
    }

    /// <summary>Why a course could not be placed, in the clinic's words.</summary>
    internal static string Reason(SchedulingProblem p, CourseInfo c) => StaticObstacle(p, c)
        ?? $"no {(p.Treatments[c.Treatment].Table >= 0 ? "chamber" : "room")} and staff free for the whole course from any start day (capacity taken by other courses)";

    /// <summary>What rules a course out before any other course is booked; null when nothing does.</summary>
    internal static string? StaticObstacle(SchedulingProblem p, CourseInfo c)
    {
        if (c.Eligible.Length == 0)
        {
            return p.Treatments[c.Treatment].Table >= 0
                ? "no chamber of an allowed kind runs the treatment's table"
                : "the clinic has no procedure room";
        }

        foreach (var (skill, count) in p.Treatments[c.Treatment].Needs)
        {
            if (p.Staff.Count(m => m.Skills.Contains(skill)) < count)
            {
                return $"the clinic has fewer than {count} staff with the skill the treatment needs";
            }
        }

        var first = Math.Max(0, c.Release);
        var anyDays = c.Weekdays
            ? Enumerable.Range(first, Math.Max(0, p.Days - first)).Any(s => WeekdaySessionDays(p, c, s) is { } days && days.All(d => c.Available[d].Length > 0))
            : IntervalChainFits(p, c, first);
        if (anyDays)
        {
            return null;
        }

        return c.Weekdays
            ? $"no run of {c.Days} consecutive open days with the patient available between release and the end of the horizon"
            : $"no {c.Sessions} days with the patient available at least {c.MinDays} days apart between release and the end of the horizon";
    }

    /// <summary>Necessary condition for an interval course: sessions on available days, each at least
    /// <c>minDays</c> after the previous (earliest choice each time), inside the horizon.</summary>
    private static bool IntervalChainFits(SchedulingProblem p, CourseInfo c, int first)
    {
        var minutes = p.Treatments[c.Treatment].Minutes;
        var day = first;
        for (var k = 0; k < c.Sessions; k++)
        {
            while (day < p.Days && !c.Available[day].Any(a => a.End - a.Start >= minutes))
            {
                day++;
            }

            if (day >= p.Days)
            {
                return false;
            }

            day += c.MinDays;
        }

        return true;
    }
}
