namespace RegenClinic.Web;

// Marker types for IStringLocalizer<T>: Resources/<Name>.resx (English) and <Name>.nl.resx (Dutch), one per feature.
public sealed class SharedText;

public sealed class PatientsText;

public sealed class AdminText;

public sealed class HyperbaricText;
