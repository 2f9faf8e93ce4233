using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace RegenClinic.Web;

/// <summary>A feature's resource text in a given language rather than the reader's, for documents written for someone
/// else (a discharge letter in the patient's language). <c>IStringLocalizer</c> always reads the current UI culture.</summary>
public static class TextIn
{
    private static readonly ConcurrentDictionary<Type, ResourceManager> Managers = new();

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>; the key itself when there is none, as a localizer gives.</summary>
    public static string Get<TFeature>(CultureInfo culture, string key) =>
        Managers.GetOrAdd(typeof(TFeature), t => new ResourceManager($"RegenClinic.Web.Resources.{t.Name}", t.Assembly)).GetString(key, culture) ?? key;

    public static string Format<TFeature>(CultureInfo culture, string key, params object?[] args) =>
        string.Format(culture, Get<TFeature>(culture, key), args);
}
