namespace RegenClinic.Domain.Injections;

/// <summary>The region list of the injection record and body diagram (issue: knee, lumbar/sacroiliac, shoulder, elbow,
/// ankle/foot, hip). Stable codes in <see cref="InjectionRegions.Code"/>.</summary>
public enum InjectionRegion
{
    Knee,
    LumbarSacroiliac,
    Shoulder,
    Elbow,
    AnkleFoot,
    Hip,
}

/// <summary>Side of the body treated. <see cref="NotApplicable"/> for systemic routes (autohemotherapy, insufflation)
/// and midline sites.</summary>
public enum BodySide
{
    NotApplicable,
    Left,
    Right,
    Bilateral,
}

/// <summary>How the needle was placed.</summary>
public enum InjectionGuidance
{
    Landmark,
    Ultrasound,
    Fluoroscopy,
}

public static class InjectionRegions
{
    public static IReadOnlyList<InjectionRegion> All { get; } = Enum.GetValues<InjectionRegion>();

    public static string Code(this InjectionRegion region) => region switch
    {
        InjectionRegion.Knee => "knee",
        InjectionRegion.LumbarSacroiliac => "lumbar-sacroiliac",
        InjectionRegion.Shoulder => "shoulder",
        InjectionRegion.Elbow => "elbow",
        InjectionRegion.AnkleFoot => "ankle-foot",
        InjectionRegion.Hip => "hip",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    public static string DisplayEn(this InjectionRegion region) => region switch
    {
        InjectionRegion.Knee => "Knee",
        InjectionRegion.LumbarSacroiliac => "Lumbar / sacroiliac",
        InjectionRegion.Shoulder => "Shoulder",
        InjectionRegion.Elbow => "Elbow",
        InjectionRegion.AnkleFoot => "Ankle / foot",
        InjectionRegion.Hip => "Hip",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    public static string DisplayNl(this InjectionRegion region) => region switch
    {
        InjectionRegion.Knee => "Knie",
        InjectionRegion.LumbarSacroiliac => "Lumbaal / sacro-iliacaal",
        InjectionRegion.Shoulder => "Schouder",
        InjectionRegion.Elbow => "Elleboog",
        InjectionRegion.AnkleFoot => "Enkel / voet",
        InjectionRegion.Hip => "Heup",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, null),
    };

    /// <summary>Parses a stable code (<c>knee</c>, <c>lumbar-sacroiliac</c>, ...); null when unknown.</summary>
    public static InjectionRegion? FromCode(string code) =>
        All.Cast<InjectionRegion?>().FirstOrDefault(r => string.Equals(r!.Value.Code(), code, StringComparison.OrdinalIgnoreCase));
}
