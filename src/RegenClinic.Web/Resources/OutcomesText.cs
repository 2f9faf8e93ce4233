namespace RegenClinic.Web;

// Marker for IStringLocalizer<OutcomesText>: Resources/OutcomesText(.nl).resx, generated from tools/text/outcomes.py.
public sealed class OutcomesText;
