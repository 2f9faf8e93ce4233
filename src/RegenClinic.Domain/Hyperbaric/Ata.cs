using System.Globalization;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Absolute chamber pressure in atmospheres absolute (1.0 = sea level). A physical quantity, so a
/// <see cref="double"/>: the dose law raises it to a fractional power and no money or count hangs on its last digit.</summary>
public readonly record struct Ata(double Value) : IComparable<Ata>
{
    public static readonly Ata Surface = new(1.0);

    public int CompareTo(Ata other) => Value.CompareTo(other.Value);

    public static bool operator <(Ata left, Ata right) => left.Value < right.Value;
    public static bool operator >(Ata left, Ata right) => left.Value > right.Value;
    public static bool operator <=(Ata left, Ata right) => left.Value <= right.Value;
    public static bool operator >=(Ata left, Ata right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString("0.0##", CultureInfo.InvariantCulture) + " ATA";
}
