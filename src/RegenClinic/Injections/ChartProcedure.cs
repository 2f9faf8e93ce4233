using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using RegenClinic.Audit;
using RegenClinic.CellTherapy;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.CellTherapy;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;
using RegenClinic.Domain.Plans;

namespace RegenClinic.Injections;

/// <summary>A physician's override as entered: the finding it answers and why.</summary>
public sealed record OverrideInput(string FindingCode, string Reason);

/// <summary><paramref name="Details"/> is an <see cref="OzoneProcedureRecord"/>, a <see cref="ProlotherapySessionRecord"/> or a
/// <see cref="CellTherapyDetails"/>; its procedure date is taken from <paramref name="PerformedAt"/> in the clinic's zone.</summary>
public sealed record ChartProcedureRequest(Guid PatientId, Guid CourseId, Instant PerformedAt, object Details, IReadOnlyList<OverrideInput> Overrides,
    Guid? Amends = null, string? AmendReason = null);

/// <summary>Saved when <see cref="ProcedureId"/> is set; otherwise <see cref="Refusals"/> (the charting gate) or
/// <see cref="Unresolved"/> findings say why. <see cref="Findings"/> lists everything found, cautions included.</summary>
public sealed record ChartProcedureResult(Guid? ProcedureId, IReadOnlyList<ChartingRefusal> Refusals, IReadOnlyList<ProcedureFinding> Findings,
    IReadOnlyList<ProcedureFinding> Unresolved, IReadOnlyList<string> RejectedOverrides)
{
    public bool Saved => ProcedureId is not null;
}

