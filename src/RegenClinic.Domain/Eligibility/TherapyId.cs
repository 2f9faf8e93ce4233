namespace RegenClinic.Domain.Eligibility;

/// <summary>A therapy's stable id from clinical reference §1 ("hbot", "ozone-injection", ...).</summary>
public readonly record struct TherapyId(string Value)
{
    public static readonly TherapyId Hbot = new("hbot");
    public static readonly TherapyId OzoneInjection = new("ozone-injection");
    public static readonly TherapyId OzoneAutohemotherapy = new("ozone-autohemotherapy");
    public static readonly TherapyId OzoneInsufflation = new("ozone-insufflation");
    public static readonly TherapyId Prolotherapy = new("prolotherapy");
    public static readonly TherapyId CellTherapyBmac = new("cell-therapy-bmac");
    public static readonly TherapyId CellTherapyAdipose = new("cell-therapy-adipose");
    public static readonly TherapyId CellTherapyAllogeneic = new("cell-therapy-allogeneic");

    /// <summary>All therapies in the reference's order, which is also the output order of <c>screen</c>.</summary>
    public static IReadOnlyList<TherapyId> All { get; } =
        [Hbot, OzoneInjection, OzoneAutohemotherapy, OzoneInsufflation, Prolotherapy, CellTherapyBmac, CellTherapyAdipose, CellTherapyAllogeneic];

    public override string ToString() => Value;
}
