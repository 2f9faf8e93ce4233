namespace RegenClinic.Web;

// Marker for IStringLocalizer<OutcomesText>: Resources/OutcomesText(.nl).resx, generated from tools/text/outcomes.py.
// Not named OutcomesText.cs: a .cs file beside a .resx of the same name makes MSBuild name the resource after the class
// (RegenClinic.Web.OutcomesText.resources), and the localizer, which looks under Resources/, would find nothing.
public sealed class OutcomesText;
