using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Injections;

/// <summary>The three charting families of issue 5; each keeps its typed details in one JSON column.</summary>
public enum ProcedureFamily { Ozone, Prolotherapy, CellTherapy }

/// <summary>A finding as stored with the record it was raised on (kind as text so the record reads on its own).</summary>
public sealed record StoredFinding(string Code, string Kind, string Field, string Message, string? Limit, string? Source);

/// <summary>A physician's decision to proceed despite a limit breach, as stored with the record.</summary>
public sealed record StoredOverride(string FindingCode, string Reason, string Physician, Instant At);

/// <summary>
/// One charted ozone, prolotherapy or cell-therapy procedure: session <see cref="SessionIndex"/> of a course, the typed
/// details as JSON, the computed totals, the findings raised on entry and the physician overrides that let it be saved.
/// Append-only: an amendment is a new record naming the one it replaces (which stays, superseded); a void keeps the
/// record with who, when and why.
/// </summary>
public sealed class ProcedureRecord
{
    private ProcedureRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PatientId { get; private set; }
    public Guid CourseId { get; private set; }
    public int SessionIndex { get; private set; }
    public ProcedureFamily Family { get; private set; }
    /// <summary>Therapy id of clinical-reference §1 (prolotherapy, ozone-injection, cell-therapy-bmac...).</summary>
    public string Therapy { get; private set; } = "";
    public LocalDate ProcedureDate { get; private set; }
    public Instant PerformedAt { get; private set; }
    public string PerformedBy { get; private set; } = "";
    public string DetailsJson { get; private set; } = "";
    /// <summary>Ozone only: concentration × gas volume (µg).</summary>
    public decimal? TotalOzoneMicrograms { get; private set; }
    /// <summary>Injected or administered volume (mL); for ozone the gas volume.</summary>
    public decimal TotalVolumeMl { get; private set; }
    /// <summary>A one-line dose summary for the timeline, written when charted.</summary>
    public string Summary { get; private set; } = "";
    public string LimitsVersion { get; private set; } = "";
    public List<StoredFinding> Findings { get; private set; } = [];
    public List<StoredOverride> Overrides { get; private set; } = [];
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public Guid? Amends { get; private set; }
    public string? AmendReason { get; private set; }
    public Instant? SupersededAt { get; private set; }
    public Instant? VoidedAt { get; private set; }
    public string? VoidedBy { get; private set; }
    public string? VoidReason { get; private set; }

    public bool IsCurrent => VoidedAt is null && SupersededAt is null;

    public static ProcedureRecord Chart(Guid patientId, Guid courseId, int sessionIndex, ProcedureFamily family, string therapy, LocalDate procedureDate,
        Instant performedAt, string performedBy, string detailsJson, decimal? totalOzoneMicrograms, decimal totalVolumeMl, string summary,
        string limitsVersion, IEnumerable<ProcedureFinding> findings, IEnumerable<StoredOverride> overrides, string recordedBy, Instant at)
    {
        if (sessionIndex < 1) throw new DomainException("procedure.session-index", "Sessions are numbered from 1.", "sessionIndex");
        if (performedAt > at) throw new DomainException("date.future", "A procedure cannot be charted before it is performed.", "performedAt");
        return new ProcedureRecord
        {
            PatientId = patientId, CourseId = courseId, SessionIndex = sessionIndex, Family = Require.Defined(family, "family"),
            Therapy = Require.Text(therapy, "therapy", 40), ProcedureDate = procedureDate, PerformedAt = performedAt,
            PerformedBy = Require.Text(performedBy, "performedBy", 200), DetailsJson = Require.Text(detailsJson, "details", 100_000),
            TotalOzoneMicrograms = totalOzoneMicrograms, TotalVolumeMl = totalVolumeMl, Summary = Require.Text(summary, "summary", 500),
            LimitsVersion = limitsVersion,
            Findings = [.. findings.Select(f => new StoredFinding(f.Code, f.Kind.ToString(), f.Field, f.Message, f.Limit, f.Source))],
            Overrides = [.. overrides], RecordedAt = at, RecordedBy = Require.Text(recordedBy, "recordedBy", 200),
        };
    }

    /// <summary>Links <paramref name="amendment"/> as the new version of this record; this one stays, marked superseded.</summary>
    public void AmendWith(ProcedureRecord amendment, string reason)
    {
        if (!IsCurrent) throw new DomainException("procedure.not-current", "Only the current version of a procedure can be amended.");
        if (amendment.PatientId != PatientId || amendment.CourseId != CourseId || amendment.Family != Family)
            throw new DomainException("procedure.amend-mismatch", "An amendment must be the same kind of procedure in the same course.");
        amendment.AmendReason = Require.Text(reason, "amendReason", 500);
        amendment.Amends = Id;
        amendment.SessionIndex = SessionIndex;
        SupersededAt = amendment.RecordedAt;
    }

    public void Void(string by, string reason, Instant at)
    {
        if (VoidedAt is not null) throw new DomainException("procedure.already-voided", "This procedure is already voided.");
        if (SupersededAt is not null) throw new DomainException("procedure.superseded", "This procedure was amended; void the current version.");
        VoidReason = Require.Text(reason, "reason", 500);
        VoidedBy = Require.Text(by, "by", 200);
        VoidedAt = at;
    }
}
