using Microsoft.EntityFrameworkCore;
using RegenClinic.Audit;
using RegenClinic.Clinic;
using RegenClinic.Data;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Outcomes;
using RegenClinic.Domain.Outcomes.Records;

namespace RegenClinic.Outcomes;

/// <summary>The patient's side of a questionnaire link: open it (refused when expired or used) and submit answers once.</summary>
public sealed class AnswerQuestionnaire(ClinicDb db, ClinicActor actor, ClinicTime time)
{
    /// <summary>Opens the link for display. Throws <see cref="DomainException"/> <c>outcomes.link-unknown</c>, <c>-expired</c> or <c>-used</c>.</summary>
    public async Task<OpenedQuestionnaire> OpenAsync(string token, CancellationToken ct = default)
    {
        var link = await FindUsableAsync(token, ct);
        var texts = await db.LicensedItemTexts.AsNoTracking().Where(t => t.RetiredAt == null).ToListAsync(ct);
        var forms = link.InstrumentIds.Select(Instruments.Get).Select(i =>
        {
            var loaded = texts.Where(t => t.InstrumentId == i.Id).OrderByDescending(t => t.LoadedAt).FirstOrDefault();
            IReadOnlyList<string>? itemTexts = i.ItemTextShipped ? i.Items.Select(x => x.Text ?? "").ToArray() : loaded?.ToText().ItemTexts;
            return new QuestionnaireForm(i, itemTexts, loaded?.LicenceHolder);
        }).ToArray();
        return new OpenedQuestionnaire(link.Id, link.Language, forms);
    }

    /// <summary>Scores and stores each questionnaire on the link, then spends the link, all in one save.</summary>
    public async Task<IReadOnlyList<OutcomeScoreView>> SubmitAsync(string token, IReadOnlyDictionary<string, IReadOnlyList<int?>> answers, CancellationToken ct = default)
    {
        var link = await FindUsableAsync(token, ct);
        var now = time.Now;
        actor.Name = "patient (questionnaire link)";
        actor.UserId = $"link:{link.Id}";
        var scores = new List<OutcomeScore>();
        foreach (var id in link.InstrumentIds)
        {
            var given = answers.GetValueOrDefault(id) ?? throw new DomainException("field.required", "Answer the questionnaire.", id);
            scores.Add(OutcomeScore.Record(link.PatientId, id, given, now, OutcomeSource.PatientLink, link.CourseId, link.MeasurementPoint, link.Id, actor.Name, now));
        }
        link.MarkUsed(now);
        db.OutcomeScores.AddRange(scores);
        await db.SaveChangesAsync(ct);
        return scores.Select(s => s.ToView(time)).ToArray();
    }

    private async Task<QuestionnaireLink> FindUsableAsync(string token, CancellationToken ct)
    {
        var hash = OutcomeTokens.Hash(token ?? "");
        // The token is the patient's authority, past the staff site filter, and for this one patient only.
        var link = await db.QuestionnaireLinks.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.TokenHash == hash, ct)
            ?? throw new DomainException("outcomes.link-unknown", "This link is not valid.", "token");
        actor.Scope = Security.SiteScope.Nothing with { BreakGlassPatients = [link.PatientId] };
        if (link.RefusalAt(time.Now) is { } code)
            throw new DomainException(code, code == "outcomes.link-used" ? "This link has already been used." : "This link has expired.", "token");
        return link;
    }
}
