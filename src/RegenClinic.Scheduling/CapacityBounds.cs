using Lp = Google.OrTools.LinearSolver;

namespace RegenClinic.Scheduling;

/// <summary>Upper bounds on what any schedule can place: a day-by-day LP relaxation solved with GLOP (README,
/// "Capacity bound"). Every feasible schedule is a point of the LP, so the LP optimum bounds it from above.</summary>
public static class CapacityBounds
{
    public static CapacityBound Compute(SchedulingProblem problem)
    {
        var sessions = SolveLp(problem, weighted: false);
        var weighted = SolveLp(problem, weighted: true);
        return new CapacityBound((int)Math.Floor(sessions + 1e-6), (int)Math.Floor(weighted + 1e-6));
    }

    private static double SolveLp(SchedulingProblem p, bool weighted)
    {
        using var lp = Lp.Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        var days = p.Days;
        var chamberMinutes = p.Treatments.Where(t => t.Table >= 0).Select(t => t.Minutes).Distinct().ToList();
        var uniform = chamberMinutes.Count == 1 ? chamberMinutes[0] : 0;
        var monos = p.Chambers.Count(c => c.Kind == ChamberKind.Monoplace);

        // Capacity rows per day: monoplace minutes, multiplace seat-minutes, room minutes, staff minutes per skill.
        var mono = new Lp.Constraint[days];
        var multi = new Lp.Constraint[days];
        var rooms = new Lp.Constraint[days];
        var staff = new Lp.Constraint[days, p.SkillCount];
        for (var d = 0; d < days; d++)
        {
            var open = p.Open[d] is { } o ? o.End - o.Start : 0;
            var usable = uniform > 0 ? open / uniform * uniform : open;
            mono[d] = lp.MakeConstraint(double.NegativeInfinity, monos * usable);
            multi[d] = lp.MakeConstraint(double.NegativeInfinity, p.Chambers.Where(c => c.Kind == ChamberKind.Multiplace).Sum(c => c.Seats * usable));
            rooms[d] = lp.MakeConstraint(double.NegativeInfinity, p.RoomCount * open);
            for (var k = 0; k < p.SkillCount; k++)
            {
                var minutes = 0;
                foreach (var s in p.Staff.Where(s => s.Skills.Contains(k)))
                {
                    if (s.Shift[d] is { } sh && p.Open[d] is { } op)
                    {
                        minutes += Math.Max(0, Math.Min(sh.End, op.End) - Math.Max(sh.Start, op.Start));
                    }
                }

                staff[d, k] = lp.MakeConstraint(double.NegativeInfinity, minutes);
            }
        }

        var objective = lp.Objective();
        objective.SetMaximization();
        foreach (var c in p.Courses)
        {
            var t = p.Treatments[c.Treatment];
            var x = lp.MakeNumVar(0, CoursePlacer.StaticObstacle(p, c) is null ? 1 : 0, "");
            objective.SetCoefficient(x, c.Sessions * (weighted ? c.Weight : 1));
            // Σ_d sessions on d = sessions × x
            var total = lp.MakeConstraint(0, 0);
            total.SetCoefficient(x, -c.Sessions);
            var canMono = c.Eligible.Any(r => p.IsChamber(r) && p.Chambers[r].Kind == ChamberKind.Monoplace);
            var canMulti = c.Eligible.Any(r => p.IsChamber(r) && p.Chambers[r].Kind == ChamberKind.Multiplace);
            var seats = canMulti ? c.Eligible.Where(r => p.IsChamber(r) && p.Chambers[r].Kind == ChamberKind.Multiplace).Max(r => p.Chambers[r].Seats) : 1;
            for (var d = Math.Max(0, c.Release); d < days; d++)
            {
                var available = c.Available[d].Sum(a => Math.Max(0, a.End - a.Start) >= t.Minutes ? 1 : 0) > 0;
                if (!available)
                {
                    continue;
                }

                var perDay = c.Weekdays ? c.PerDay : 1;
                var dayRow = lp.MakeConstraint(double.NegativeInfinity, perDay);
                foreach (var (use, dive) in t.Table >= 0 ? new[] { (canMono, false), (canMulti, true) } : [(true, false)])
                {
                    if (!use)
                    {
                        continue;
                    }

                    var y = lp.MakeNumVar(0, perDay, "");
                    total.SetCoefficient(y, 1);
                    dayRow.SetCoefficient(y, 1);
                    (t.Table < 0 ? rooms[d] : dive ? multi[d] : mono[d]).SetCoefficient(y, t.Minutes);
                    foreach (var (skill, count) in t.Needs)
                    {
                        // A dive's staff serve up to `seats` occupants at once.
                        staff[d, skill].SetCoefficient(y, count * t.Minutes / (dive ? (double)seats : 1));
                    }
                }
            }
        }

        var status = lp.Solve();
        return status is Lp.Solver.ResultStatus.OPTIMAL or Lp.Solver.ResultStatus.FEASIBLE
            ? objective.Value()
            : p.Courses.Sum(c => c.Sessions * (weighted ? c.Weight : 1));
    }
}
