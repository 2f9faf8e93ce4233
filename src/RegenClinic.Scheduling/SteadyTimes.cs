using System.Diagnostics;

namespace RegenClinic.Scheduling;

/// <summary>The objective's last level: patients keep the same time from one session to the next. After the search,
/// each session whose time differs from its neighbour's (the same slot one session earlier or later) is moved to
/// that neighbour's time on the same day when the calendar allows it and the course then changes time less often.
/// Days and courses stay, so sessions, lateness and delay cannot get worse.</summary>
internal static class SteadyTimes
{
    internal static List<ScheduledSession> Improve(SchedulingProblem p, List<ScheduledSession> sessions, TimeSpan until, Stopwatch clock)
    {
        var cal = new Calendar(p);
        // A valid schedule the calendar cannot rebuild (a booked dive off its timetable, say), or one with a course not
        // whole (the solver places courses whole), is left as it is.
        if (cal.Load(sessions) is not { } loaded || loaded.Any(kv => kv.Value.Count != p.Courses[kv.Key].Sessions))
        {
            return sessions;
        }

        var all = loaded.Values.Select(l => l.OrderBy(b => b.Index).ToArray()).ToList();
        var improved = true;
        while (improved && clock.Elapsed < until)
        {
            improved = false;
            foreach (var booked in all)
            {
                var c = booked[0].Course;
                for (var k = 0; k < booked.Length && clock.Elapsed < until; k++)
                {
                    var b = booked[k];
                    foreach (var target in new[] { k - c.PerDay, k + c.PerDay }.Where(j => j >= 0 && j < booked.Length).Select(j => booked[j].Start)
                                 .Where(t => t != b.Start).Distinct().ToList())
                    {
                        var gain = Changes(booked, k, b.Start) - Changes(booked, k, target);
                        if (gain <= 0 || c.Fixed.ContainsKey(k + 1) || !KeepsGaps(p, booked, k, target))
                        {
                            continue;
                        }

                        if (Move(p, cal, all, booked, k, target, gain))
                        {
                            improved = true;
                            break;
                        }
                    }
                }
            }
        }

        return all.SelectMany(l => l).Select(cal.ToSession).ToList();
    }

    /// <summary>Moves session <paramref name="k"/> to <paramref name="target"/> on its day, alone or by swapping with a
    /// session there whose course loses less than <paramref name="gain"/>; everything is put back when neither works.</summary>
    private static bool Move(SchedulingProblem p, Calendar cal, List<Calendar.Booking[]> all, Calendar.Booking[] booked, int k, int target, int gain)
    {
        var b = booked[k];
        cal.Undo(b);
        if (cal.TryBook(b.Course, b.Index, b.Day, target) is { } moved)
        {
            booked[k] = moved;
            return true;
        }

        foreach (var other in all)
        {
            if (other == booked || other[0].Course.Patient == b.Course.Patient)
            {
                continue;
            }

            for (var j = 0; j < other.Length; j++)
            {
                var o = other[j];
                if (o.Day != b.Day || o.Start != target || o.Course.Fixed.ContainsKey(j + 1)
                    || Changes(other, j, b.Start) - Changes(other, j, target) >= gain || !KeepsGaps(p, other, j, b.Start))
                {
                    continue;
                }

                cal.Undo(o);
                var mine = cal.TryBook(b.Course, b.Index, b.Day, target);
                var theirs = mine is null ? null : cal.TryBook(o.Course, o.Index, o.Day, b.Start);
                if (mine is not null && theirs is not null)
                {
                    (booked[k], other[j]) = (mine, theirs);
                    return true;
                }

                if (mine is not null)
                {
                    cal.Undo(mine);
                }

                other[j] = cal.Rebook(o);
            }
        }

        booked[k] = cal.Rebook(b);
        return false;
    }

    /// <summary>Time changes between session <paramref name="k"/> (at <paramref name="start"/>) and its neighbours in the same slot.</summary>
    private static int Changes(Calendar.Booking[] booked, int k, int start)
    {
        var perDay = booked[k].Course.PerDay;
        return (k - perDay >= 0 && booked[k - perDay].Start != start ? 1 : 0) + (k + perDay < booked.Length && booked[k + perDay].Start != start ? 1 : 0);
    }

    /// <summary>Twice-daily courses keep their order and gap within the day.</summary>
    private static bool KeepsGaps(SchedulingProblem p, Calendar.Booking[] booked, int k, int start)
    {
        var c = booked[k].Course;
        var minutes = p.Treatments[c.Treatment].Minutes;
        for (var j = 0; j < booked.Length; j++)
        {
            if (j == k || booked[j].Day != booked[k].Day)
            {
                continue;
            }

            if ((j < k && start < booked[j].End + c.MinGap) || (j > k && booked[j].Start < start + minutes + c.MinGap))
            {
                return false;
            }
        }

        return true;
    }
}
