namespace RegenClinic.Web;

// Marker for IStringLocalizer<SecurityText>: Resources/SecurityText(.nl).resx, generated from tools/text/security.py
// (named *Marker.cs so MSBuild names the resource after the file, as the localizer expects).
public sealed class SecurityText;
