using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Eligibility;

public enum ConsentStatus { Signed, Withdrawn }

/// <summary>
/// A signed informed consent: the exact text the patient read (in their language, with the rule-set version it was made
/// from), who signed, who witnessed, and when. A course starts only on a signed consent of the current version.
/// </summary>
public sealed class ConsentRecord
{
    private ConsentRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public string Therapy { get; private set; } = "";
    public Guid ScreeningId { get; private set; }
    public string Language { get; private set; } = "";
    public string TextVersion { get; private set; } = "";
    public string Text { get; private set; } = "";
    public int PlannedSessions { get; private set; }
    public string SignedBy { get; private set; } = "";
    public string WitnessedBy { get; private set; } = "";
    public LocalDate SignedOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public Instant RecordedAt { get; private set; }
    public ConsentStatus Status { get; private set; }
    public string? WithdrawnReason { get; private set; }

    public static ConsentRecord Sign(Guid patientId, string therapy, Guid screeningId, string language, string textVersion, string text, int plannedSessions,
        string signedBy, string witnessedBy, LocalDate signedOn, string recordedBy, Instant at, LocalDate today)
    {
        if (plannedSessions is < 1 or > 60) throw new DomainException("consent.sessions", "Planned sessions must be 1 to 60.", "plannedSessions");
        if (signedOn > today) throw new DomainException("date.future", "The signature date cannot be in the future.", "signedOn");
        var signer = Require.Text(signedBy, "signedBy", 200);
        var witness = Require.Text(witnessedBy, "witnessedBy", 200);
        if (string.Equals(signer, witness, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("consent.witness-is-signer", "The witness must be someone other than the signer.", "witnessedBy");
        return new ConsentRecord
        {
            PatientId = patientId, Therapy = Require.Text(therapy, "therapy", 40), ScreeningId = screeningId, Language = Require.Text(language, "language", 5),
            TextVersion = Require.Text(textVersion, "textVersion", 40), Text = Require.Text(text, "text", 100_000), PlannedSessions = plannedSessions,
            SignedBy = signer, WitnessedBy = witness, SignedOn = signedOn, RecordedBy = recordedBy, RecordedAt = at, Status = ConsentStatus.Signed,
        };
    }

    public void Withdraw(string reason)
    {
        if (Status == ConsentStatus.Withdrawn) throw new DomainException("consent.withdrawn", "This consent is already withdrawn.");
        WithdrawnReason = Require.Text(reason, "reason", 500);
        Status = ConsentStatus.Withdrawn;
    }

    public bool IsCurrentFor(string textVersion) => Status == ConsentStatus.Signed && TextVersion == textVersion;
}
