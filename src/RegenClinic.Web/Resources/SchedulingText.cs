namespace RegenClinic.Web;

/// <summary>Marker for the scheduling feature's UI text (Resources/SchedulingText*.resx, generated from tools/text/scheduling.py).</summary>
public sealed class SchedulingText;
