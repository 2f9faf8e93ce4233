using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

/// <summary>DICOM modality codes the clinic meets.</summary>
public enum ImagingModality { MR, CT, CR, DX, US, NM, PT, OPG }

public sealed record ImagingDetails(
    ImagingModality Modality, LocalDate Date, string BodySite, string Finding, string? StageSystem = null, string? Stage = null);

public sealed class ImagingStudyEntry : ChartEntry
{
    private ImagingStudyEntry() { }

    public ImagingModality Modality { get; private set; }
    public LocalDate Date { get; private set; }
    public string BodySite { get; private set; } = "";
    public string Finding { get; private set; } = "";
    public string? StageSystem { get; private set; }
    public string? Stage { get; private set; }

    public static ImagingStudyEntry Record(Guid patientId, ImagingDetails d, string by, Instant at, LocalDate today)
    {
        var entry = new ImagingStudyEntry
        {
            Modality = Require.Defined(d.Modality, "modality"),
            Date = Dates.NotFuture(d.Date, today, "date")!.Value,
            BodySite = Require.Text(d.BodySite, "bodySite", 100),
            Finding = Require.Text(d.Finding, "finding", 4000),
        };
        (entry.StageSystem, entry.Stage) = StageSystems.Validate(d.StageSystem, d.Stage, "stage");
        entry.Stamp(patientId, by, at);
        return entry;
    }
}
