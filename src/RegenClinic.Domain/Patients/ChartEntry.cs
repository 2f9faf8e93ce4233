using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Patients;

/// <summary>
/// What every clinical entry on a chart shares. The record is append-only: an amendment is a new entry that
/// names the one it replaces and why; a void keeps the entry with who, when and why. Nothing is hard-deleted.
/// </summary>
public abstract class ChartEntry
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public Guid? Amends { get; private set; }
    public string? AmendReason { get; private set; }
    public Instant? SupersededAt { get; private set; }
    public Instant? VoidedAt { get; private set; }
    public string? VoidedBy { get; private set; }
    public string? VoidReason { get; private set; }

    public bool IsCurrent => VoidedAt is null && SupersededAt is null;

    protected void Stamp(Guid patientId, string recordedBy, Instant at)
    {
        PatientId = patientId;
        RecordedBy = Require.Text(recordedBy, nameof(RecordedBy), 200);
        RecordedAt = at;
    }

    public void Void(string by, string reason, Instant at)
    {
        if (VoidedAt is not null) throw new DomainException("entry.already-voided", "This entry is already voided.");
        if (SupersededAt is not null) throw new DomainException("entry.superseded", "This entry was amended; void the current version.");
        VoidReason = Require.Text(reason, "reason", 500);
        VoidedBy = Require.Text(by, "by", 200);
        VoidedAt = at;
    }

    /// <summary>Links <paramref name="amendment"/> as the new version of this entry. Both must belong to the same patient.</summary>
    public void AmendWith(ChartEntry amendment, string reason)
    {
        if (!IsCurrent) throw new DomainException("entry.not-current", "Only the current version of an entry can be amended.");
        if (amendment.PatientId != PatientId || amendment.GetType() != GetType())
            throw new DomainException("entry.amend-mismatch", "An amendment must be the same kind of entry for the same patient.");
        amendment.AmendReason = Require.Text(reason, "reason", 500);
        amendment.Amends = Id;
        SupersededAt = amendment.RecordedAt;
    }
}
