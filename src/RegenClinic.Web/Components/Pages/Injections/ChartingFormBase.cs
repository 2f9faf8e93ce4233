using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;
using RegenClinic.Clinic;
using RegenClinic.Domain.Common;
using RegenClinic.Domain.Injections;
using RegenClinic.Injections;
using RegenClinic.Staff;
using RegenClinic.Web.Infrastructure;

namespace RegenClinic.Web.Components.Pages.Injections;

/// <summary>What every charting form posts besides its therapy's details: when, overrides, and an amendment's reason.</summary>
public class ChartingInput
{
    public string? PerformedDate { get; set; }
    public string? PerformedTime { get; set; }
    public string? AmendReason { get; set; }
    // The form mapper sets a list that was not posted to null; an empty list is what it means.
    public List<string?> OverrideCodes { get; set => field = value ?? []; } = [];
    public List<string?> OverrideReasons { get; set => field = value ?? []; } = [];
}

/// <summary>
/// The shared part of the ozone, prolotherapy and cell-therapy charting forms: loads the course (and refuses charting when
/// the gate is closed), parses when the procedure was performed, sends the details to <see cref="ChartProcedure"/>, and
/// turns its findings into errors beside the fields; limit breaches get an override-with-reason field for physicians.
/// </summary>
public abstract class ChartingFormBase : ComponentBase
{
    [Parameter] public Guid Id { get; set; }
    [Parameter] public Guid CourseId { get; set; }
    [SupplyParameterFromQuery] public Guid? Amends { get; set; }
    [CascadingParameter] public HttpContext HttpContext { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;
    [Inject] protected ViewCourse Courses { get; set; } = default!;
    [Inject] protected ChartProcedure Charter { get; set; } = default!;
    [Inject] protected NavigationManager Nav { get; set; } = default!;
    [Inject] protected ClinicTime Time { get; set; } = default!;
    [Inject] protected IStringLocalizer<InjectionsText> T { get; set; } = default!;

    protected CourseView? Course { get; private set; }
    protected bool IsPhysician { get; private set; }
    protected FormErrors Errors { get; private set; } = default!;
    /// <summary>Limit breaches that blocked the save: each gets an override field (physicians) or a note (others).</summary>
    protected IReadOnlyList<ProcedureFinding> Breaches { get; private set; } = [];
    protected IReadOnlyList<ProcedureFinding> Cautions { get; private set; } = [];
    protected IReadOnlyList<string> Refusals { get; private set; } = [];
    protected ProcedureRecord? Amended { get; private set; }
    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    protected abstract ChartingInput Common { get; }

    protected override async Task OnInitializedAsync()
    {
        Errors = new FormErrors(T);
        IsPhysician = (await Auth).User.IsInRole(Roles.Physician);
        Course = await Courses.HandleAsync(Id, CourseId);
        if (Amends is { } amends)
        {
            Amended = Course.Procedures.FirstOrDefault(p => p.Id == amends && p.IsCurrent);
            if (Amended is null) Errors[""] = T["Only the current version of a procedure can be amended."];
        }
        if (!IsPost)
        {
            var local = Time.Local(Amended?.PerformedAt ?? Time.Now);
            Common.PerformedDate = local.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            Common.PerformedTime = local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
            if (Amended is not null) Prefill(Amended);
        }
    }

    /// <summary>Fills the form from the procedure being amended.</summary>
    protected abstract void Prefill(ProcedureRecord amended);

    protected static decimal? Dec(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    protected decimal Required(string? text, string field)
    {
        if (Dec(text) is { } d) return d;
        if (string.IsNullOrWhiteSpace(text)) Errors.Required(field); else Errors.Invalid(field);
        return 0;
    }

    protected static string Num(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    protected Instant? PerformedAt()
    {
        var date = LocalDatePattern.Iso.Parse(Common.PerformedDate ?? "");
        var at = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(Common.PerformedTime ?? "");
        if (!date.Success) Errors.Invalid("performedDate");
        if (!at.Success) Errors.Invalid("performedTime");
        return date.Success && at.Success ? Time.ToInstant(date.Value + at.Value) : null;
    }

    /// <summary>Sends the details; on success goes to the course page, otherwise shows why beside the fields.</summary>
    protected async Task ChartAsync(Instant performedAt, object details)
    {
        var overrides = Common.OverrideCodes.Zip(Common.OverrideReasons)
            .Where(x => !string.IsNullOrWhiteSpace(x.First) && !string.IsNullOrWhiteSpace(x.Second))
            .Select(x => new OverrideInput(x.First!, x.Second!)).ToList();
        try
        {
            var result = await Charter.HandleAsync(new ChartProcedureRequest(Id, CourseId, performedAt, details, overrides, Amended?.Id, Common.AmendReason),
                IsPhysician);
            if (result.Saved)
            {
                Nav.NavigateTo($"/patients/{Id}/courses/{CourseId}?charted={result.ProcedureId}");
                return;
            }
            Refusals = [.. result.Refusals.Select(r => r.Message)];
            foreach (var f in result.Unresolved) Errors[f.Field] = f.Overridable ? $"{f.Message} ({T["limit"]} {f.Limit})" : f.Message;
            if (result.RejectedOverrides.Count > 0) Errors["override"] = T["An override needs a physician and a reason of at least 10 characters."];
            Breaches = [.. result.Unresolved.Where(f => f.Overridable)];
            Cautions = [.. result.Findings.Where(f => f.Kind == FindingKind.Caution)];
            Common.OverrideCodes = [.. Breaches.Select(b => (string?)b.Code)];
            Common.OverrideReasons = [.. Breaches.Select(b => overrides.FirstOrDefault(o => o.FindingCode == b.Code)?.Reason ?? "")];
            if (Refusals.Count > 0) Errors[""] = T["This procedure cannot be charted."];
        }
        catch (DomainException ex)
        {
            Errors.Add(ex);
        }
    }
}
