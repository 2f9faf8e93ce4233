namespace RegenClinic.Web;

public sealed class FhirText;
