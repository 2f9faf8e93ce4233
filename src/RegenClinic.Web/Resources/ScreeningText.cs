namespace RegenClinic.Web;

public sealed class ScreeningText;
