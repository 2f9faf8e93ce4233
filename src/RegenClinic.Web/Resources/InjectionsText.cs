namespace RegenClinic.Web;

public sealed class InjectionsText;
