using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>A pressure–gas profile over time (planned from a table or actual from a dive log). Minutes strictly increase;
/// pressure 1.0–6.0 ATA; fio2 0–1. Pressure is linear between points; fio2 holds from a point to the next.</summary>
public sealed class DiveProfile
{
    public const double MinAta = 1.0;
    public const double MaxAta = 6.0;

    public IReadOnlyList<ProfilePoint> Points { get; }

    public DiveProfile(IEnumerable<ProfilePoint> points)
    {
        var list = points.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var p = list[i];
            if (!double.IsFinite(p.Minute) || p.Minute < 0)
            {
                throw new DomainException("dive-profile.minute-invalid", $"Point {i + 1}: minute {p.Minute} must be a finite number ≥ 0.", "minute");
            }

            if (i > 0 && p.Minute <= list[i - 1].Minute)
            {
                throw new DomainException("dive-profile.minute-not-increasing", $"Point {i + 1}: minute {p.Minute} is not after {list[i - 1].Minute}.", "minute");
            }

            if (!double.IsFinite(p.Pressure.Value) || p.Pressure.Value < MinAta || p.Pressure.Value > MaxAta)
            {
                throw new DomainException("dive-profile.ata-out-of-range", $"Point {i + 1}: pressure {p.Pressure.Value} ATA is outside 1.0–6.0.", "ata");
            }

            if (!double.IsFinite(p.Fio2) || p.Fio2 < 0 || p.Fio2 > 1)
            {
                throw new DomainException("dive-profile.fio2-out-of-range", $"Point {i + 1}: fio2 {p.Fio2} is outside 0.0–1.0.", "fio2");
            }
        }

        Points = list;
    }

    public double DurationMinutes => Points.Count == 0 ? 0 : Points[^1].Minute - Points[0].Minute;

    /// <summary>Chamber pressure at a minute (linear between points; clamped to the ends).</summary>
    public Ata PressureAt(double minute)
    {
        if (Points.Count == 0)
        {
            return Ata.Surface;
        }

        if (minute <= Points[0].Minute)
        {
            return Points[0].Pressure;
        }

        for (var i = 1; i < Points.Count; i++)
        {
            if (minute <= Points[i].Minute)
            {
                var a = Points[i - 1];
                var b = Points[i];
                var f = (minute - a.Minute) / (b.Minute - a.Minute);
                return new Ata(a.Pressure.Value + ((b.Pressure.Value - a.Pressure.Value) * f));
            }
        }

        return Points[^1].Pressure;
    }
}
