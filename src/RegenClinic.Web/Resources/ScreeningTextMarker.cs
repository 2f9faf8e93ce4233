namespace RegenClinic.Web;

// Not named ScreeningText.cs: MSBuild would then name the .resx after this class (DependentUpon convention) and the
// localizer, which looks for Resources.ScreeningText, would find nothing.
public sealed class ScreeningText;
