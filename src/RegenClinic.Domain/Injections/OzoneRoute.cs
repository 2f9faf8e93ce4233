namespace RegenClinic.Domain.Injections;

/// <summary>Ozone routes of the issue. Therapy ids (clinical-reference §1): local injections are
/// <c>ozone-injection</c>, <see cref="MajorAutohemotherapy"/> is <c>ozone-autohemotherapy</c>, insufflations
/// are <c>ozone-insufflation</c>.</summary>
public enum OzoneRoute
{
    Paravertebral,
    IntraArticular,
    Periarticular,
    Intradiscal,
    MajorAutohemotherapy,
    RectalInsufflation,
    VaginalInsufflation,
}

/// <summary>Anticoagulant used in the blood bag for major autohemotherapy.</summary>
public enum AutohemotherapyAnticoagulant
{
    SodiumCitrate,
    Heparin,
    AcidCitrateDextrose,
}

public static class OzoneRoutes
{
    public static string Code(this OzoneRoute route) => route switch
    {
        OzoneRoute.Paravertebral => "paravertebral",
        OzoneRoute.IntraArticular => "intra-articular",
        OzoneRoute.Periarticular => "periarticular",
        OzoneRoute.Intradiscal => "intradiscal",
        OzoneRoute.MajorAutohemotherapy => "major-autohemotherapy",
        OzoneRoute.RectalInsufflation => "rectal-insufflation",
        OzoneRoute.VaginalInsufflation => "vaginal-insufflation",
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    /// <summary>The therapy id of clinical-reference §1 that a route belongs to (used by screening and consent).</summary>
    public static string TherapyId(this OzoneRoute route) => route switch
    {
        OzoneRoute.MajorAutohemotherapy => "ozone-autohemotherapy",
        OzoneRoute.RectalInsufflation or OzoneRoute.VaginalInsufflation => "ozone-insufflation",
        _ => "ozone-injection",
    };

    /// <summary>Local injections need an anatomical site; systemic routes do not.</summary>
    public static bool IsLocalInjection(this OzoneRoute route) =>
        route is OzoneRoute.Paravertebral or OzoneRoute.IntraArticular or OzoneRoute.Periarticular or OzoneRoute.Intradiscal;
}
