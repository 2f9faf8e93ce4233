namespace RegenClinic.Web;

// Not named TravelText.cs: MSBuild would then name the .resx after this class (DependentUpon convention).
public sealed class TravelText;
