using Microsoft.Extensions.Localization;
using RegenClinic.Domain.Common;

namespace RegenClinic.Web.Infrastructure;

/// <summary>Server-side errors of one form, keyed by the field they belong to ("" for the form as a whole).</summary>
public sealed class FormErrors(IStringLocalizer localizer) : Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
{
    public bool Any => Count > 0;

    /// <summary>Uses the translated text for the error code when there is one, else the domain's own message.</summary>
    public void Add(DomainException ex)
    {
        var translated = localizer[ex.Code];
        this[ex.Field ?? ""] = translated.ResourceNotFound ? ex.Message : translated.Value;
    }

    public void Required(string field) => this[field] = localizer["field.required"];

    public void Invalid(string field) => this[field] = localizer["field.invalid-format"];
}
