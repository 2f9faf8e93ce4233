using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

public sealed record AssessmentDetails(LocalDate Date, string History, string Examination, int? BaselinePain = null, string? Plan = null);

/// <summary>A clinician's assessment: history, examination and the baseline pain score (NRS 0–10) that outcomes are measured against.</summary>
public sealed class AssessmentEntry : ChartEntry
{
    private AssessmentEntry() { }

    public LocalDate Date { get; private set; }
    public string History { get; private set; } = "";
    public string Examination { get; private set; } = "";
    public int? BaselinePain { get; private set; }
    public string? Plan { get; private set; }

    public static AssessmentEntry Record(Guid patientId, AssessmentDetails d, string by, Instant at, LocalDate today)
    {
        if (d.BaselinePain is < 0 or > 10)
            throw new DomainException("assessment.pain-range", "Baseline pain is a 0–10 numeric rating.", "baselinePain");
        var entry = new AssessmentEntry
        {
            Date = Dates.NotFuture(d.Date, today, "date")!.Value,
            History = Require.Text(d.History, "history", 8000),
            Examination = Require.Text(d.Examination, "examination", 8000),
            BaselinePain = d.BaselinePain,
            Plan = Require.OptionalText(d.Plan, "plan", 4000),
        };
        entry.Stamp(patientId, by, at);
        return entry;
    }
}
