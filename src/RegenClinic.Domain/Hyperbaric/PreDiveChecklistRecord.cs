using NodaTime;
using RegenClinic.Domain.Common;

namespace RegenClinic.Domain.Hyperbaric;

/// <summary>The signed pre-dive checklist of one session: what was entered, each item's verdict as shown, and any physician
/// overrides. Items are frozen when recorded; an override adds to them, never rewrites a verdict.</summary>
public sealed class PreDiveChecklistRecord
{
    private PreDiveChecklistRecord() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CourseId { get; private set; }
    public Guid PatientId { get; private set; }
    public LocalDate SessionDate { get; private set; }
    /// <summary>1-based place of this session in the course.</summary>
    public int SessionNumber { get; private set; }
    public PreDiveChecklistInput Input { get; private set; } = default!;
    public List<ChecklistItemResult> Items { get; private set; } = [];
    public bool CanPressurise { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public Instant RecordedAt { get; private set; }
    /// <summary>The dive this checklist admitted the patient to; one checklist, one dive.</summary>
    public Guid? DiveId { get; private set; }

    public PreDiveChecklistResult Result => new(Items);

    public static PreDiveChecklistRecord Record(Guid courseId, Guid patientId, PreDiveChecklistInput input, PreDiveChecklistSettings settings, string by, Instant at)
    {
        var result = PreDiveChecklist.Evaluate(input, settings);
        return new PreDiveChecklistRecord
        {
            CourseId = courseId, PatientId = patientId, SessionDate = input.SessionDate, SessionNumber = checked(input.SessionsCompleted + 1),
            Input = input, Items = [.. result.Items], CanPressurise = result.CanPressurise, RecordedBy = Require.Text(by, "recordedBy", 200), RecordedAt = at,
        };
    }

    public void Override(ChecklistItem item, string physician, string reason, Instant at)
    {
        if (DiveId is not null) throw new DomainException("checklist.already-used", "This checklist has admitted its dive; record a new one.", "item");
        var result = Result.WithOverride(new PhysicianOverride(item, physician, reason?.Trim() ?? "", at));
        Items = [.. result.Items];
        CanPressurise = result.CanPressurise;
    }

    public void AdmitTo(Guid diveId)
    {
        if (!CanPressurise) throw new DomainException("checklist.blocked", "A failed checklist item blocks the dive until a physician overrides it.", "checklist");
        if (DiveId is not null) throw new DomainException("checklist.already-used", "This checklist has already admitted a dive.", "checklist");
        DiveId = diveId;
    }
}
