using System.Globalization;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>Oxygen tolerance units (UPTD, Bardin &amp; Lambertsen 1970): the pulmonary oxygen dose.</summary>
public readonly record struct Otu(double Value) : IComparable<Otu>
{
    public static readonly Otu Zero = new(0);

    public int CompareTo(Otu other) => Value.CompareTo(other.Value);

    public static Otu operator +(Otu left, Otu right) => new(left.Value + right.Value);
    public static bool operator <(Otu left, Otu right) => left.Value < right.Value;
    public static bool operator >(Otu left, Otu right) => left.Value > right.Value;
    public static bool operator <=(Otu left, Otu right) => left.Value <= right.Value;
    public static bool operator >=(Otu left, Otu right) => left.Value >= right.Value;

    public static Otu Add(Otu left, Otu right) => left + right;

    public override string ToString() => Value.ToString("0.0", CultureInfo.InvariantCulture) + " OTU";
}