/// <summary>
/// Charts (or amends) one ozone, prolotherapy or cell-therapy session. Refused unless the course is active and its screening
/// allows it and its consent is signed (<see cref="ChartingGate"/>); then every entry and limit check of the therapy runs,
/// and a limit breach blocks the record unless a physician overrides it with a reason. On save a follow-up is due 48–72 h
/// later (<see cref="FollowUpRule.Default"/>).
/// </summary>
public sealed class ChartProcedure(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <summary>Reasons shorter than this are rejected, as for screening overrides (Domain.Eligibility.FindingOverride).</summary>
    public const int MinimumOverrideReasonLength = 10;

    public async Task<ChartProcedureResult> HandleAsync(ChartProcedureRequest request, bool actorIsPhysician, CancellationToken ct = default)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == request.CourseId && c.PatientId == request.PatientId, ct)
            ?? throw new DomainException("course.not-found", "No such course for this patient.", "courseId");
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == request.PatientId, ct);
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == course.SiteId, ct);
        if (request.PerformedAt > time.Now) throw new DomainException("date.future", "A procedure cannot be charted before it is performed.", "performedAt");
        var date = time.Local(request.PerformedAt).Date;

        // The site's limits in force now (a revision applies to procedures charted after it); the record keeps their version.
        var limits = await InjectionLimitStore.InForceAsync(db, site?.Id, ct);
        var entered = Evaluate(request.Details, date, request.PerformedAt, site?.Jurisdiction ?? "", limits.Ozone, limits.Prolotherapy);
        var refusals = await GateAsync(course, entered.Therapy, date, ct);
        if (refusals.Count > 0) return new(null, refusals, [], [], []);

        ProcedureRecord? previous = null;
        if (request.Amends is { } amends)
        {
            previous = await db.ProcedureRecords.FirstOrDefaultAsync(p => p.Id == amends && p.CourseId == course.Id, ct)
                ?? throw new DomainException("procedure.not-found", "No such procedure in this course.", "amends");
            Require.Text(request.AmendReason, "amendReason", 500);
        }

        var findings = entered.Findings.ToList();
        findings.AddRange(await SessionFindingsAsync(course, date, previous, ct));

        var offered = request.Overrides.Where(o => !string.IsNullOrWhiteSpace(o.Reason)).ToList();
        // Only a physician overrides a limit: anyone else's override is rejected and resolves nothing.
        var refused = offered.Where(o => !actorIsPhysician || o.Reason.Trim().Length < MinimumOverrideReasonLength).Select(o => o.FindingCode).ToList();
        var overrides = offered.Where(o => !refused.Contains(o.FindingCode))
            .Select(o => new PhysicianOverride(o.FindingCode, actor.Name, o.Reason.Trim())).ToList();
        var review = FindingReview.Evaluate(findings, overrides);
        var rejected = review.RejectedOverrides.Concat(refused).Distinct().ToList();
        if (!review.CanSave || rejected.Count > 0) return new(null, [], findings, review.Unresolved, rejected);

        var now = time.Now;
        var accepted = overrides.Where(o => findings.Any(f => f.Code == o.FindingCode))
            .Select(o => new StoredOverride(o.FindingCode, o.Reason, o.PhysicianId, now));
        var sessionIndex = previous?.SessionIndex ?? await db.ProcedureRecords.CountAsync(p => p.CourseId == course.Id && p.VoidedAt == null && p.SupersededAt == null, ct) + 1;
        var record = ProcedureRecord.Chart(patient.Id, course.Id, sessionIndex, entered.Family, entered.Therapy, date, request.PerformedAt, actor.Name,
            ProcedureJson.Serialize(entered.Details), entered.OzoneMicrograms, entered.VolumeMl, entered.Summary, entered.LimitsVersion, findings, accepted,
            actor.Name, now);
        if (previous is not null)
        {
            previous.AmendWith(record, request.AmendReason ?? "");
        }
        else
        {
            var task = FollowUpTask.Create(record.Id.ToString(), request.PerformedAt, FollowUpKind.Call, FollowUpRule.Default, patient.HomePhysician?.Name);
            db.FollowUps.Add(ProcedureFollowUp.For(patient.Id, task));
        }
        db.ProcedureRecords.Add(record);
        await db.SaveChangesAsync(ct);
        return new(record.Id, [], findings, [], []);
    }

    private sealed record Entered(ProcedureFamily Family, string Therapy, object Details, IReadOnlyList<ProcedureFinding> Findings,
        decimal? OzoneMicrograms, decimal VolumeMl, string Summary, string LimitsVersion);

    private static Entered Evaluate(object details, LocalDate date, Instant performedAt, string jurisdiction, OzoneDoseLimits ozoneLimits,
        ProlotherapyLimits prolotherapyLimits)
    {
        var c = CultureInfo.InvariantCulture;
        switch (details)
        {
            case OzoneProcedureRecord ozone:
            {
                ozone = ozone with { ProcedureDate = date };
                var limits = ozoneLimits;
                var total = ozone.TotalOzoneMicrograms;
                var site = ozone.Region is { } r ? $" {r.Code()}" : "";
                var side = ozone.Side == BodySide.NotApplicable ? "" : $" {ozone.Side.ToString().ToLowerInvariant()}";
                var blood = ozone.BloodVolumeMl is { } b ? string.Create(c, $", blood {b:0.##} mL") : "";
                var summary = string.Create(c, $"Ozone {ozone.Route.Code()}{site}{side}: {ozone.ConcentrationMicrogramsPerMl:0.##} µg/mL × {ozone.GasVolumeMl:0.##} mL = {total ?? 0:0.##} µg{blood}");
                return new(ProcedureFamily.Ozone, ozone.Route.TherapyId(), ozone, OzoneChecks.CheckOzoneRecord(ozone, limits), total,
                    Math.Max(ozone.GasVolumeMl, 0), summary, limits.Version);
            }
            case ProlotherapySessionRecord prolo:
            {
                prolo = prolo with { ProcedureDate = date };
                var limits = prolotherapyLimits;
                var findings = ProlotherapyChecks.CheckSession(prolo, limits);
                var total = prolo.TotalVolumeMl;
                var dextrose = string.Join("/", prolo.Injections.Select(i => i.Solution.DextrosePercent).Distinct().Select(d => d.ToString("0.##", c)));
                var summary = string.Create(c, $"Prolotherapy: {prolo.Injections.Count} sites, {total:0.##} mL, dextrose {dextrose}%");
                return new(ProcedureFamily.Prolotherapy, "prolotherapy", prolo, findings, null, total, summary, limits.Version);
            }
            case CellTherapyDetails cell:
            {
                var record = cell.Record with { Administration = cell.Record.Administration with { AdministeredAt = performedAt } };
                var product = record.Product;
                var findings = CellTherapyChecks.CheckProcedure(record).ToList();
                var classification = RegulatoryClassifier.Classify(jurisdiction,
                    RegulatoryFacts.For(product, cell.HomologousUse, cell.SameSurgicalProcedure, cell.CombinedWithOtherArticle, cell.IndNumber),
                    ManipulationAssumptions.Default);
                findings.AddRange(classification.Findings);
                var stored = cell with { Record = record, Pathway = classification.Pathway, RegulatoryReasons = classification.Reasons };
                var counts = product.Counts.TotalNucleatedCells is { } tnc ? string.Create(c, $", TNC {tnc:0.###E+0}") : "";
                var summary = string.Create(c, $"Cell therapy {product.Kind.ToString().ToLowerInvariant()}, {record.Administration.Route}: {record.Administration.VolumeAdministeredMl:0.##} mL of {product.FinalProductVolumeMl:0.##} mL{counts}");
                return new(ProcedureFamily.CellTherapy, product.Kind.TherapyId(), stored, findings, null, Math.Max(record.Administration.VolumeAdministeredMl, 0),
                    summary, "cell-checks-2026-1");
            }
            default:
                throw new ArgumentException($"Unknown procedure details {details.GetType().Name}.", nameof(details));
        }
    }

    /// <summary>The gate: course active, for this therapy, its screening decided and allowing it, its consent signed (§3, issue 5).</summary>
    private async Task<List<ChartingRefusal>> GateAsync(TreatmentCourse course, string therapy, LocalDate date, CancellationToken ct)
    {
        var refusals = new List<ChartingRefusal>();
        if (course.Status != CourseStatus.Active)
            refusals.Add(new("charting.course.not-active", $"The course is {course.Status}: only an active course can be charted."));
        if (!string.Equals(course.Therapy, therapy, StringComparison.Ordinal))
            refusals.Add(new("charting.course.other-therapy", $"The course is for '{course.Therapy}', not '{therapy}'."));
        var screening = course.ScreeningId is { } sid ? await db.Screenings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        var consent = course.ConsentId is { } cid ? await db.Consents.AsNoTracking().FirstOrDefaultAsync(s => s.Id == cid, ct) : null;
        if (screening is not null && !screening.AllowsCourse)
            refusals.Add(new("charting.screening.not-allowing", "The linked screening has no physician decision that allows this course."));
        var gate = ChartingGate.Evaluate(new ChartingGateInput(course.Therapy, date,
            screening?.Id.ToString(), screening?.Therapy, screening?.EffectiveVerdict ?? screening?.Verdict, screening?.Date,
            screening?.Decision == Domain.Eligibility.ScreeningDecision.Overridden, screening?.Overrides.FirstOrDefault()?.Reason,
            consent?.Id.ToString(), consent?.Therapy, consent?.Status == Domain.Eligibility.ConsentStatus.Signed, consent?.SignedOn, consent?.Status == Domain.Eligibility.ConsentStatus.Withdrawn,
            EvidenceAcknowledgementRequired(screening), screening?.EvidenceAcknowledged ?? false));
        refusals.AddRange(gate.Reasons);
        return refusals;
    }

    /// <summary>Whether the indication treated rests on negative-rct or no-evidence-found evidence (§1): then the physician must
    /// have acknowledged it on the screening.</summary>
    private static bool EvidenceAcknowledgementRequired(Domain.Eligibility.ScreeningRecord? screening)
    {
        if (screening is null || string.IsNullOrWhiteSpace(screening.ResultJson)) return false;
        var indications = Eligibility.ScreeningJson.ReadResult(screening.ResultJson).Indications;
        return indications is not null && indications.Any(i => i.PrerequisitesMet && i.Evidence.Grade.RequiresAcknowledgement);
    }

    /// <summary>Session number within the course and spacing from the previous session (the prescription's interval).</summary>
    private async Task<List<ProcedureFinding>> SessionFindingsAsync(TreatmentCourse course, LocalDate date, ProcedureRecord? amended, CancellationToken ct)
    {
        var findings = new List<ProcedureFinding>();
        var current = await db.ProcedureRecords.AsNoTracking()
            .Where(p => p.CourseId == course.Id && p.VoidedAt == null && p.SupersededAt == null)
            .Select(p => new { p.Id, p.ProcedureDate }).ToListAsync(ct);
        var others = current.Where(p => p.Id != amended?.Id).ToList();
        if (amended is null && others.Count >= course.Sessions)
        {
            findings.Add(new("procedure.session.beyond-course", FindingKind.InvalidEntry, "session",
                $"All {course.Sessions} prescribed sessions are charted; prescribe a new course for more."));
        }
        var before = others.Where(p => p.ProcedureDate <= date).Select(p => (LocalDate?)p.ProcedureDate).Max();
        if (before is { } prev && course.Pattern.Kind == SessionPatternKind.Interval)
        {
            var prescription = new CoursePrescription(course.Therapy, course.Protocol, Math.Min(course.Sessions, 100), course.Pattern.MinDays, course.Pattern.MaxDays);
            findings.AddRange(prescription.CheckSessionDate(prev, date));
        }
        return findings;
    }
}
